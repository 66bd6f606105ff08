// Remarks on a draft letter, against the real local database: who may make and resolve them (the
// database refuses the same people the app does), that they close when signing opens, that a remark
// finds its block again in a later version, the history, and the coordinators' mail at most once
// an hour per letter.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { emptyGemeente, huisartsen, makeCampaign, makeUser, setStatus } from '$test/signing-fixtures';
import type { SessionUser } from '../auth/session';
import { loadRoles, mayCommentOnDraft } from '../auth/permissions';
import type { Campaign } from './campaigns';
import * as revisions from './revisions';
import { splitLetter } from './letter-blocks';
import { actionLabel, campaignHistory, detailText } from './history';
import { deleteAccount, exportUserData } from '../auth/users';
import {
	addComment,
	commentSchema,
	listComments,
	openCommentCount,
	placeComments,
	reopenComment,
	resolveComment,
	resolutionSchema,
	type DraftComment
} from './draft-comments';

const { service } = connectTestDatabase();

interface Cast {
	campaign: Campaign;
	coordinator: SessionUser;
	coCoordinator: SessionUser;
	confirmed: SessionUser;
	unconfirmed: SessionUser;
	stranger: SessionUser;
	admin: SessionUser;
}

async function cast(): Promise<Cast> {
	const gemeente = await emptyGemeente();
	const coordinator = await makeUser('coordinator', true);
	const campaign = await makeCampaign(coordinator, gemeente);
	const coCoordinator = await makeUser('mede', true);
	await service.from('memberships').insert({ user_id: coCoordinator.id, role: 'campaign_coordinator', campaign_id: campaign.id });
	const [confirmed, unconfirmed] = await huisartsen(gemeente.code, 2);
	await service.from('practice_members').update({ confirmed_at: new Date().toISOString(), confirmed_how: 'kring' }).eq('user_id', confirmed.id);
	await service.from('users').update({ name: 'Dr. Meelezer' }).eq('id', confirmed.id);
	const stranger = await makeUser('vreemde');
	const admin = await makeUser('beheer');
	await service.from('memberships').insert({ user_id: admin.id, role: 'admin' });
	return { campaign, coordinator, coCoordinator, confirmed: { ...confirmed, name: 'Dr. Meelezer' }, unconfirmed, stranger, admin };
}

async function latest(campaign: Campaign) {
	const revision = await revisions.latestRevision(campaign.id);
	if (!revision) throw new Error('no revision');
	return { revision, blocks: splitLetter(revision.bodyMd) };
}

const body = (text: string) => ({ body: text });

async function mailsTo(...users: SessionUser[]) {
	const { data, error } = await service
		.from('outbox')
		.select('to_address, subject, text_body, next_attempt_at, created_at')
		.in('to_address', users.map((u) => u.email))
		.like('subject', 'Nieuwe opmerkingen%')
		.order('created_at');
	if (error) throw error;
	return data;
}

