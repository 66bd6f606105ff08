// Following a gemeente, against the real database and a real SMTP server: the daily e-mail comes
// only when something changed and at most once a day; its List-Unsubscribe and
// List-Unsubscribe-Post headers survive the trip and parse back with mailparser; the one-click link
// ends the follow without a session and cannot end anyone else's; the Atom feeds parse back with
// fast-xml-parser; the policy cycle's reminder goes out once, two weeks before a real date; the
// kring sees overdue commitments first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { XMLParser } from 'fast-xml-parser';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { publicOrigin } from '../platform/env';
import { connectTestDatabase } from '$test/test-db';
import { answerAs, makeUser, outcomeScene, type OutcomeScene } from '$test/outcomes-fixtures';
import { processOutbox, useTransport } from '../platform/mail';
import * as commitments from './commitments';
import { commitmentSchema, emptyCommitmentValues, statusSchema } from './commitments';
import { followGemeente, followsOf, unfollow, unsubscribeWithToken, unsubscribeToken, findUnsubscribe } from './follows';
import { sendDueDigests } from './digests';
import { changesFeed } from './atom';
import { sendDuePolicyReminders, setMoment } from './policy-moments';
import { addDays, dutchDay } from './policy-cycle';
import { kringCommitments } from './kring-commitments';

const { service } = connectTestDatabase();
const received = new Map<string, string>();
let smtp: SMTPServer;
let scene: OutcomeScene;
let responseId = '';

