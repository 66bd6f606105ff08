// Letter campaigns: one per gemeente and occasion while active; status
// concept → ter_ondertekening → verstuurd → afgerond (back to concept only to reopen the text).
// Coordinators are memberships with role campaign_coordinator. Permission checks live in authz.
import type { QueryData } from '@supabase/supabase-js';
import { z } from 'zod';
import { OCCASION_KINDS, occasionByKey, type OccasionKind } from './occasions';
import { db } from '../platform/db';
import { publicOrigin } from '../platform/env';
import { mailName } from '../platform/names';
import { kickMailWorker } from '../platform/mail';
import { slugifyName } from '$lib/gemeente-name';
import { renderMarkdown } from '../platform/markdown';
import { starterLetter } from './starter-letter';
import { listThemes } from '../gemeenten/themes';
import { campaignStatus, type CampaignStatus } from '$lib/campaign-status';

export { STATUS_LABELS, type CampaignStatus } from '$lib/campaign-status';

/** What a campaign is for: a moment of the gemeente's year (occasions.ts) or 'anders'. */
export type Occasion = OccasionKind | 'anders';

function occasionOf(value: string): Occasion {
	if (value === 'verkiezingen_2026') return 'verkiezingen';
	return OCCASION_KINDS.find((known) => known === value) ?? 'anders';
}

export interface Campaign {
	id: string;
	gemeenteCode: string;
	gemeenteName: string;
	gemeenteSlug: string;
	occasion: Occasion;
	title: string;
	/** Theme keys in the order chosen. */
	themes: string[];
	status: CampaignStatus;
	signingRevisionId: string | null;
	createdAt: string;
	sentAt: string | null;
	sentManually: boolean;
	closedAt: string | null;
}

export const CAMPAIGN_COLUMNS =
	'id, gemeente_code, occasion, title, status, signing_revision_id, created_at, sent_at, sent_manually, closed_at, gemeenten(name, slug), campaign_themes(theme_key, position)' as const;

function campaignQuery() {
	return db().from('campaigns').select(CAMPAIGN_COLUMNS);
}

type CampaignRow = QueryData<ReturnType<typeof campaignQuery>>[number];

export function toCampaign(row: CampaignRow): Campaign {
	return {
		id: row.id,
		gemeenteCode: row.gemeente_code,
		gemeenteName: row.gemeenten?.name ?? row.gemeente_code,
		gemeenteSlug: row.gemeenten?.slug ?? row.gemeente_code,
		occasion: occasionOf(row.occasion),
		title: row.title,
		themes: [...row.campaign_themes].sort((a, b) => a.position - b.position).map((t) => t.theme_key),
		status: campaignStatus(row.status),
		signingRevisionId: row.signing_revision_id,
		createdAt: row.created_at,
		sentAt: row.sent_at,
		sentManually: row.sent_manually,
		closedAt: row.closed_at
	};
}

const uuid = z.uuid();

export async function getCampaign(id: string): Promise<Campaign | null> {
	if (!uuid.safeParse(id).success) return null;
	const { data, error } = await campaignQuery().eq('id', id).maybeSingle();
	if (error) throw new Error(`getCampaign: ${error.message}`);
	return data ? toCampaign(data) : null;
}

export async function campaignsInGemeente(gemeenteCode: string): Promise<Campaign[]> {
	const { data, error } = await campaignQuery()
		.eq('gemeente_code', gemeenteCode)
		.order('created_at', { ascending: false });
	if (error) throw new Error(`campaignsInGemeente: ${error.message}`);
	return data.map(toCampaign);
}

