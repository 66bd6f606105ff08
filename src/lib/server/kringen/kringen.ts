// Kringen: an admin creates one; its editors (invited by e-mail: an account is made for the
// address, and the mail says where to sign in) choose the gemeenten it covers, the themes it
// follows and whether publishing a position needs a second editor. Each change is one database
// call that writes its audit entry (and queues its mail).
import { z } from 'zod';
import { db, oneOf } from '../platform/db';
import { publicOrigin } from '../platform/env';
import { kickMailWorker } from '../platform/mail';
import { emailSchema } from '../gemeenten/parties';
import { slugifyName } from '$lib/gemeente-name';
import type { KringKind } from '../gemeenten/gemeenten';

export const KRING_KINDS: Record<KringKind, string> = {
	kring: 'Kring',
	lhv_afdeling: 'LHV-afdeling',
	rho: 'Regionale huisartsenorganisatie (RHO)',
	hagro: 'Hagro'
};

export interface Kring {
	id: string;
	slug: string;
	name: string;
	kind: KringKind;
	needApproval: boolean;
	gemeenten: Array<{ code: string; name: string; slug: string }>;
	themeKeys: string[];
	editors: Array<{ name: string | null; email: string }>;
}

const KIND_KEYS = ['kring', 'lhv_afdeling', 'rho', 'hagro'] as const;

export const newKringSchema = z.object({
	name: z.string().trim().min(2, 'Vul de naam van de kring in.').max(200, 'De naam mag hoogstens 200 tekens hebben.'),
	kind: z.enum(KIND_KEYS, { message: 'Kies wat voor kring het is.' }),
	slug: z
		.string()
		.trim()
		.toLowerCase()
		.max(80, 'Het webadres mag hoogstens 80 tekens hebben.')
		.refine((value) => value === '' || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value), 'Gebruik alleen kleine letters, cijfers en streepjes.')
});

export type NewKring = z.infer<typeof newKringSchema>;

const KRING_COLUMNS =
	'id, slug, name, kind, positions_need_approval, kring_gemeenten(gemeenten(code, name, slug)), kring_themes(theme_key), memberships(role, users(name, email))' as const;

function kringQuery() {
	return db().from('kringen').select(KRING_COLUMNS);
}

function toKring(row: NonNullable<Awaited<ReturnType<typeof kringQuery>>['data']>[number]): Kring {
	return {
		id: row.id,
		slug: row.slug,
		name: row.name,
		kind: KIND_KEYS.find((k) => k === row.kind) ?? 'kring',
		needApproval: row.positions_need_approval,
		gemeenten: row.kring_gemeenten
			.flatMap((kg) => (kg.gemeenten ? [kg.gemeenten] : []))
			.sort((a, b) => a.name.localeCompare(b.name, 'nl')),
		themeKeys: row.kring_themes.map((t) => t.theme_key),
		editors: row.memberships
			.filter((m) => m.role === 'kring_editor' && m.users)
			.map((m) => ({ name: m.users?.name ?? null, email: m.users?.email ?? '' }))
			.sort((a, b) => a.email.localeCompare(b.email))
	};
}

export async function kringBySlug(slug: string): Promise<Kring | null> {
	if (slug.length > 100) return null;
	const { data, error } = await kringQuery().eq('slug', slug).maybeSingle();
	if (error) throw new Error(`kringBySlug: ${error.message}`);
	return data ? toKring(data) : null;
}

/** Every kring (admins), or the ones in `ids` (an editor's), by name. */
export async function listKringen(ids?: string[]): Promise<Kring[]> {
	let query = kringQuery();
	if (ids) query = query.in('id', ids);
	const { data, error } = await query.order('name');
	if (error) throw new Error(`listKringen: ${error.message}`);
	return data.map(toKring);
}

/** Creates the kring; 'slug_taken' when its web address exists. */
export async function createKring(actorId: string, input: NewKring): Promise<{ id: string; slug: string } | 'slug_taken'> {
	const slug = input.slug || slugifyName(input.name);
	const { data, error } = await db().rpc('create_kring', { p_actor_id: actorId, p_slug: slug, p_name: input.name, p_kind: input.kind });
	if (error?.code === '23505') return 'slug_taken';
	if (error) throw new Error(`createKring: ${error.message}`);
	return { id: data, slug };
}

export const inviteSchema = z.object({ email: emailSchema });

/** Makes the address an editor of the kring and mails them where to sign in. */
export async function addEditor(
	kring: Pick<Kring, 'id' | 'name' | 'slug'>,
	actor: { id: string; name: string | null; email: string },
	email: string
): Promise<'added' | 'already' | 'not_allowed'> {
	const by = actor.name ?? actor.email;
	const { data, error } = await db().rpc('add_kring_editor', {
		p_kring_id: kring.id,
		p_actor_id: actor.id,
		p_email: email,
		p_mail: {
			subject: `Je bent redacteur van ${kring.name} op Laat je horen`,
			text: `Hallo,

${by} heeft je redacteur gemaakt van ${kring.name} op Laat je horen. Als redacteur kies je de
gemeenten van de kring, zet je de programma's en akkoorden van de partijen erin en beoordeel je hun
standpunten over zorg, met citaat en pagina.

Log in met dit e-mailadres (${email}); je krijgt dan een inlogcode per e-mail:
${publicOrigin()}/inloggen?naar=${encodeURIComponent(`/kring/${kring.slug}`)}

Verwacht je deze e-mail niet? Dan kun je hem negeren.

Laat je horen
`
		}
	});
	if (error) throw new Error(`addEditor: ${error.message}`);
	const result = oneOf(data, ['added', 'already', 'not_allowed'], 'addEditor');
	if (result === 'added') kickMailWorker();
	return result;
}

export async function setGemeente(kringId: string, actorId: string, gemeenteCode: string, covered: boolean): Promise<boolean> {
	if (!/^GM\d{4}$/.test(gemeenteCode)) return false;
	const { data, error } = await db().rpc('set_kring_gemeente', {
		p_kring_id: kringId,
		p_actor_id: actorId,
		p_gemeente_code: gemeenteCode,
		p_covered: covered
	});
	if (error?.code === '23503') return false;
	if (error) throw new Error(`setGemeente: ${error.message}`);
	return data === true;
}

export async function saveSettings(kringId: string, actorId: string, themeKeys: string[], needApproval: boolean): Promise<boolean> {
	const { data, error } = await db().rpc('save_kring_settings', {
		p_kring_id: kringId,
		p_actor_id: actorId,
		p_theme_keys: themeKeys,
		p_need_approval: needApproval
	});
	if (error) throw new Error(`saveSettings: ${error.message}`);
	return data === true;
}
