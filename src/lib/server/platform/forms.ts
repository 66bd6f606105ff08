// Form actions: read fields as strings, turn zod issues into one Dutch message per field, and
// answer every expected failure in one shape, so every page shows errors the same way:
// { action, message, errors, values } — which form failed, a message for the whole form (or
// null), a message per field, and what was typed (kept, never lost).
import { fail } from '@sveltejs/kit';

// Control characters other than tab and line breaks (NUL above all) cannot be stored as text and
// never come from typing: they ride along when text is pasted from another program. They are
// invisible, so there is nothing for the person to fix; they are dropped here, on the way in, and
// so are halves of an emoji (lone surrogates), which become the replacement character.
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Text as it may be stored: without the characters above. */
export function storableText(value: string): string {
	return value.replace(UNSTORABLE, '').toWellFormed();
}

export function formString(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? storableText(value) : '';
}

/** The tick box in front of an irreversible step (ConfirmBox.svelte): name "confirm", value "ja". */
export function isConfirmed(form: FormData): boolean {
	return formString(form, 'confirm') === 'ja';
}

export const CONFIRM_MESSAGE = 'Vink aan dat je dit zeker weet.';

export function fieldErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of issues) {
		const key = String(issue.path[0] ?? 'form');
		errors[key] ??= issue.message;
	}
	return errors;
}

export interface FormFailure<A extends string, V> {
	/** Which form on the page failed (a page may hold several). */
	action: A;
	/** About the whole form, shown at its top; null when the field errors say it all. */
	message: string | null;
	/** One Dutch message per field name. */
	errors: Record<string, string>;
	/** What was typed, to put back in the form. */
	values: V;
}

/** An expected failure in the one shape pages know. `extra` carries what a page shows beside the
 * form (a conflicting version, an existing letter), never a second kind of error. */
export function formFailure<const A extends string, V = null, X extends object = object>(
	status: number,
	action: A,
	parts: { message?: string | null; errors?: Record<string, string>; values?: V },
	extra?: X
) {
	const failure: FormFailure<A, V | null> = {
		action,
		message: parts.message ?? null,
		errors: parts.errors ?? {},
		values: parts.values ?? null
	};
	return fail(status, { ...failure, ...(extra ?? ({} as X)) });
}
