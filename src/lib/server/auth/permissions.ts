// Every permission the app checks, as a named function, in this one module. Routes ask here;
// nothing else decides who may do what. A user's roles are read once (loadRoles): admin,
// kring editor (of kringen and the gemeenten they cover), coordinator of campaigns, and member of
// practices (in gemeenten). The database functions check the same rules again where they write.
import { redirect } from '@sveltejs/kit';
import { db } from '../platform/db';
import type { SessionUser } from './session';
import { isSent } from '$lib/campaign-status';

export interface Roles {
	userId: string;
	admin: boolean;
	/** A verified huisarts: the BIG number on the profile was verified (register or by hand). */
	verified: boolean;
	/** Kringen this user edits. */
	kringEditorOf: string[];
	/** Gemeenten covered by those kringen. */
	kringGemeenten: string[];
	/** Campaigns this user coordinates. */
	coordinatorOf: string[];
	/** Gemeenten of the campaigns this user coordinates that are not closed (afgerond). */
	coordinatingIn: string[];
	/** Gemeenten where this user works in a practice (confirmed or not). */
	practiceGemeenten: string[];
	/** Gemeenten where that membership has been confirmed. */
	confirmedPracticeGemeenten: string[];
}

/** The signed-in user, or a redirect to /inloggen that comes back here afterwards. */
export function requireUser(locals: App.Locals, url: URL): SessionUser {
	if (!locals.user) {
		const back = url.pathname + url.search;
		redirect(303, `/inloggen?naar=${encodeURIComponent(back)}`);
	}
	return locals.user;
}

const unique = (values: string[]) => [...new Set(values)];

/** Everything that gives this user rights, in one query. */
export async function loadRoles(userId: string): Promise<Roles> {
	const { data, error } = await db()
		.from('users')
		.select(
			'big_number, big_verified_at, big_verified_number, memberships(role, kring_id, campaign_id, kringen(kring_gemeenten(gemeente_code)), campaigns(gemeente_code, status)), practice_members!practice_members_user_id_fkey(confirmed_at, practices(gemeente_code))'
		)
		.eq('id', userId)
		.maybeSingle();
	if (error) throw new Error(`loadRoles: ${error.message}`);
	const memberships = data?.memberships ?? [];
	const editing = memberships.filter((m) => m.role === 'kring_editor' && m.kring_id);
	const coordinating = memberships.filter((m) => m.role === 'campaign_coordinator' && m.campaign_id);
	const practices = data?.practice_members ?? [];
	return {
		userId,
		admin: memberships.some((m) => m.role === 'admin'),
		verified: Boolean(data?.big_verified_at && data.big_verified_number && data.big_verified_number === data.big_number),
		kringEditorOf: editing.flatMap((m) => (m.kring_id ? [m.kring_id] : [])),
		kringGemeenten: unique(editing.flatMap((m) => m.kringen?.kring_gemeenten.map((g) => g.gemeente_code) ?? [])),
		coordinatorOf: coordinating.flatMap((m) => (m.campaign_id ? [m.campaign_id] : [])),
		coordinatingIn: unique(
			coordinating.flatMap((m) => (m.campaigns && m.campaigns.status !== 'afgerond' ? [m.campaigns.gemeente_code] : []))
		),
		practiceGemeenten: unique(practices.flatMap((p) => (p.practices ? [p.practices.gemeente_code] : []))),
		confirmedPracticeGemeenten: unique(
			practices.flatMap((p) => (p.practices && p.confirmed_at ? [p.practices.gemeente_code] : []))
		)
	};
}

export function isAdmin(roles: Roles): boolean {
	return roles.admin;
}

/** Edit a kring: its gemeenten, parties, documents and positions there. */
export function mayEditKring(roles: Roles, kringId: string): boolean {
	return roles.admin || roles.kringEditorOf.includes(kringId);
}

/** Assess party positions in a gemeente (documents, stances, sending for reaction, publishing):
 * editors of a kring that covers it, and admins (may_edit_positions checks the same in the
 * database). */
export function mayEditPositions(roles: Roles, gemeenteCode: string): boolean {
	return roles.admin || roles.kringGemeenten.includes(gemeenteCode);
}

/** Record commitments (toezeggingen) in a gemeente and their status updates: editors of a kring
 * that covers it, and admins (may_record_commitments checks the same in the database). */
