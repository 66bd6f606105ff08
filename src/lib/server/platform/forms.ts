// Form actions: read fields as strings, turn zod issues into one Dutch message per field, and
// answer every expected failure in one shape, so every page shows errors the same way:
// { action, message, errors, values } — which form failed, a message for the whole form (or
// null), a message per field, and what was typed (kept, never lost).
import { fail } from '@sveltejs/kit';

export function formString(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
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
