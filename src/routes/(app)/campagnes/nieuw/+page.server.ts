import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireUser } from '$lib/server/auth/permissions';
import * as campaigns from '$lib/server/letter/campaigns';
import { fieldErrors, formString } from '$lib/server/platform/forms';
import { findGemeente, listGemeenten } from '$lib/server/gemeenten/gemeenten';
import { practicesOfUser } from '$lib/server/gemeenten/practices';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const [gemeenten, practices] = await Promise.all([listGemeenten(), practicesOfUser(user.id)]);
	const asked = url.searchParams.get('gemeente')?.toUpperCase();
	const preselected = gemeenten.some((g) => g.code === asked) ? asked : practices[0]?.gemeenteCode;
	return {
		gemeenten: gemeenten.map((g) => ({ code: g.code, name: g.displayName })),
		preselected: preselected ?? '',
		occasions: campaigns.OCCASIONS
	};
};

export const actions: Actions = { default: start };

type Existing = { id: string; title: string; gemeente: string } | null;

async function start({ locals, url, request }: RequestEvent) {
	const user = requireUser(locals, url);
	const form = await request.formData();
	const values = {
		gemeenteCode: formString(form, 'gemeenteCode'),
		occasion: formString(form, 'occasion'),
		customTitle: formString(form, 'customTitle'),
		themes: form.getAll('themes').map(String)
	};
	const parsed = campaigns.newCampaignSchema.safeParse(values);
	if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error.issues), existing: null as Existing });
	const gemeente = await findGemeente(parsed.data.gemeenteCode);
	if (!gemeente) {
		return fail(400, { values, errors: { gemeenteCode: 'Kies de gemeente.' } as Record<string, string>, existing: null as Existing });
	}

	const result = await campaigns.startCampaign(user.id, parsed.data, gemeente.name);
	if (result === 'not_allowed') {
		return fail(403, {
			values,
			errors: {
				gemeenteCode: `Alleen huisartsen met een praktijk in ${gemeente.displayName} kunnen hier een brief beginnen. Koppel eerst je praktijk in je account.`
			} as Record<string, string>,
			existing: null as Existing
		});
	}
	if ('existing' in result) {
		return fail(409, {
			values,
			errors: {} as Record<string, string>,
			existing: { id: result.existing.id, title: result.existing.title, gemeente: gemeente.displayName } as Existing
		});
	}
	redirect(303, `/campagnes/${result.id}/brief`);
}
