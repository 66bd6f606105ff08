// How an import an editor started is going: records read so far while it runs (the page reloads
// itself, with and without JavaScript), then what it did or why nothing was saved.
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { councilContext } from '../../council-context';
import { getJob } from '$lib/server/council/import-jobs';
import { formatShortDateTime } from '$lib/format';

export const load: PageServerLoad = async (event) => {
	const { gemeente, base, kring } = await councilContext(event);
	const job = await getJob(gemeente.code, event.params.job);
	if (!job) error(404, 'Deze import bestaat niet (meer).');
	return {
		kring: { slug: kring.slug, name: kring.name },
		gemeente,
		base,
		job: { ...job, startedAt: formatShortDateTime(job.startedAt), finishedAt: job.finishedAt ? formatShortDateTime(job.finishedAt) : null }
	};
};
