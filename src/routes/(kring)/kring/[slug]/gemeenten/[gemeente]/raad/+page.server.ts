// Council work of one gemeente, for its kring editors: where the data comes from and how the last
// sync went ("sync now"), importing an export file (progress on its own page), party names that
// wait for a decision, and every meeting and motion with a way to add one by hand.
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { councilContext } from './council-context';
import { formFailure, formString } from '$lib/server/platform/forms';
import { councilSourcesOf } from '$lib/server/council/sources';
import { pendingPartyNames, mapPartyName } from '$lib/server/council/party-names';
import { recentJobs, startFileImport, startSyncNow, SYNC_NOT_CONFIGURED } from '$lib/server/council/import-jobs';
import { councilOverview } from '$lib/server/council/editor-overview';
import { partiesInGemeente } from '$lib/server/gemeenten/parties';
import { formatDateTime, formatShortDate, formatShortDateTime } from '$lib/format';
import { env } from '$lib/server/platform/env';
import { MEETING_KINDS, MOTION_RESULTS } from '$lib/council';

const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

const DONE: Record<string, string> = {
	gekoppeld: 'De partijnaam is opgeslagen. Volgende imports gebruiken hem ook.',
	genegeerd: 'De naam is opgeslagen als "geen partij". Stemmen onder die naam worden niet overgenomen.',
	verwijderd: 'Verwijderd.'
};

export const load: PageServerLoad = async (event) => {
	const { kring, gemeente, base } = await councilContext(event);
	const [sources, pending, jobs, overview, parties] = await Promise.all([
		councilSourcesOf(gemeente.code),
		pendingPartyNames(gemeente.code),
		recentJobs(gemeente.code),
		councilOverview(gemeente.code),
		partiesInGemeente(gemeente.code)
	]);
	const now = Date.now();
	return {
		kring: { slug: kring.slug, name: kring.name },
		gemeente,
		base,
		sources: sources.map((s) => ({
			sourceKey: s.sourceKey,
			supplier: s.supplierLabel,
			enabled: s.enabled,
			votes: s.votes,
			lastSync: s.lastSyncAt ? formatDateTime(s.lastSyncAt) : null,
			lastError: s.lastError
		})),
		pending,
		parties: parties.map((p) => ({ id: p.id, name: p.name })),
		jobs: jobs.map((j) => ({ ...j, startedAt: formatShortDateTime(j.startedAt) })),
		upcoming: overview.meetings.filter((m) => Date.parse(m.startsAt) >= now).map((m) => ({ ...m, when: formatDateTime(m.startsAt), kindLabel: MEETING_KINDS[m.kind] })),
		past: overview.meetings
			.filter((m) => Date.parse(m.startsAt) < now)
			.reverse()
			.map((m) => ({ ...m, when: formatDateTime(m.startsAt), kindLabel: MEETING_KINDS[m.kind] })),
		loose: overview.looseMotions.map((m) => ({ ...m, resultLabel: m.result ? MOTION_RESULTS[m.result] : 'Nog niet besloten', decidedOn: m.decidedOn ? formatShortDate(m.decidedOn) : null })),
		syncConfigured: Boolean(env().ORI_API_URL),
		done: DONE[event.url.searchParams.get('klaar') ?? ''] ?? null
	};
};

export const actions: Actions = { importFile, syncNow, mapName };

async function importFile(event: RequestEvent) {
	const { gemeente, user, base } = await councilContext(event);
	const file = (await event.request.formData()).get('file');
	if (!(file instanceof File) || file.size === 0) return formFailure(400, 'importFile', { errors: { file: 'Kies een exportbestand (NDJSON) of het JSON-bestand van één vergadering of motie.' } });
	if (file.size > MAX_IMPORT_BYTES) return formFailure(413, 'importFile', { errors: { file: 'Het bestand is groter dan 25 MB. Gebruik de synchronisatie, of splits het bestand.' } });
	const { jobId } = await startFileImport(user.id, gemeente.code, file);
	redirect(303, `${base}/import/${jobId}`);
}

async function syncNow(event: RequestEvent) {
	const { gemeente, user, base } = await councilContext(event);
	const started = await startSyncNow(user.id, gemeente.code);
	if (!started) return formFailure(409, 'syncNow', { message: SYNC_NOT_CONFIGURED });
	redirect(303, `${base}/import/${started.jobId}`);
}

async function mapName(event: RequestEvent) {
	const { gemeente, user, base } = await councilContext(event);
	const form = await event.request.formData();
	const name = formString(form, 'name').trim();
	const choice = formString(form, 'party');
	const action = `mapName-${formString(form, 'nameId')}`;
	if (!name) return formFailure(400, action, { message: 'Deze naam bestaat niet (meer).' });
	if (!choice) return formFailure(400, action, { errors: { party: 'Kies de partij, of "geen partij".' } });
	const outcome = await mapPartyName(user.id, gemeente.code, name, choice === 'geen' ? null : choice);
	if (outcome.status === 'not_found') return formFailure(404, action, { message: 'Deze partij hoort niet bij de gemeente.' });
	redirect(303, `${base}?klaar=${choice === 'geen' ? 'genegeerd' : 'gekoppeld'}#namen-kop`);
}
