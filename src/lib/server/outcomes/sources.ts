// What an editor can record a commitment from, in one gemeente: the parties' answers per ask of
// the letters sent there, the coalitieakkoorden and collegeprogramma's (searched passage by
// passage), the adopted motions, the meetings, and the asks a commitment may answer.
import { db } from '../platform/db';
import { ASK_ANSWER_LABELS, ASK_ANSWERS } from '$lib/ask-answers';
import { formatDate } from '$lib/format';

export interface AnswerOption {
	/** "<response id>:<ask id>", the form's value. */
	value: string;
	partyId: string;
	party: string;
	askNumber: number;
	askBody: string;
	themeKey: string | null;
	answer: string;
	explanation: string | null;
	label: string;
}

/** Every answer per ask (not disowned) to the letters sent in the gemeente, newest first. */
export async function answerOptions(gemeenteCode: string): Promise<AnswerOption[]> {
	const { data, error } = await db()
		.from('responses')
		.select(
			'id, created_at, party_id, parties(name), campaigns!inner(title, gemeente_code, status), response_answers(ask_id, answer, explanation, letter_asks!response_answers_campaign_id_ask_id_fkey(number, body, theme_key))'
		)
		.eq('campaigns.gemeente_code', gemeenteCode)
		.in('campaigns.status', ['verstuurd', 'afgerond'])
		.is('disowned_at', null)
		.order('created_at', { ascending: false });
	if (error) throw new Error(`answerOptions: ${error.message}`);
	return data.flatMap((r) =>
		r.response_answers
			.map((a) => {
				const label = ASK_ANSWERS.find((known) => known === a.answer);
				const number = a.letter_asks?.number ?? 0;
				return {
					value: `${r.id}:${a.ask_id}`,
					partyId: r.party_id,
					party: r.parties?.name ?? 'Partij',
					askNumber: number,
					askBody: a.letter_asks?.body ?? '',
					themeKey: a.letter_asks?.theme_key ?? null,
					answer: a.answer,
					explanation: a.explanation,
					label: `${r.parties?.name ?? 'Partij'} — vraag ${number}: ${label ? ASK_ANSWER_LABELS[label] : a.answer}${a.explanation ? ` ("${a.explanation.slice(0, 80)}${a.explanation.length > 80 ? '…' : ''}")` : ''} (${r.campaigns.title}, ${formatDate(r.created_at)})`
				};
			})
			.sort((a, b) => a.askNumber - b.askNumber)
	);
}

export async function akkoordDocuments(gemeenteCode: string): Promise<Array<{ id: string; title: string; publishedOn: string | null }>> {
	const { data, error } = await db()
		.from('documents')
		.select('id, title, published_on')
		.eq('gemeente_code', gemeenteCode)
		.in('kind', ['coalitieakkoord', 'collegeprogramma'])
		.order('published_on', { ascending: false, nullsFirst: false });
	if (error) throw new Error(`akkoordDocuments: ${error.message}`);
	return data.map((d) => ({ id: d.id, title: d.title, publishedOn: d.published_on }));
}

export async function adoptedMotions(gemeenteCode: string): Promise<Array<{ id: string; label: string }>> {
	const { data, error } = await db()
		.from('motions')
		.select('id, title, type, decided_on')
		.eq('gemeente_code', gemeenteCode)
		.eq('result', 'aangenomen')
		.order('decided_on', { ascending: false, nullsFirst: false })
		.limit(300);
	if (error) throw new Error(`adoptedMotions: ${error.message}`);
	return data.map((m) => ({ id: m.id, label: `${m.type === 'amendement' ? 'Amendement' : 'Motie'}: ${m.title}${m.decided_on ? ` (${formatDate(m.decided_on)})` : ''}` }));
}

export async function meetingOptions(gemeenteCode: string): Promise<Array<{ id: string; label: string }>> {
	const { data, error } = await db()
		.from('meetings')
		.select('id, name, starts_at')
		.eq('gemeente_code', gemeenteCode)
		.order('starts_at', { ascending: false })
		.limit(300);
	if (error) throw new Error(`meetingOptions: ${error.message}`);
	return data.map((m) => ({ id: m.id, label: `${m.name} (${formatDate(m.starts_at)})` }));
}

/** The numbered asks of the letters sent in the gemeente, to say which one a commitment answers. */
export async function askOptions(gemeenteCode: string): Promise<Array<{ id: string; label: string; themeKey: string | null }>> {
	const { data, error } = await db()
		.from('letter_asks')
		.select('id, number, body, theme_key, revision_id, campaigns!inner(title, gemeente_code, status, signing_revision_id)')
		.eq('campaigns.gemeente_code', gemeenteCode)
		.in('campaigns.status', ['verstuurd', 'afgerond'])
		.order('number');
	if (error) throw new Error(`askOptions: ${error.message}`);
	return data
		.filter((a) => a.revision_id === a.campaigns.signing_revision_id)
		.map((a) => ({ id: a.id, label: `Vraag ${a.number} van "${a.campaigns.title}": ${a.body.slice(0, 90)}${a.body.length > 90 ? '…' : ''}`, themeKey: a.theme_key }));
}