beforeAll(async () => {
	smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, session, callback) {
			let body = '';
			stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
			stream.on('end', () => {
				for (const to of session.envelope.rcptTo) received.set(to.address, body);
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
	useTransport(nodemailer.createTransport({ host: '127.0.0.1', port: (smtp.server.address() as AddressInfo).port, secure: false, ignoreTLS: true }));
	scene = await outcomeScene(['Zorgpartij', 'Stadspartij']);
	responseId = await answerAs(scene, 'Zorgpartij', { '1': 'ja' });
}, 60_000);

afterAll(async () => {
	useTransport(null);
	await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function record(body: string, deadline = ''): Promise<string> {
	const result = await commitments.recordCommitment(
		scene.editor.id,
		scene.gemeente.code,
		commitmentSchema(['wmo']).parse({ ...emptyCommitmentValues(), sourceKind: 'antwoord', promiser: 'partij', themeKey: 'wmo', body, deadline, answer: `${responseId}:${scene.asks.wmo.id}` })
	);
	if (!result.ok) throw new Error(result.reason);
	return result.id;
}

async function queuedTo(address: string) {
	const { data, error } = await service.from('outbox').select('id, subject, text_body, headers, status').eq('to_address', address).order('created_at');
	if (error) throw error;
	return data;
}

/** Sends queued mail (other files' too: this database is shared) until `address` has received one. */
async function deliveredTo(address: string): Promise<ParsedMail> {
	for (let round = 0; round < 50 && !received.has(address); round++) if ((await processOutbox()) === 0) break;
	const raw = received.get(address);
	if (!raw) throw new Error(`nothing delivered to ${address}`);
	return simpleParser(raw);
}

describe('following a gemeente', () => {
	it('mails only when something changed, at most once a day, with one-click unsubscribe headers that parse back', async () => {
		const reader = await makeUser('volger', true);
		expect(await followGemeente(reader.id, scene.gemeente.code)).toBe('followed');
		expect(await followGemeente(reader.id, scene.gemeente.code)).toBe('already');
		await sendDueDigests();
		expect(await queuedTo(reader.email)).toEqual([]);

		const id = await record('Elke Wmo-aanvraag binnen vier weken beslist.');
		await sendDueDigests();
		const [digest, ...more] = await queuedTo(reader.email);
		expect(more).toEqual([]);
		expect(digest.subject).toBe(`Nieuw in ${scene.gemeente.name}: 1 wijziging over zorg en politiek`);
		expect(digest.text_body).toContain('Nieuwe toezegging van Zorgpartij over Wmo-voorzieningen en hulpmiddelen');
		expect(digest.text_body).toContain(`/g/${scene.gemeente.slug}/tijdlijn/toezegging-${id}`);

		// The same day: another change waits for tomorrow.
		await commitments.updateStatus(scene.editor.id, id, statusSchema.parse({ status: 'in_uitvoering', happenedOn: '2027-01-10', note: 'Plan klaar', evidenceTitle: 'Raadsbrief', evidenceUrl: '', evidencePage: '' }));
		await sendDueDigests();
		expect(await queuedTo(reader.email)).toHaveLength(1);
		const tomorrow = new Date(Date.now() + 25 * 60 * 60 * 1000);
		await sendDueDigests(tomorrow);
		const both = await queuedTo(reader.email);
		expect(both).toHaveLength(2);
		expect(both[1].text_body).toContain('van toegezegd naar in uitvoering');
		expect(both[1].text_body).not.toContain('Nieuwe toezegging van Zorgpartij');

		const parsed = await deliveredTo(reader.email);
		const list = z
			.object({ unsubscribe: z.object({ url: z.string() }), 'unsubscribe-post': z.object({ name: z.string() }), id: z.object({ id: z.string() }) })
			.parse(parsed.headers.get('list'));
		expect(list['unsubscribe-post'].name).toBe('List-Unsubscribe=One-Click');
		expect(list.id.id).toBe(`${scene.gemeente.code.toLowerCase()}.volgen.${new URL(publicOrigin()).hostname}`);
		const url = list.unsubscribe.url;
		expect(url).toMatch(/^https?:\/\/[^/]+\/volgen\/uit\/[0-9a-f-]{36}\.[a-z2-7]{52}$/);
		expect(parsed.text).toContain(url);
	});

	it('the one-click link ends that follow without a session, once; a changed or borrowed signature ends nothing', async () => {
		const [a, b] = [await makeUser('volger-a', true), await makeUser('volger-b', true)];
		await followGemeente(a.id, scene.gemeente.code);
		await followGemeente(b.id, scene.gemeente.code);
		const [followA] = await followsOf(a.id);
		const [followB] = await followsOf(b.id);
		const tokenA = await unsubscribeToken(followA.id);
		const tokenB = await unsubscribeToken(followB.id);

		const flipped = tokenA.slice(0, -1) + (tokenA.endsWith('a') ? 'b' : 'a');
		const dot = tokenA.indexOf('.');
		const changed = tokenA.slice(0, dot + 10) + (tokenA[dot + 10] === 'a' ? 'b' : 'a') + tokenA.slice(dot + 11);
		const borrowed = `${followB.id}.${tokenA.split('.')[1]}`;
		for (const forged of [flipped, changed, borrowed, `${followB.id}`, `${followB.id}.`, 'onzin']) {
			expect(await unsubscribeWithToken(forged, 'one_click')).toBe('invalid');
			expect(await findUnsubscribe(forged)).toEqual({ state: 'invalid' });
		}
		expect(await followsOf(b.id)).toHaveLength(1);
		expect(await findUnsubscribe(tokenA)).toEqual({ state: 'ok', gemeente: scene.gemeente.name, slug: scene.gemeente.slug });

		expect(await unsubscribeWithToken(tokenA, 'one_click')).toBe('removed');
		expect(await followsOf(a.id)).toEqual([]);
		expect(await unsubscribeWithToken(tokenA, 'one_click')).toBe('gone');
		expect(await followsOf(b.id)).toHaveLength(1);
		// From the account page only one's own follow can end.
		expect(await unfollow(a.id, followB.id)).toBe(false);
		expect(await unfollow(b.id, followB.id)).toBe(true);
		const audit = await service.from('audit_log').select('action, details').eq('actor_id', a.id).eq('action', 'gemeente_unfollowed');
		expect(audit.data).toEqual([{ action: 'gemeente_unfollowed', details: { how: 'one_click' } }]);
	});
});

describe('the Atom feeds', () => {
	it('the gemeente feed parses as Atom with an entry per change, newest first, linking to the timeline', async () => {
		const id = await record('Een vast aanspreekpunt voor huisartsen bij het loket.');
		const xml = await changesFeed({ title: scene.gemeente.name, pagePath: `/g/${scene.gemeente.slug}`, feedPath: `/g/${scene.gemeente.slug}/feed.atom` }, [scene.gemeente.code]);
		const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
		expect(parsed.feed.xmlns).toBe('http://www.w3.org/2005/Atom');
		expect(parsed.feed.title).toBe(`Laat je horen: ${scene.gemeente.name}`);
		const entries = [parsed.feed.entry].flat();
		expect(entries.length).toBeGreaterThanOrEqual(3);
		const titles = entries.map((e: { title: string | { '#text': string } }) => (typeof e.title === 'string' ? e.title : e.title['#text']));
		expect(titles).toContain('Zorgpartij antwoordde op de brief "' + (await letterTitle()) + '"');
		const newest = entries[0];
		expect(newest.link.href).toBe(`${publicOrigin()}/g/${scene.gemeente.slug}/tijdlijn/toezegging-${id}`);
		const times = entries.map((e: { updated: string }) => Date.parse(e.updated));
		expect(times).toEqual([...times].sort((x, y) => y - x));
	});

	it('a kring feed holds the changes of each gemeente it covers', async () => {
		const other = await outcomeScene(['Dorpspartij']);
		await answerAs(other, 'Dorpspartij', { '1': 'nee' });
		const xml = await changesFeed({ title: 'Kring', pagePath: '/', feedPath: '/kring/x/feed.atom' }, [scene.gemeente.code, other.gemeente.code]);
		const entries = [new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).feed.entry].flat();
		const categories = new Set(entries.flatMap((e: { category: { label?: string } | Array<{ label?: string }> }) => [e.category].flat().map((c) => c.label)));
		expect(categories).toEqual(new Set([scene.gemeente.name, other.gemeente.name]));
	});
});

async function letterTitle(): Promise<string> {
	return (await service.from('campaigns').select('title').eq('id', scene.campaignId).single()).data!.title;
}

describe('the policy cycle', () => {
	it('followers get one reminder two weeks before a real date, with the suggestion and a link to start a letter', async () => {
		const reader = await makeUser('cyclus', true);
		await followGemeente(reader.id, scene.gemeente.code);
		const today = dutchDay(new Date());
		const year = Number(today.slice(0, 4));
		expect(await setMoment(reader.id, scene.gemeente.code, { kind: 'begroting', year, onDate: addDays(today, 10), note: '' })).toBe('not_allowed');
		expect(await setMoment(scene.editor.id, scene.gemeente.code, { kind: 'begroting', year, onDate: addDays(today, 20), note: 'Raadsvergadering over de begroting' })).toBe('saved');
		await sendDuePolicyReminders();
		expect((await queuedTo(reader.email)).filter((m) => m.subject.startsWith('Over twee weken'))).toEqual([]);

		expect(await setMoment(scene.editor.id, scene.gemeente.code, { kind: 'begroting', year, onDate: addDays(today, 10), note: 'Raadsvergadering over de begroting' })).toBe('saved');
		await sendDuePolicyReminders();
		await sendDuePolicyReminders();
		const reminders = (await queuedTo(reader.email)).filter((m) => m.subject.startsWith('Over twee weken'));
		expect(reminders).toHaveLength(1);
		expect(reminders[0].subject).toBe(`Over twee weken in ${scene.gemeente.name}: begroting ${year + 1}`);
		expect(reminders[0].text_body).toContain('vraag de fracties om een motie of amendement');
		expect(reminders[0].text_body).toContain(`/campagnes/nieuw?gemeente=${scene.gemeente.code}&aanleiding=begroting_${year + 1}`);
		expect(reminders[0].headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });

		// Moving the date back and forth, or clearing and setting it again, sends nothing more: the
		// followers heard of this moment already.
		const count = async () => (await queuedTo(reader.email)).filter((m) => m.subject.startsWith('Over twee weken')).length;
		for (const onDate of [addDays(today, 12), addDays(today, 40), addDays(today, 11), '', addDays(today, 9)]) {
			await setMoment(scene.editor.id, scene.gemeente.code, { kind: 'begroting', year, onDate, note: 'Verschoven' });
			await sendDuePolicyReminders();
		}
		expect(await count()).toBe(1);
		// A real postponement, beyond four weeks after the reminder, gets one of its own when it is near.
		await setMoment(scene.editor.id, scene.gemeente.code, { kind: 'begroting', year, onDate: addDays(today, 45), note: 'Uitgesteld' });
		await sendDuePolicyReminders();
		expect(await count()).toBe(1);
		await sendDuePolicyReminders(new Date(`${addDays(today, 33)}T09:00:00+01:00`));
		expect(await count()).toBe(2);
	});
});

describe('the kring view', () => {
	it('per gemeente the commitments by status, the overdue ones first', async () => {
		const late = await record('Een praktijkondersteuner jeugd in elke wijk.', '2027-01-01');
		await record('Een huisartsenpraktijk in elk nieuw bouwplan.', '2099-01-01');
		const rows = await kringCommitments(scene.kringId, '2027-03-01');
		expect(rows).toHaveLength(1);
		const [row] = rows;
		expect(row.overdue.map((c) => c.id)).toEqual([late]);
		expect(row.overdue[0]).toMatchObject({ who: 'Zorgpartij', deadline: '2027-01-01', statusLabel: 'Toegezegd' });
		expect(row.byStatus.find((s) => s.status === 'toegezegd')!.count).toBeGreaterThanOrEqual(2);
		expect(row.byStatus.reduce((sum, s) => sum + s.count, 0)).toBe(row.total);
	});
});
