// One gemeente of a kring, for its editors: the documents (add a PDF, Markdown or plain text),
// and every position by party with its state: send a party's concepts for its reaction (14 days
// by default), approve as second editor, publish. The reply link is shown once after sending.
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { kringGemeenteContext } from '../../kring-context';
import { fieldErrors, formFailure, formString } from '$lib/server/platform/forms';
import { partiesInGemeente } from '$lib/server/gemeenten/parties';
import { mayApprovePosition } from '$lib/server/auth/permissions';
import * as documents from '$lib/server/positions/documents';
import * as positions from '$lib/server/positions/positions';
import { DEFAULT_REPLY_DAYS, sendForReply } from '$lib/server/positions/reply-links';
import { formatDate, formatShortDate } from '$lib/format';
import { DOCUMENT_KIND_LABELS, POSITION_STATUS_LABELS, STANCE_LABELS } from '$lib/positions';

const DONE: Record<string, string> = {
	document: 'Het document is opgeslagen. Zoek nu per thema de passages.',
	goedgekeurd: 'De beoordeling is goedgekeurd.',
	gepubliceerd: 'Het standpunt is gepubliceerd.',
	verwijderd: 'Het document is verwijderd.'
};

export const load: PageServerLoad = async (event) => {
	const { kring, gemeente, roles } = await kringGemeenteContext(event);
	const [parties, docs, all] = await Promise.all([
		partiesInGemeente(gemeente.code),
		documents.documentsInGemeente(gemeente.code),
		positions.positionsInGemeente(gemeente.code)
	]);
	const now = Date.now();
	return {
		kring: { slug: kring.slug, name: kring.name, needApproval: kring.needApproval },
		gemeente,
		parties: parties.map((p) => ({ id: p.id, name: p.name, addresses: p.contacts.length })),
		documents: docs.map((d) => ({
			...d,
			kindLabel: DOCUMENT_KIND_LABELS[d.kind],
			publishedOn: d.publishedOn ? formatDate(d.publishedOn) : null
		})),
		byParty: parties.map((party) => {
			const mine = all.filter((p) => p.partyId === party.id);
			return {
				id: party.id,
				name: party.name,
				addresses: party.contacts.length,
				concepts: mine.filter((p) => p.status === 'concept').length,
				positions: mine.map((p) => ({
					id: p.id,
					themeLabel: p.themeLabel,
					documentId: p.documentId,
					documentTitle: p.documentTitle,
					stanceLabel: STANCE_LABELS[p.stance],
					stance: p.stance,
					status: p.status,
					statusLabel: POSITION_STATUS_LABELS[p.status],
					assessedBy: p.assessedBy,
					approvedBy: p.approvedBy,
					mayApprove: p.status !== 'gepubliceerd' && !p.approvedBy && mayApprovePosition(roles, { gemeenteCode: gemeente.code, assessedById: p.assessedById }),
					replyDue: p.replyDueAt ? formatShortDate(p.replyDueAt) : null,
					periodOver: p.replyDueAt ? new Date(p.replyDueAt).getTime() <= now : false,
					reply: p.replies[0] ? (p.replies[0].agrees ? 'eens' : 'oneens') : null,
					publishedWithoutReply: p.publishedWithoutReply
				}))
			};
		}),
		defaultDays: DEFAULT_REPLY_DAYS,
		done: DONE[event.url.searchParams.get('klaar') ?? ''] ?? null
	};
};

export const actions: Actions = { addDocument, removeDocument, send, approve, publish };

function back(event: RequestEvent, done: string, anchor: string): never {
	redirect(303, `/kring/${event.params.slug}/gemeenten/${event.params.gemeente}?klaar=${done}#${anchor}`);
}

