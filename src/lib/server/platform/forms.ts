// Small helpers for form actions: read fields as strings, and turn zod issues into one Dutch
// message per field ({ name: '…' }) for the page to show next to each input.
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
