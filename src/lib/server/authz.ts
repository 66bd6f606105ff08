// Every permission check in one place. Routes ask here; nothing else decides who may do what.
// Roles live in memberships: admin (everything), kring editor (one kring), campaign coordinator
// (one campaign).
import { redirect } from '@sveltejs/kit';
import { db } from './db';
import type { SessionUser } from './session';

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
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
	return value;
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