describe('who may comment on a draft', () => {
	let c: Cast;
	beforeAll(async () => {
		c = await cast();
	});

	it('confirmed huisartsen of the gemeente, its coordinators and admins may; the database refuses the others as the app does', async () => {
		const { revision, blocks } = await latest(c.campaign);
		const ask = blocks.find((b) => b.kind === 'ask')!;
		const people = [c.confirmed, c.coordinator, c.admin, c.unconfirmed, c.stranger];
		const results = [];
		for (const person of people) {
			const app = mayCommentOnDraft(await loadRoles(person.id), c.campaign);
			// Straight to the database function, whatever the app thinks.
			const result = await addComment(c.campaign, person.id, { revision: revision.number, anchor: ask.anchor, body: 'Graag scherper.' });
			results.push([app, result]);
		}
		expect(results).toEqual([
			[true, 'added'],
			[true, 'added'],
			[true, 'added'],
			[false, 'not_allowed'],
			[false, 'not_allowed']
		]);
		const comments = await listComments(c.campaign.id);
		expect(comments).toHaveLength(3);
		expect(comments[0]).toMatchObject({ anchor: ask.anchor, kind: 'ask', quote: ask.quote, body: 'Graag scherper.', authorName: 'Dr. Meelezer', revisionNumber: revision.number });
		// A coordinator without a name is "een collega" to other huisartsen, their address to coordinators.
		expect(comments[1].authorName).toBe('Dokter coordinator 0');
		expect((await listComments(c.campaign.id))[2].authorName).toBe('Een collega');
		expect((await listComments(c.campaign.id, { withEmail: true }))[2].authorName).toBe(c.admin.email);
	});

	it('refuses a block that does not exist or has no words, and a revision of another letter', async () => {
		const { revision } = await latest(c.campaign);
		expect(await addComment(c.campaign, c.confirmed.id, { revision: revision.number, anchor: '999', body: 'x' })).toBe('unknown_block');
		expect(await addComment(c.campaign, c.confirmed.id, { revision: 99, anchor: null, body: 'x' })).toBe('unknown_revision');
		const other = await makeCampaign(c.coordinator, await emptyGemeente());
		const foreign = (await revisions.latestRevision(other.id))!;
		const { error, data } = await service.rpc('add_draft_comment', {
			p_campaign_id: c.campaign.id,
			p_author_id: c.confirmed.id,
			p_revision_id: foreign.id,
			p_body: 'x',
			p_notice: null
		});
		expect(error).toBeNull();
		expect(data).toBe('unknown_revision');
	});

	it('checks the text in Dutch: not empty, not longer than 2000 characters; the database holds the same line', async () => {
		const empty = commentSchema.safeParse({ body: '  \r\n ', anchor: '', revision: '1' });
		expect(empty.success ? null : empty.error.issues[0].message).toBe('Schrijf je opmerking.');
		const long = commentSchema.safeParse({ body: 'a'.repeat(2001), anchor: '3-1', revision: '1' });
		expect(long.success ? null : long.error.issues[0].message).toBe('Een opmerking mag hoogstens 2.000 tekens hebben.');
		expect(commentSchema.parse({ body: ' Goed\r\nzo ', anchor: '', revision: '2' })).toEqual({ body: 'Goed\nzo', anchor: null, revision: 2 });
		const { revision } = await latest(c.campaign);
		const { error } = await service.rpc('add_draft_comment', {
			p_campaign_id: c.campaign.id,
			p_author_id: c.confirmed.id,
			p_revision_id: revision.id,
			p_body: 'a'.repeat(2001),
			p_notice: null
		});
		expect(error?.code).toBe('23514');
	});
});

