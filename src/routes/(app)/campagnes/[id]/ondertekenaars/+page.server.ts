// Coordinators only: coverage in the gemeente, the practices not reached yet, every signature
// (with BIG number, to verify), invitations by e-mail and the link to share.
import { error, redirect } from '@sveltejs/kit';
import { loadRoles, mayVerifySignatures } from '$lib/server/auth/permissions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { coverage } from '$lib/server/letter/coverage';
import { formatDate, formatShortDate } from '$lib/format';
import { formFailure, formString } from '$lib/server/platform/forms';
import * as invitations from '$lib/server/letter/invitations';
import * as signatures from '$lib/server/letter/signatures';
import { countVerified } from '$lib/server/letter/signatures';
import { getProfile } from '$lib/server/auth/users';
import { campaignContext } from '../campaign-context';
import { isSent } from '$lib/campaign-status';

/** Coordinators, and kring editors and admins who verify signatures by hand, may open this page. */
async function signersContext(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const context = await campaignContext(event);
	const roles = await loadRoles(context.user.id);
	if (!context.access.coordinate && !mayVerifySignatures(roles, context.campaign)) {
		error(403, 'Alleen de coördinatoren van deze brief en de kring kunnen de ondertekenaars zien.');
	}
	return { ...context, roles };
}

export const load: PageServerLoad = async (event) => {
	const { campaign, user, access, roles } = await signersContext(event);
	const [reach, list, invited] = await Promise.all([
		coverage(campaign.id, campaign.gemeenteCode),
		signatures.signaturesOf(campaign.id),
		invitations.invitationsOf(campaign.id)
	]);
	const now = Date.now();
	const sent = isSent(campaign.status);
	return {
		campaign: {
			id: campaign.id,
			title: campaign.title,
			status: campaign.status,
			gemeenteName: campaign.gemeenteName
		},
		// Once sent, inviting and signing are closed: the page says so and no longer offers the link.
		sent: sent ? { at: campaign.sentAt ? formatDate(campaign.sentAt) : null } : null,
		coverage: reach,
		signatures: list.map((s) => ({
			...s,
			signedOn: formatShortDate(s.createdAt),
			own: s.userId === user.id,
			verifiedOn: s.verification ? formatShortDate(s.verification.at) : null
		})),
		verification: countVerified(list.filter((s) => !s.withdrawn).map((s) => ({ verified_at: s.verification?.at ?? null, verification_method: s.verification?.method ?? null }))),
		coordinator: access.coordinate,
		invitations: invited.map((i) => ({
			email: i.email,
			invitedOn: formatShortDate(i.invitedAt),
			status: i.acceptedAt
				? 'Geaccepteerd'
				: new Date(i.expiresAt).getTime() <= now
					? 'Verlopen'
					: `Open tot ${formatShortDate(i.expiresAt)}`
		})),
		shareLink: sent ? null : `${event.url.origin}/campagnes/${campaign.id}/ondertekenen`,
		// Verifying changes no text, so it stays possible after sending.
		canVerify: mayVerifySignatures(roles, campaign),
		invited: event.url.searchParams.get('uitgenodigd'),
		alreadySigned: event.url.searchParams.get('al-getekend'),
		done: event.url.searchParams.get('klaar')
	};
};

export const actions: Actions = { verify, invite };

const VERIFY_REFUSED = {
	not_found: 'Deze handtekening bestaat niet (meer) of is ingetrokken.',
	own: 'Je kunt je eigen handtekening niet verifiëren. Vraag een andere coördinator of de kring.',
	note_missing: 'Schrijf op hoe je het BIG-nummer hebt gecontroleerd, bijvoorbeeld "BIG-register bekeken op 2 december".',
	not_allowed: 'Alleen de coördinatoren van deze brief en de kring kunnen handtekeningen verifiëren.'
} as const;

async function verify(event: RequestEvent) {
	const { campaign, user } = await signersContext(event);
	const form = await event.request.formData();
	const values = { signatureId: formString(form, 'signatureId'), note: formString(form, 'note').trim() };
	const result = await signatures.verifySignature(campaign.id, values.signatureId, user.id, formString(form, 'verified') === 'ja', values.note);
	if (result === 'note_missing') return formFailure(400, 'verify', { values, errors: { note: VERIFY_REFUSED.note_missing } });
	if (result !== 'verified' && result !== 'unverified') return formFailure(result === 'not_found' ? 404 : 403, 'verify', { values, message: VERIFY_REFUSED[result] });
	redirect(303, `/campagnes/${campaign.id}/ondertekenaars?klaar=${result}#handtekeningen`);
}

async function invite(event: RequestEvent) {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const raw = formString(await event.request.formData(), 'emails');
	const parsed = invitations.parseEmailList(raw);
	// One message per bad line, each on its own line of the field's error.
	if (!parsed.ok) return formFailure(400, 'invite', { values: { emails: raw }, errors: { emails: parsed.errors.join('\n') } });
	const profile = await getProfile(user.id);
	const result = await invitations.inviteColleagues(
		campaign,
		{ id: user.id, email: user.email, name: profile.name },
		parsed.emails
	);
	if (result === 'too_many') {
		return formFailure(409, 'invite', {
			values: { emails: raw },
			message: `Een brief kan hoogstens ${invitations.MAX_INVITATIONS_PER_LETTER} uitnodigingen hebben; met deze adressen erbij wordt het meer. Deel liever de link hieronder in de groepsapp van je hagro.`
		});
	}
	if (result === 'closed') {
		return formFailure(409, 'invite', {
			values: { emails: raw },
			message: 'Uitnodigen kan alleen zolang de brief ter ondertekening ligt.'
		});
	}
	const sent = result.filter((r) => r.status === 'invited').length;
	const skipped = result.filter((r) => r.status === 'already_signed').length;
	const limited = result.filter((r) => r.status === 'rate_limited').map((r) => r.email);
	if (limited.length > 0) {
		return formFailure(429, 'invite', {
			// Keep only what still has to go, so sending again later is one click.
			values: { emails: limited.join('\n') },
			message: `${sent} ${sent === 1 ? 'uitnodiging is' : 'uitnodigingen zijn'} verstuurd. De ${limited.length} adressen hieronder niet: je kunt hoogstens ${invitations.INVITE_LIMIT.max} uitnodigingen per dag sturen. Probeer het morgen opnieuw, of deel de link hieronder.`
		});
	}
	redirect(303, `/campagnes/${campaign.id}/ondertekenaars?uitgenodigd=${sent}&al-getekend=${skipped}#uitnodigen`);
}
