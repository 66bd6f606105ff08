// Every council page and action of a kring's gemeente starts here: the signed-in kring editor
// (or admin) of a kring that covers the gemeente, who may edit council work there (403 otherwise).
import { error } from '@sveltejs/kit';
import { mayEditCouncil } from '$lib/server/auth/permissions';
import { kringContext } from '../../../kring-context';

export async function councilContext(event: { params: { slug: string; gemeente: string }; locals: App.Locals; url: URL }) {
	const context = await kringContext(event);
	const gemeente = context.kring.gemeenten.find((g) => g.slug === event.params.gemeente || g.code === event.params.gemeente);
	if (!gemeente) error(404, 'Deze gemeente hoort niet (meer) bij de kring.');
	if (!mayEditCouncil(context.roles, gemeente.code)) error(403, 'Je kunt in deze gemeente geen raadswerk invoeren.');
	const base = `/kring/${context.kring.slug}/gemeenten/${gemeente.slug}/raad`;
	return { ...context, gemeente, base };
}