describe('resolving remarks', () => {
	let c: Cast;
	let remark: DraftComment;
	beforeAll(async () => {
		c = await cast();
		const { revision } = await latest(c.campaign);
		await addComment(c.campaign, c.confirmed.id, { revision: revision.number, anchor: null, body: 'Mooi, maar te lang.' });
		await addComment(c.campaign, c.confirmed.id, { revision: revision.number, anchor: null, body: 'Noem ook de POH-ggz.' });
		[remark] = await listComments(c.campaign.id);
	});

	it('only the coordinators and admins; once; with a note; counted as open until then', async () => {
		expect(await openCommentCount(c.campaign.id)).toBe(2);
		const input = { comment: remark.id, resolution: 'niet_overgenomen' as const, note: 'Lengte is nodig.' };
		expect(await resolveComment(c.campaign.id, c.confirmed.id, input)).toBe('not_allowed');
		expect(await resolveComment(c.campaign.id, c.stranger.id, input)).toBe('not_allowed');
		expect(await openCommentCount(c.campaign.id)).toBe(2);

		expect(await resolveComment(c.campaign.id, c.coCoordinator.id, input)).toBe('resolved');
		expect(await resolveComment(c.campaign.id, c.coordinator.id, { ...input, resolution: 'verwerkt' })).toBe('already');
		expect(await openCommentCount(c.campaign.id)).toBe(1);
		const [resolved] = await listComments(c.campaign.id, { withEmail: true });
		expect(resolved).toMatchObject({ resolution: 'niet_overgenomen', note: 'Lengte is nodig.', resolvedByName: 'Dokter mede 0' });
		expect(resolved.resolvedAt).not.toBeNull();

		const [, second] = await listComments(c.campaign.id);
		expect(await resolveComment(c.campaign.id, c.admin.id, { comment: second.id, resolution: 'verwerkt', note: '' })).toBe('resolved');
		expect((await listComments(c.campaign.id))[1]).toMatchObject({ resolution: 'verwerkt', note: null });
		expect(await openCommentCount(c.campaign.id)).toBe(0);
	});

	it("a coordinator of another letter cannot resolve this letter's remarks through their own", async () => {
		const other = await makeCampaign(c.coordinator, await emptyGemeente());
		const outsider = await makeUser('ander');
		await service.from('memberships').insert({ user_id: outsider.id, role: 'campaign_coordinator', campaign_id: other.id });
		const input = { comment: remark.id, resolution: 'verwerkt' as const, note: '' };
		expect(await resolveComment(other.id, outsider.id, input)).toBe('not_found');
		expect(await resolveComment(c.campaign.id, outsider.id, input)).toBe('not_allowed');
	});

	it('checks the choice and the note in Dutch', () => {
		const wrong = resolutionSchema.safeParse({ comment: remark.id, resolution: 'weg', note: '' });
		expect(wrong.success ? null : wrong.error.issues[0].message).toBe('Kies verwerkt of niet overgenomen.');
		const long = resolutionSchema.safeParse({ comment: remark.id, resolution: 'verwerkt', note: 'x'.repeat(501) });
		expect(long.success ? null : long.error.issues[0].message).toBe('Een toelichting mag hoogstens 500 tekens hebben.');
	});

	it('shows every remark and resolution in the history', async () => {
		const { entries } = await campaignHistory(c.campaign);
		const lines = entries
			.filter((e) => e.action.startsWith('draft_comment'))
			.map((e) => [actionLabel(e.action), e.actor, detailText(e.action, e.details)]);
		expect(lines).toEqual([
			['Opmerking afgehandeld', c.admin.email, 'verwerkt: over de hele brief'],
			['Opmerking afgehandeld', 'Dokter mede 0', 'niet overgenomen (Lengte is nodig.): over de hele brief'],
			['Opmerking geplaatst bij het concept', 'Dr. Meelezer', 'over de hele brief (versie 1)'],
			['Opmerking geplaatst bij het concept', 'Dr. Meelezer', 'over de hele brief (versie 1)']
		]);
	});
});