async function addDocument(event: RequestEvent) {
	const { gemeente, user } = await kringGemeenteContext(event);
	const form = await event.request.formData();
	const file = form.get('file');
	const upload = file instanceof File && file.size > 0 ? file : null;
	const values = {
		title: formString(form, 'title'),
		kind: formString(form, 'kind'),
		url: formString(form, 'url'),
		publishedOn: formString(form, 'publishedOn'),
		partyIds: form.getAll('partyIds').filter((v): v is string => typeof v === 'string'),
		format: upload ? (upload.name.toLowerCase().endsWith('.pdf') || upload.type === 'application/pdf' ? 'pdf' : upload.name.toLowerCase().endsWith('.md') ? 'markdown' : 'tekst') : formString(form, 'format'),
		text: upload && !upload.name.toLowerCase().endsWith('.pdf') && upload.type !== 'application/pdf' ? '' : formString(form, 'text')
	};
	if (upload && upload.size > documents.MAX_UPLOAD_BYTES) {
		return formFailure(413, 'addDocument', { values, errors: { file: 'Het bestand is groter dan 25 MB.' } });
	}
	if (upload && values.format !== 'pdf') values.text = await upload.text();
	const parsed = documents.documentSchema.safeParse(values);
	if (!parsed.success) return formFailure(400, 'addDocument', { values, errors: fieldErrors(parsed.error.issues) });
	if (parsed.data.format === 'pdf' && !upload) return formFailure(400, 'addDocument', { values, errors: { file: 'Kies het pdf-bestand.' } });
	if (parsed.data.format !== 'pdf' && !parsed.data.text.trim()) {
		return formFailure(400, 'addDocument', { values, errors: { text: 'Plak de tekst van het document, of kies een bestand.' } });
	}
	const pdf = upload && parsed.data.format === 'pdf' ? new Uint8Array(await upload.arrayBuffer()) : undefined;
	const result = await documents.addDocument(user.id, gemeente.code, parsed.data, pdf);
	if ('error' in result) return formFailure(400, 'addDocument', { values: { ...values, text: '' }, message: result.error });
	redirect(303, `/kring/${event.params.slug}/gemeenten/${event.params.gemeente}/documenten/${result.id}?klaar=nieuw`);
}

async function removeDocument(event: RequestEvent) {
	const { user } = await kringGemeenteContext(event);
	const result = await documents.removeDocument(user.id, formString(await event.request.formData(), 'document'));
	if (result === 'in_use') return formFailure(409, 'removeDocument', { message: 'Dit document heeft beoordelingen en blijft daarom bewaard.' });
	if (result === 'not_found') return formFailure(404, 'removeDocument', { message: 'Dit document bestaat niet (meer).' });
	back(event, 'verwijderd', 'documenten-kop');
}

async function send(event: RequestEvent) {
	const { gemeente, user } = await kringGemeenteContext(event);
	const form = await event.request.formData();
	const partyId = formString(form, 'party');
	const values = { party: partyId, days: formString(form, 'days') };
	const days = Number(values.days);
	if (!Number.isInteger(days) || days < 1 || days > 90) {
		return formFailure(400, `send-${partyId}`, { values, errors: { days: 'Geef de partij 1 tot 90 dagen om te reageren.' } });
	}
	const parties = await partiesInGemeente(gemeente.code);
	const party = parties.find((p) => p.id === partyId);
	if (!party) return formFailure(404, `send-${partyId}`, { values, message: 'Deze partij hoort niet bij de gemeente.' });
	const result = await sendForReply(user.id, party.id, days);
	if (result.count === 0 || !result.link) {
		return formFailure(409, `send-${partyId}`, { values, message: 'Er zijn geen concepten van deze partij om te versturen.' });
	}
	return {
		action: 'send' as const,
		sent: { party: party.name, count: result.count, url: result.link.url, mailed: result.mailed, days }
	};
}

async function approve(event: RequestEvent) {
	const { user } = await kringGemeenteContext(event);
	const result = await positions.approvePosition(user.id, formString(await event.request.formData(), 'position'));
	if (result !== 'approved') return formFailure(409, 'approve', { message: positions.APPROVE_REFUSED[result] });
	back(event, 'goedgekeurd', 'standpunten-kop');
}

async function publish(event: RequestEvent) {
	const { user } = await kringGemeenteContext(event);
	const result = await positions.publishPosition(user.id, formString(await event.request.formData(), 'position'));
	if (result !== 'published') return formFailure(409, 'publish', { message: positions.PUBLISH_REFUSED[result] });
	back(event, 'gepubliceerd', 'standpunten-kop');
}
