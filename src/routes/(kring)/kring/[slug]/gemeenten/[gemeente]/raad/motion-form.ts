// Reading the motion form: its fields, the role of each party (indiener / mede-indiener) and the
// vote of each party, and one source for the hand-entered votes (besluitenlijst or notulen, link,
// page). What was typed comes back as flat strings so a failed save shows it again.
import { formString } from '$lib/server/platform/forms';

export type MotionValues = Record<string, string>;

const FIELDS = ['meetingId', 'agendaItemId', 'title', 'type', 'decidedOn', 'result', 'hamerstuk', 'text', 'url', 'sourceDocument', 'sourceUrl', 'sourcePage'];

export function motionValues(form: FormData, partyIds: string[]): MotionValues {
	const values: MotionValues = {};
	for (const field of FIELDS) values[field] = formString(form, field);
	for (const id of partyIds) {
		values[`submitter-${id}`] = formString(form, `submitter-${id}`);
		values[`vote-${id}`] = formString(form, `vote-${id}`);
	}
	return values;
}

const page = (value: string) => (/^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : null);

/** The hand-entered votes: every party with a vote chosen, all from the one source given. */
export function votesInput(values: MotionValues, partyIds: string[]) {
	return partyIds
		.filter((id) => values[`vote-${id}`])
		.map((id) => ({
			partyId: id,
			vote: values[`vote-${id}`],
			sourceDocument: values.sourceDocument,
			sourceUrl: values.sourceUrl.trim() || null,
			sourcePage: page(values.sourcePage)
		}));
}

/** The input of saveManualMotion. */
export function motionInput(values: MotionValues, partyIds: string[]) {
	return {
		meetingId: values.meetingId || null,
		agendaItemId: values.agendaItemId || null,
		title: values.title,
		type: values.type,
		decidedOn: values.decidedOn || null,
		result: values.result || null,
		hamerstuk: values.hamerstuk === 'ja',
		text: values.text.trim() || null,
		url: values.url.trim() || null,
		submitters: partyIds.filter((id) => values[`submitter-${id}`]).map((id) => ({ partyId: id, role: values[`submitter-${id}`] })),
		votes: votesInput(values, partyIds)
	};
}

/** Field errors of saveManualMotion ("votes.0.sourceDocument") under the form's own names. */
export function motionErrors(fieldErrors: Record<string, string>): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const [path, message] of Object.entries(fieldErrors)) {
		const vote = /^votes\.\d+\.(\w+)$/.exec(path);
		errors[vote ? vote[1] : path] ??= message;
	}
	return errors;
}