export function mayRecordCommitments(roles: Roles, gemeenteCode: string): boolean {
	return roles.admin || roles.kringGemeenten.includes(gemeenteCode);
}

/** Set the real dates of a gemeente's policy cycle: admins, its kring editors, and the coordinators
 * of a letter there that is not closed (may_set_policy_dates, the same). */
export function maySetPolicyDates(roles: Roles, gemeenteCode: string): boolean {
	// The dates reach every follower by e-mail: the trust of the party list, not just any coordinator.
	return mayRecordCommitments(roles, gemeenteCode) || (roles.verified && roles.coordinatingIn.includes(gemeenteCode));
}

/** Approve an assessment as the second editor: someone who may edit positions there and did not
 * make this assessment. */
export function mayApprovePosition(roles: Roles, position: { gemeenteCode: string; assessedById: string | null }): boolean {
	return mayEditPositions(roles, position.gemeenteCode) && position.assessedById !== roles.userId;
}

/** Add, rename and retire themes; create kringen: admins. */
export function mayManageThemes(roles: Roles): boolean {
	return roles.admin;
}

export function mayCreateKring(roles: Roles): boolean {
	return roles.admin;
}

/** See a kring's dashboard and work list: its editors and admins. */
export function mayViewKringDashboard(roles: Roles, kringId: string): boolean {
	return mayEditKring(roles, kringId);
}

/** Start a letter in a gemeente: huisartsen with a confirmed practice there, editors of a kring
 * that covers it, and admins (start_campaign checks the same in the database). */
export function mayStartLetter(roles: Roles, gemeenteCode: string): boolean {
	return roles.admin || roles.confirmedPracticeGemeenten.includes(gemeenteCode) || roles.kringGemeenten.includes(gemeenteCode);
}

/** Confirm that someone works in a practice of this gemeente, and as whom (recorded with it):
 * admins, editors of a kring that covers it, and verified huisartsen with a confirmed practice
 * there (confirm_practice_member checks the same, and refuses one's own membership). */
export function mayConfirmPracticeMembers(roles: Roles, gemeenteCode: string): 'admin' | 'kring' | 'collega' | null {
	if (roles.admin) return 'admin';
	if (roles.kringGemeenten.includes(gemeenteCode)) return 'kring';
	if (roles.verified && roles.confirmedPracticeGemeenten.includes(gemeenteCode)) return 'collega';
	return null;
}

/** Coordinate a campaign: its coordinators and admins. */
export function mayCoordinate(roles: Roles, campaignId: string): boolean {
	return roles.admin || roles.coordinatorOf.includes(campaignId);
}

/** Choose a letter's press contact, or take it off the public page: who may coordinate it
 * (choose_press_contact and remove_press_contact check the same). */
export function mayChoosePressContact(roles: Roles, campaignId: string): boolean {
	return mayCoordinate(roles, campaignId);
}

/** Be a letter's press contact (name, e-mail and phone on its public page, with consent): its
 * coordinators only, not an admin who is none (consent_press_contact checks the same). */
export function mayBePressContact(roles: Roles, campaignId: string): boolean {
	return roles.coordinatorOf.includes(campaignId);
}

/** Change a gemeente's parties and their addresses: its kring editors, admins, and a verified
 * huisarts who coordinates a letter there that is not closed (may_edit_party_list, the same). */
export function mayEditPartyList(roles: Roles, gemeenteCode: string): boolean {
	return (
		roles.admin ||
		roles.kringGemeenten.includes(gemeenteCode) ||
		(roles.verified && roles.coordinatingIn.includes(gemeenteCode))
	);
}

/** Change the recipients from a letter's own pages: who may change the party list, while this
 * letter is not sent (from then on its recipients are part of its record). */
export function mayEditRecipients(roles: Roles, campaign: CampaignRef): boolean {
	return mayEditPartyList(roles, campaign.gemeenteCode) && !isSent(campaign.status);
}

/** Verify a signature by hand (recording how): the letter's coordinators, editors of a kring that
 * covers its gemeente, and admins; never one's own signature (verify_signature refuses that). */
export function mayVerifySignatures(roles: Roles, campaign: CampaignRef): boolean {
	return roles.admin || roles.coordinatorOf.includes(campaign.id) || roles.kringGemeenten.includes(campaign.gemeenteCode);
}

/** Read a draft and leave remarks on it (add_draft_comment checks the same, may_comment_on_draft):
 * only while it is a concept, its coordinators and admins, huisartsen with a confirmed practice in
 * the gemeente and editors of a kring that covers it. */
