// Every permission check in one place. Routes ask here; nothing else decides who may do what.
// Roles live in memberships: admin (everything), kring editor (one kring), campaign coordinator
// (one campaign).
import { error, redirect } from '@sveltejs/kit';
import { db } from '../platform/db';
import type { SessionUser } from './session';
import { isSent } from '$lib/campaign-status';

export type Role = 'admin' | 'kring_editor' | 'campaign_coordinator';

export interface Membership {
	role: Role;
	kringId: string | null;
	campaignId: string | null;
}

/** The signed-in user, or a redirect to /inloggen that comes back here afterwards. */
export function requireUser(locals: App.Locals, url: URL): SessionUser {
	if (!locals.user) {
		const back = url.pathname + url.search;
		redirect(303, `/inloggen?naar=${encodeURIComponent(back)}`);
	}
	return locals.user;
}

/** A safe place to go after signing in: only paths on this site. */
export function safeRedirectPath(value: string | null | undefined, fallback = '/account'): string {
	// Browsers drop tabs and newlines and read "\\" as "/", so "/\t/evil.example" would leave the site.
	if (!value || !value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
	const base = 'https://laatjehoren.invalid';
	const resolved = new URL(value, base);
	if (resolved.origin !== base) return fallback;
	return resolved.pathname + resolved.search + resolved.hash;
}

export async function membershipsOf(userId: string): Promise<Membership[]> {
	const { data, error } = await db()
		.from('memberships')
		.select('role, kring_id, campaign_id')
		.eq('user_id', userId);
	if (error) throw new Error(`membershipsOf: ${error.message}`);
	return data.map((row) => ({ role: row.role as Role, kringId: row.kring_id, campaignId: row.campaign_id }));
}

export function isAdmin(memberships: Membership[]): boolean {
	return memberships.some((m) => m.role === 'admin');
}

export function canEditKring(memberships: Membership[], kringId: string): boolean {
	return isAdmin(memberships) || memberships.some((m) => m.role === 'kring_editor' && m.kringId === kringId);
}

export function canCoordinateCampaign(memberships: Membership[], campaignId: string): boolean {
	return (
		isAdmin(memberships) ||
		memberships.some((m) => m.role === 'campaign_coordinator' && m.campaignId === campaignId)
	);
}

/** What one user may do with one campaign. The draft text stays with its coordinators; once
 * signing opens, huisartsen of the gemeente (a practice there), the invited and existing signers
 * may read and sign it; once sent, it is public. */
export interface CampaignAccess {
	coordinate: boolean;
	readLetter: boolean;
	sign: boolean;
}

export interface CampaignRef {
	id: string;
	gemeenteCode: string;
	status: string;
}

export async function campaignAccess(user: SessionUser | null, campaign: CampaignRef): Promise<CampaignAccess> {
	const sent = isSent(campaign.status);
	if (!user) return { coordinate: false, readLetter: sent, sign: false };
	const userId = user.id;
	const memberships = await membershipsOf(userId);
	const coordinate = canCoordinateCampaign(memberships, campaign.id);
	if (coordinate) return { coordinate, readLetter: true, sign: campaign.status === 'ter_ondertekening' };
	if (campaign.status !== 'ter_ondertekening') return { coordinate, readLetter: sent, sign: false };

	const [practices, invitation, signature] = await Promise.all([
		db().from('practice_members').select('practices!inner(gemeente_code)').eq('user_id', userId).eq('practices.gemeente_code', campaign.gemeenteCode).limit(1),
		db()
			.from('invitations')
			.select('id')
			.eq('email', user.email)
			.eq('campaign_id', campaign.id)
			.or(`accepted_at.not.is.null,expires_at.gt.${new Date().toISOString()}`)
			.limit(1),
		db().from('signatures').select('id').eq('user_id', userId).eq('campaign_id', campaign.id).limit(1)
	]);
	for (const result of [practices, invitation, signature]) {
		if (result.error) throw new Error(`campaignAccess: ${result.error.message}`);
	}
	const related = Boolean(practices.data?.length || invitation.data?.length || signature.data?.length);
	return { coordinate, readLetter: related, sign: related };
}

/** For coordinator-only pages and actions: the user, or a 403 in Dutch. */
export async function requireCoordinator(locals: App.Locals, url: URL, campaign: CampaignRef): Promise<SessionUser> {
	const user = requireUser(locals, url);
	const access = await campaignAccess(user, campaign);
	if (!access.coordinate) error(403, 'Alleen de coördinatoren van deze brief kunnen dit doen.');
	return user;
}
