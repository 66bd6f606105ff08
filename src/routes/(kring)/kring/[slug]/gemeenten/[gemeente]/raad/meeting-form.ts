// Reading the meeting and agenda item forms: the Dutch date and times become instants in
// Europe/Amsterdam; document links are one per line, "name | link".
import { formString } from '$lib/server/platform/forms';
import { amsterdamInstant } from '$lib/council';

export function meetingValues(form: FormData) {
	return {
		kind: formString(form, 'kind'),
		name: formString(form, 'name'),
		date: formString(form, 'date'),
		startTime: formString(form, 'startTime'),
		endTime: formString(form, 'endTime'),
		location: formString(form, 'location'),
		url: formString(form, 'url'),
		status: formString(form, 'status') || 'gepland'
	};
}

export type MeetingValues = ReturnType<typeof meetingValues>;

/** The input for saveManualMeeting, or field errors for the date and times. */
export function meetingInput(values: MeetingValues): { input: Record<string, unknown> } | { errors: Record<string, string> } {
	const errors: Record<string, string> = {};
	const startsAt = amsterdamInstant(values.date, values.startTime);
	if (!startsAt) errors[values.date ? 'startTime' : 'date'] = values.date ? 'Geef de begintijd, bijvoorbeeld 19:30.' : 'Geef de datum van de vergadering.';
	let endsAt: string | null = null;
	if (values.endTime.trim()) {
		endsAt = amsterdamInstant(values.date, values.endTime);
		if (!endsAt) errors.endTime = 'Geef de eindtijd als uu:mm, of laat hem leeg.';
	}
	if (Object.keys(errors).length > 0) return { errors };
	return {
		input: {
			kind: values.kind,
			name: values.name,
			startsAt,
			endsAt,
			location: values.location.trim() || null,
			url: values.url.trim() || null,
			status: values.status
		}
	};
}

/** "Raadsvoorstel | https://…" per line → documents; lines without a link are an error. */
export function parseDocuments(text: string): { documents: Array<{ name: string; url: string }> } | { error: string } {
	const documents: Array<{ name: string; url: string }> = [];
	for (const [index, raw] of text.split('\n').entries()) {
		const line = raw.trim();
		if (!line) continue;
		const at = line.lastIndexOf('|');
		const name = at === -1 ? '' : line.slice(0, at).trim();
		const url = (at === -1 ? line : line.slice(at + 1)).trim();
		if (!/^https?:\/\/\S+$/i.test(url)) return { error: `Regel ${index + 1} van de documenten: zet er de link achter, zo: Raadsvoorstel | https://…` };
		documents.push({ name: name || url, url });
	}
	return { documents };
}

export function documentsText(documents: Array<{ name: string; url: string | null }>): string {
	return documents.map((d) => (d.url ? `${d.name} | ${d.url}` : d.name)).join('\n');
}