describe('reopening a handled remark', () => {
	it('the coordinators and admins, while a concept: the remark is open again, and the history keeps both steps', async () => {
		const c = await cast();
		const { revision, blocks } = await latest(c.campaign);
		await addComment(c.campaign, c.confirmed.id, { revision: revision.number, anchor: blocks[0].anchor, body: 'Aanhef?' });
		const [remark] = await listComments(c.campaign.id);
		expect(await reopenComment(c.campaign.id, c.coordinator.id, remark.id)).toBe('already');
		await resolveComment(c.campaign.id, c.coordinator.id, { comment: remark.id, resolution: 'niet_overgenomen', note: 'Per ongeluk.' });
		expect(await openCommentCount(c.campaign.id)).toBe(0);

		for (const person of [c.confirmed, c.stranger]) expect(await reopenComment(c.campaign.id, person.id, remark.id)).toBe('not_allowed');
		expect(await openCommentCount(c.campaign.id)).toBe(0);

		expect(await reopenComment(c.campaign.id, c.coCoordinator.id, remark.id)).toBe('reopened');
		expect(await openCommentCount(c.campaign.id)).toBe(1);
		const [open] = await listComments(c.campaign.id);
		expect(open).toMatchObject({ resolution: null, note: null, resolvedAt: null });

		// Handled again, then signing opens: the text is frozen, reopening has no point any more.
		await resolveComment(c.campaign.id, c.admin.id, { comment: remark.id, resolution: 'verwerkt', note: '' });
		const signing = await setStatus(c.campaign, c.coordinator.id, 'concept', 'ter_ondertekening');
		expect(await reopenComment(signing.id, c.coordinator.id, remark.id)).toBe('closed');
		expect(await openCommentCount(c.campaign.id)).toBe(0);

		const { entries } = await campaignHistory(signing);
		const lines = entries
			.filter((e) => e.action.startsWith('draft_comment'))
			.map((e) => [actionLabel(e.action), e.actor, detailText(e.action, e.details)]);
		expect(lines.slice(0, 3)).toEqual([
			['Opmerking afgehandeld', c.admin.email, expect.stringMatching(/^verwerkt: bij "/)],
			['Afgehandelde opmerking weer geopend', 'Dokter mede 0', expect.stringMatching(/^was niet overgenomen: bij "/)],
			['Opmerking afgehandeld', expect.any(String), expect.stringMatching(/^niet overgenomen \(Per ongeluk\.\): bij "/)]
		]);
	});

	it('refuses a remark of another letter', async () => {
		const c = await cast();
		const { revision } = await latest(c.campaign);
		await addComment(c.campaign, c.confirmed.id, { revision: revision.number, anchor: null, body: 'Elders.' });
		const [remark] = await listComments(c.campaign.id);
		await resolveComment(c.campaign.id, c.coordinator.id, { comment: remark.id, resolution: 'verwerkt', note: '' });
		const other = await makeCampaign(c.coordinator, await emptyGemeente());
		expect(await reopenComment(other.id, c.coordinator.id, remark.id)).toBe('not_found');
		expect(await openCommentCount(c.campaign.id)).toBe(0);
	});
});

describe('after signing opens', () => {
	it('nobody comments any more, the remarks stay for the coordinators, who can still resolve them', async () => {
		const c = await cast();
		const { revision, blocks } = await latest(c.campaign);
		await addComment(c.campaign, c.confirmed.id, { revision: revision.number, anchor: blocks[0].anchor, body: 'Aanhef?' });
		const open = await setStatus(c.campaign, c.coordinator.id, 'concept', 'ter_ondertekening');
		for (const person of [c.confirmed, c.coordinator, c.admin]) {
			expect(await addComment(open, person.id, { revision: revision.number, anchor: null, body: 'Te laat' })).toBe('closed');
		}
		const remarks = await listComments(open.id);
		expect(remarks.map((r) => r.body)).toEqual(['Aanhef?']);
		expect(await resolveComment(open.id, c.coordinator.id, { comment: remarks[0].id, resolution: 'verwerkt', note: '' })).toBe('resolved');
	});
});

describe('a remark keeps its place in a later version', () => {
	it('under the same ask after a paragraph is added above and the ask is reworded; apart when its text is gone', async () => {
		const c = await cast();
		const v1 = await latest(c.campaign);
		const ask1 = v1.blocks.find((b) => b.askNumber === 1)!;
		const opening = v1.blocks.find((b) => b.kind === 'paragraph' && b.quote.startsWith('Wij schrijven u'))!;
		await addComment(c.campaign, c.confirmed.id, { revision: 1, anchor: ask1.anchor, body: 'Noem een termijn.' });
		await addComment(c.campaign, c.confirmed.id, { revision: 1, anchor: opening.anchor, body: 'Te formeel.' });
		await addComment(c.campaign, c.confirmed.id, { revision: 1, anchor: null, body: 'Goed begin!' });

		const text = v1.revision.bodyMd
			.replace('Geachte fractie,', 'Geachte fractie,\n\nVooraf: dit is een gezamenlijke brief.\n\nWij tekenen met velen.')
			.replace(ask1.quote, `${ask1.quote.replace(/\.$/, '')}, binnen vier weken.`)
			.replace(/Wij schrijven u[^\n]*\n/, '');
		expect(await revisions.saveRevision(c.campaign.id, c.coordinator.id, text)).toBe(2);
		const v2 = await latest(c.campaign);
		const newAsk1 = v2.blocks.find((b) => b.askNumber === 1)!;
		expect(newAsk1.anchor).not.toBe(ask1.anchor);

		const placed = placeComments(v2.blocks, v2.revision.id, await listComments(c.campaign.id));
		expect(placed.byAnchor.get(newAsk1.anchor)?.map((r) => r.body)).toEqual(['Noem een termijn.']);
		expect(placed.general.map((r) => r.body)).toEqual(['Goed begin!']);
		expect(placed.detached.map((r) => [r.body, r.quote])).toEqual([['Te formeel.', opening.quote]]);
		// On the version it was made on, everything is where it was made.
		const onV1 = placeComments(v1.blocks, v1.revision.id, await listComments(c.campaign.id));
		expect(onV1.byAnchor.get(ask1.anchor)?.map((r) => r.body)).toEqual(['Noem een termijn.']);
		expect(onV1.byAnchor.get(opening.anchor)?.map((r) => r.body)).toEqual(['Te formeel.']);
	});
});

describe('the mail to the coordinators', () => {
	it('goes at once for the first remark, an hour later for the next ones, never twice within an hour', async () => {
		const c = await cast();
		const { revision } = await latest(c.campaign);
		const remark = (person: SessionUser, text: string) => addComment(c.campaign, person.id, { revision: revision.number, anchor: null, body: text });
		const due = (mail: { next_attempt_at: string; created_at: string }) =>
			Math.round((Date.parse(mail.next_attempt_at) - Date.parse(mail.created_at)) / 60_000);

		expect(await remark(c.confirmed, 'Eerste')).toBe('added');
		let mails = await mailsTo(c.coordinator, c.coCoordinator, c.confirmed);
		expect(mails.map((m) => [m.to_address, due(m)]).sort()).toEqual(
			[
				[c.coCoordinator.email, 0],
				[c.coordinator.email, 0]
			].sort()
		);
		expect(mails[0].subject).toBe(`Nieuwe opmerkingen van collega's op de conceptbrief in ${c.campaign.gemeenteName}`);
		expect(mails[0].text_body).toContain(`/campagnes/${c.campaign.id}/brief#opmerkingen`);
		expect(mails[0].text_body).toContain('hoogstens één e-mail per uur');

		// Within the hour: one more mail, due an hour after the first; then nothing new.
		await remark(c.confirmed, 'Tweede');
		await remark(c.admin, 'Derde');
		await remark(c.confirmed, 'Vierde');
		mails = await mailsTo(c.coordinator, c.coCoordinator, c.confirmed);
		expect(mails).toHaveLength(4);
		// (Measured from when the first was queued: the mail worker of a parallel test may send it.)
		const minutesAfterFirst = (mail: { next_attempt_at: string }) => Math.round((Date.parse(mail.next_attempt_at) - Date.parse(mails[0].created_at)) / 60_000);
		expect(mails.slice(2).map((m) => [m.to_address, minutesAfterFirst(m)]).sort()).toEqual(
			[
				[c.coCoordinator.email, 60],
				[c.coordinator.email, 60]
			].sort()
		);

		// Two hours on (the last mail's time moved back, as the clock would): at once again. A
		// coordinator's own remark goes to the other coordinator only.
		await service.from('draft_comment_notices').update({ due_at: new Date(Date.now() - 2 * 3600_000).toISOString() }).eq('campaign_id', c.campaign.id);
		await remark(c.coordinator, 'Vijfde');
		mails = await mailsTo(c.coordinator, c.coCoordinator, c.confirmed);
		expect(mails).toHaveLength(5);
		expect([mails[4].to_address, due(mails[4])]).toEqual([c.coCoordinator.email, 0]);
	});
});

describe("the author's own data", () => {
	it('the remarks are in their data export; after deleting the account they stay, without a name', async () => {
		const c = await cast();
		const { revision } = await latest(c.campaign);
		await addComment(c.campaign, c.confirmed.id, { revision: revision.number, anchor: null, body: 'Mijn eigen woorden.' });
		expect(JSON.stringify(await exportUserData(c.confirmed.id))).toContain('Mijn eigen woorden.');
		await deleteAccount(c.confirmed.id);
		const [remark] = await listComments(c.campaign.id);
		expect(remark).toMatchObject({ body: 'Mijn eigen woorden.', authorName: 'Een verwijderd account' });
	});
});