/** Campaigns the user coordinates or signed, newest first. */
export async function campaignsOfUser(userId: string): Promise<Array<Campaign & { coordinator: boolean }>> {
	const [coordinated, signed] = await Promise.all([
		db().from('memberships').select(`campaigns(${CAMPAIGN_COLUMNS})` as const).eq('user_id', userId).eq('role', 'campaign_coordinator'),
		db().from('signatures').select(`campaigns(${CAMPAIGN_COLUMNS})` as const).eq('user_id', userId).is('withdrawn_at', null)
	]);
	if (coordinated.error) throw new Error(`campaignsOfUser: ${coordinated.error.message}`);
	if (signed.error) throw new Error(`campaignsOfUser: ${signed.error.message}`);
	const byId = new Map<string, Campaign & { coordinator: boolean }>();
	for (const row of signed.data) {
		if (row.campaigns) byId.set(row.campaigns.id, { ...toCampaign(row.campaigns), coordinator: false });
	}
	for (const row of coordinated.data) {
		if (row.campaigns) byId.set(row.campaigns.id, { ...toCampaign(row.campaigns), coordinator: true });
	}
	return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The new-letter form, checked against the themes that can be chosen now (not retired) and the
 * moments offered now (occasions.upcomingOccasions), or 'anders' with a title of one's own. */
export function newCampaignSchema(themeKeys: string[], occasionKeys: string[]) {
	const known = z.string().refine((key) => themeKeys.includes(key), 'Onbekend thema.');
	return z
		.object({
			gemeenteCode: z.string().trim().toUpperCase().regex(/^GM\d{4}$/, 'Kies de gemeente.'),
			occasion: z
				.string()
				.refine((key) => key === 'anders' || occasionKeys.includes(key), 'Kies de aanleiding van de brief.'),
			customTitle: z.string().trim().max(200, 'De titel mag hoogstens 200 tekens hebben.'),
			themes: z
				.array(known)
				.transform((themes) => [...new Set(themes)])
				.pipe(z.array(z.string()).min(1, 'Kies minstens één thema.'))
		})
		.refine((value) => value.occasion !== 'anders' || value.customTitle.length >= 3, {
			path: ['customTitle'],
			message: 'Geef de brief een titel van minstens 3 tekens.'
		});
}

export type NewCampaign = z.infer<ReturnType<typeof newCampaignSchema>>;

/** "The same occasion" for the one-active-letter rule: the moment's key, or the own title's slug. */
export function occasionKey(input: Pick<NewCampaign, 'occasion' | 'customTitle'>): string {
	return occasionByKey(input.occasion)?.key ?? `anders:${slugifyName(input.customTitle)}`;
}

export function campaignTitle(input: Pick<NewCampaign, 'occasion' | 'customTitle'>): string {
	return occasionByKey(input.occasion)?.label ?? input.customTitle;
}

/** The active campaign for this gemeente and occasion, if any (to join instead of starting a second). */
export async function activeCampaignFor(gemeenteCode: string, key: string): Promise<Campaign | null> {
	const { data, error } = await db()
		.from('campaigns')
		.select(CAMPAIGN_COLUMNS)
		.eq('gemeente_code', gemeenteCode)
		.eq('occasion_key', key)
		.neq('status', 'afgerond')
		.maybeSingle();
	if (error) throw new Error(`activeCampaignFor: ${error.message}`);
	return data ? toCampaign(data) : null;
}

/** Starts a campaign; offers the active one for the same occasion instead of a second, and
 * refuses ('not_allowed') anyone who is not a huisarts of the gemeente, its kring's editor or an admin. */
export async function startCampaign(
	userId: string,
	input: NewCampaign,
	gemeenteName: string
): Promise<{ id: string } | { existing: Campaign } | 'not_allowed'> {
	const key = occasionKey(input);
	const active = await activeCampaignFor(input.gemeenteCode, key);
	if (active) return { existing: active };
	const themes = await listThemes();
	const chosen = input.themes.flatMap((key) => themes.filter((theme) => theme.key === key));
	const body = starterLetter(gemeenteName, chosen);
	const { data, error } = await db().rpc('start_campaign', {
		p_user_id: userId,
		p_gemeente_code: input.gemeenteCode,
		p_occasion: occasionByKey(input.occasion)?.kind ?? 'anders',
		p_title: campaignTitle(input),
		p_occasion_key: key,
		p_themes: input.themes,
		p_body_md: body,
		p_body_html: renderMarkdown(body)
	});
	if (error?.code === '23505') {
		const existing = await activeCampaignFor(input.gemeenteCode, key);
		if (existing) return { existing };
	}
	if (error?.code === '42501') return 'not_allowed';
	if (error) throw new Error(`startCampaign: ${error.message}`);
	return { id: data };
}

export async function changeStatus(
	campaignId: string,
	actorId: string,
	from: CampaignStatus,
	to: CampaignStatus
): Promise<boolean> {
	const { data, error } = await db().rpc('change_campaign_status', {
		p_campaign_id: campaignId,
		p_actor_id: actorId,
		p_from: from,
		p_to: to
	});
	if (error) throw new Error(`changeStatus: ${error.message}`);
	return data === true;
}

export interface Coordinator {
	userId: string;
	name: string | null;
	email: string;
}

export async function coordinatorsOf(campaignId: string): Promise<Coordinator[]> {
	const { data, error } = await db()
		.from('memberships')
		.select('user_id, users(name, email)')
		.eq('campaign_id', campaignId)
		.eq('role', 'campaign_coordinator')
		.order('created_at');
	if (error) throw new Error(`coordinatorsOf: ${error.message}`);
	return data.map((row) => ({ userId: row.user_id, name: row.users?.name ?? null, email: row.users?.email ?? '' }));
}

/** Makes `email` (an account is created on first use) a coordinator of the campaign, with its
 * audit entry and the mail that tells them, in one database call. */
export async function addCoordinator(
	campaign: Pick<Campaign, 'id' | 'title' | 'gemeenteName'>,
	actor: { id: string; name: string | null; email: string },
	email: string
): Promise<'added' | 'already'> {
	const mail = {
		subject: `Je bent mede-coördinator van de brief in ${campaign.gemeenteName}`,
		text: [
			`${actor.name ? `${mailName(actor.name, 'Een collega')} (${actor.email})` : actor.email} heeft je toegevoegd als mede-coördinator van de brief "${campaign.title}" van de huisartsen in ${campaign.gemeenteName}.`,
			'',
			`Log in met dit e-mailadres en open de brief: ${publicOrigin()}/campagnes/${campaign.id}`,
			'',
			'Laat je horen'
		].join('\n')
	};
	const { data, error } = await db().rpc('add_coordinator', {
		p_campaign_id: campaign.id,
		p_actor_id: actor.id,
		p_email: email,
		p_mail: mail
	});
	if (error) throw new Error(`addCoordinator: ${error.message}`);
	if (data === 'added') kickMailWorker();
	return data === 'added' ? 'added' : 'already';
}