export function mayCommentOnDraft(roles: Roles, campaign: CampaignRef): boolean {
	return (
		campaign.status === 'concept' &&
		(mayCoordinate(roles, campaign.id) ||
			roles.confirmedPracticeGemeenten.includes(campaign.gemeenteCode) ||
			roles.kringGemeenten.includes(campaign.gemeenteCode))
	);
}

/** Mark remarks on the draft as worked in or not taken over: the letter's coordinators and admins
 * (may_resolve_draft_comments, the same), in every status. */
export function mayResolveDraftComments(roles: Roles, campaignId: string): boolean {
	return mayCoordinate(roles, campaignId);
}

/** What one user may do with one campaign. A draft is known (title, coordinators) and read, with
 * remarks on it, only by its coordinators, huisartsen with a confirmed practice in the gemeente,
 * its kring editors and admins; once signing opens the text is frozen and remarks close, and
 * huisartsen of the gemeente (a practice there), the invited and existing signers may read and
 * sign it; a letter under way or sent is public. */
export interface CampaignAccess {
	see: boolean;
	coordinate: boolean;
	readLetter: boolean;
	sign: boolean;
	/** Leave remarks on the draft (true only while it is a concept). */
	comment: boolean;
}

export interface CampaignRef {
	id: string;
	gemeenteCode: string;
	status: string;
}

export async function campaignAccess(user: SessionUser | null, campaign: CampaignRef): Promise<CampaignAccess> {
	const sent = isSent(campaign.status);
	const draft = campaign.status === 'concept';
	if (!user) return { see: !draft, coordinate: false, readLetter: sent, sign: false, comment: false };
	const roles = await loadRoles(user.id);
	if (mayCoordinate(roles, campaign.id)) {
		return { see: true, coordinate: true, readLetter: true, sign: campaign.status === 'ter_ondertekening', comment: draft };
	}
	if (draft) {
		const comment = mayCommentOnDraft(roles, campaign);
		return { see: comment, coordinate: false, readLetter: comment, sign: false, comment };
	}
	if (campaign.status !== 'ter_ondertekening') return { see: true, coordinate: false, readLetter: sent, sign: false, comment: false };
	const related = roles.practiceGemeenten.includes(campaign.gemeenteCode) || (await invitedOrSigned(user, campaign.id));
	return { see: true, coordinate: false, readLetter: related, sign: related, comment: false };
}

/** Invited to this campaign (an invitation still valid or already accepted), or signed it before. */
async function invitedOrSigned(user: SessionUser, campaignId: string): Promise<boolean> {
	const [invitation, signature] = await Promise.all([
		db()
			.from('invitations')
			.select('id')
			.eq('email', user.email)
			.eq('campaign_id', campaignId)
			.or(`accepted_at.not.is.null,expires_at.gt.${new Date().toISOString()}`)
			.limit(1),
		db().from('signatures').select('id').eq('user_id', user.id).eq('campaign_id', campaignId).limit(1)
	]);
	if (invitation.error) throw new Error(`campaignAccess: ${invitation.error.message}`);
	if (signature.error) throw new Error(`campaignAccess: ${signature.error.message}`);
	return invitation.data.length > 0 || signature.data.length > 0;
}

/** Enter, import and theme council work in a gemeente (meetings, agenda, motions, votes, party
 * names, sync): editors of a kring that covers it, and admins (may_edit_council, the same). */
export function mayEditCouncil(roles: Roles, gemeenteCode: string): boolean {
	return roles.admin || roles.kringGemeenten.includes(gemeenteCode);
}

/** Say you go to a meeting of the gemeente's council (and want to speak there): huisartsen whose
 * practice there is confirmed (may_attend_meeting, the same). */
export function mayAttendMeeting(roles: Roles, gemeenteCode: string): boolean {
	return roles.confirmedPracticeGemeenten.includes(gemeenteCode);
}

/** See by name which huisartsen go to a meeting: their colleagues (a confirmed practice in the
 * gemeente), its kring editors and admins. Everyone else sees the count and consented names. */
export function maySeeWhoAttends(roles: Roles, gemeenteCode: string): boolean {
	return roles.admin || roles.kringGemeenten.includes(gemeenteCode) || roles.confirmedPracticeGemeenten.includes(gemeenteCode);
}
