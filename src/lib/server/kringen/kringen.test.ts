// Kringen and themes, against the real database: only admins create kringen and change themes;
// editors are invited by e-mail (an account, a membership and a queued mail in one step); a
// kring's editors choose its gemeenten and themes; renaming or retiring a theme keeps its key.
import { describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { makeUser, uniqueTag } from '$test/signing-fixtures';
import * as kringen from './kringen';
import { saveTheme, setRetired, themeSchema } from '../gemeenten/theme-admin';
import { listThemes } from '../gemeenten/themes';

const { service } = connectTestDatabase();

async function admin() {
	const user = await makeUser('beheerder', true);
	await service.from('memberships').insert({ user_id: user.id, role: 'admin' });
	return user;
}

describe('kringen', () => {
	it('an admin creates a kring and invites an editor, who gets an account and a mail', async () => {
		const boss = await admin();
		const name = `Huisartsenkring Test ${uniqueTag()}`;
		const created = await kringen.createKring(boss.id, { name, kind: 'rho', slug: '' });
		if (created === 'slug_taken') throw new Error('slug taken');
		expect(created.slug).toMatch(/^huisartsenkring-test-/);
		expect(await kringen.createKring(boss.id, { name, kind: 'rho', slug: created.slug })).toBe('slug_taken');
		const email = `redacteur-${uniqueTag()}@example.nl`;
		const kring = (await kringen.kringBySlug(created.slug))!;
		expect(await kringen.addEditor(kring, boss, email)).toBe('added');
		expect(await kringen.addEditor(kring, boss, email)).toBe('already');
		expect((await kringen.kringBySlug(created.slug))!.editors.map((e) => e.email)).toEqual([email]);
		const { data: mail } = await service.from('outbox').select('subject, text_body').eq('to_address', email);
		expect(mail).toHaveLength(1);
		expect(mail![0].subject).toBe(`Je bent redacteur van ${name} op Laat je horen`);
		expect(mail![0].text_body).toContain(`/inloggen?naar=${encodeURIComponent(`/kring/${created.slug}`)}`);
	});

	it('nobody but an admin creates a kring; an editor of another kring cannot invite here', async () => {
		const someone = await makeUser('iemand');
		const { error } = await service.rpc('create_kring', { p_actor_id: someone.id, p_slug: `x-${uniqueTag()}`, p_name: 'Niet toegestaan', p_kind: 'kring' });
		expect(error?.code).toBe('42501');
		const boss = await admin();
		const a = await kringen.createKring(boss.id, { name: `Kring A ${uniqueTag()}`, kind: 'kring', slug: '' });
		const b = await kringen.createKring(boss.id, { name: `Kring B ${uniqueTag()}`, kind: 'kring', slug: '' });
		if (a === 'slug_taken' || b === 'slug_taken') throw new Error('slug taken');
		const editorOfB = await makeUser('redacteur-b', true);
		await kringen.addEditor({ id: b.id, name: 'B', slug: b.slug }, boss, editorOfB.email);
		expect(await kringen.addEditor({ id: a.id, name: 'A', slug: a.slug }, editorOfB, `x-${uniqueTag()}@example.nl`)).toBe('not_allowed');
		expect(await kringen.setGemeente(a.id, editorOfB.id, 'GM0479', true)).toBe(false);
	});

	it('editors choose gemeenten, themes and the second-editor rule; retired themes are not adopted', async () => {
		const boss = await admin();
		const created = await kringen.createKring(boss.id, { name: `Kring C ${uniqueTag()}`, kind: 'hagro', slug: '' });
		if (created === 'slug_taken') throw new Error('slug taken');
		const editor = await makeUser('redacteur-c', true);
		await kringen.addEditor({ id: created.id, name: 'C', slug: created.slug }, boss, editor.email);
		expect(await kringen.setGemeente(created.id, editor.id, 'GM0363', true)).toBe(true);
		expect(await kringen.setGemeente(created.id, editor.id, 'GM0363', true)).toBe(false);
		expect(await kringen.setGemeente(created.id, editor.id, 'GM0479', true)).toBe(true);
		expect(await kringen.setGemeente(created.id, editor.id, 'GM0363', false)).toBe(true);
		expect(await kringen.setGemeente(created.id, editor.id, 'GM9999', true)).toBe(false);
		expect(await kringen.saveSettings(created.id, editor.id, ['wmo', 'ggz'], true)).toBe(true);
		const kring = (await kringen.kringBySlug(created.slug))!;
		expect(kring.gemeenten.map((g) => g.code)).toEqual(['GM0479']);
		expect(kring.themeKeys.sort()).toEqual(['ggz', 'wmo']);
		expect(kring.needApproval).toBe(true);
	});
});

describe('themes', () => {
	it('an admin adds, renames and retires a theme; its key, and what refers to it, stay', async () => {
		const boss = await admin();
		const key = `spoed_${uniqueTag().replace(/-/g, '')}`;
		const input = themeSchema.parse({ key, label: `Spoedzorg ${key}`, description: 'Huisartsenpost en spoedeisende hulp goed bereikbaar.', searchWords: 'spoed, huisartsenpost, SEH' });
		expect(input.searchWords).toEqual(['spoed', 'huisartsenpost', 'seh']);
		expect(await saveTheme(boss.id, input, true)).toBe('created');
		expect(await saveTheme(boss.id, input, true)).toBe('key_taken');
		expect(await saveTheme(boss.id, { ...input, label: 'Jeugdzorg' }, false)).toBe('label_taken');
		expect(await saveTheme(boss.id, { ...input, label: `Acute zorg ${key}` }, false)).toBe('changed');
		expect(await setRetired(boss.id, key, true)).toBe(true);
		const theme = (await listThemes()).find((t) => t.key === key);
		expect(theme).toMatchObject({ label: `Acute zorg ${key}`, retired: true });
		expect((await listThemes({ activeOnly: true })).some((t) => t.key === key)).toBe(false);
		const { data: audit } = await service.from('audit_log').select('action, details').eq('entity', 'theme').eq('entity_id', key).order('id');
		expect(audit!.map((a) => a.action)).toEqual(['theme_created', 'theme_changed', 'theme_retired']);
		expect(audit![1].details).toMatchObject({ old_label: `Spoedzorg ${key}` });
	});

	it('nobody but an admin changes themes', async () => {
		const someone = await makeUser('iemand');
		const input = themeSchema.parse({ key: 'wmo', label: 'Gekaapt', description: 'Dit mag niet gebeuren, nooit.', searchWords: 'x' });
		expect(await saveTheme(someone.id, input, false)).toBe('not_allowed');
		expect(await setRetired(someone.id, 'wmo', true)).toBe(false);
		expect((await listThemes()).find((t) => t.key === 'wmo')).toMatchObject({ label: 'Wmo-voorzieningen en hulpmiddelen', retired: false });
	});
});
