// A letter's recipients: the parties of its gemeente and their addresses. Those who may change the
// gemeente's list (permissions.mayEditRecipients) change it here while the letter is not sent;
// after that the list is shown as it is, and the letter's own record is on the send page. The
// actions are the gemeente party page's (party-list-actions.ts).
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { formatDate } from '$lib/format';
import { loadRoles, mayEditPartyList, mayEditRecipients } from '$lib/server/auth/permissions';
import * as parties from '$lib/server/gemeenten/parties';
import { isSent } from '$lib/campaign-status';
import { campaignContext } from '../campaign-context';
import { NOT_ALLOWED, partyListActions, type PartyListContext } from '../../../partijen/party-list-actions';

const SENT = { status: 409, message: 'Dit is niet opgeslagen: de brief is inmiddels verstuurd en de ontvangers liggen vast.' } as const;

async function recipientsContext(event: RequestEvent): Promise<PartyListContext> {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const allowed = mayEditRecipients(await loadRoles(user.id), campaign);
	return {
		gemeente: { code: campaign.gemeenteCode, name: campaign.gemeenteName },
		editor: user,
		back: `/campagnes/${campaign.id}/partijen`,
		refusal: allowed ? null : isSent(campaign.status) ? SENT : NOT_ALLOWED
	};
}

export const load: PageServerLoad = async (event) => {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const [list, roles] = await Promise.all([parties.partiesInGemeente(campaign.gemeenteCode), loadRoles(user.id)]);
	const search = event.url.searchParams;
	return {
		campaign: {
			id: campaign.id,
			title: campaign.title,
			gemeenteName: campaign.gemeenteName,
			gemeenteSlug: campaign.gemeenteSlug,
			status: campaign.status
		},
		fixed: isSent(campaign.status),
		editable: mayEditRecipients(roles, campaign),
		// Why a coordinator cannot change the list, with the way to get there.
		mayEditList: mayEditPartyList(roles, campaign.gemeenteCode),
		verified: roles.verified,
		sentAt: campaign.sentAt ? formatDate(campaign.sentAt) : null,
		parties: list,
		suggestions: [...parties.PARTY_SUGGESTIONS],
		roles: parties.CONTACT_ROLES,
		saved: search.get('opgeslagen'),
		imported:
			search.get('opgeslagen') === 'import'
				? { parties: Number(search.get('partijen') ?? 0), contacts: Number(search.get('adressen') ?? 0) }
				: null
	};
};

export const actions: Actions = partyListActions(recipientsContext);
