// Every commitments page of a kring starts here: the kring (its editors and admins), one gemeente
// it covers, and the check that the user records commitments there (mayRecordCommitments).
import { error } from '@sveltejs/kit';
import { kringContext } from '../../../kring-context';
import { mayRecordCommitments } from '$lib/server/auth/permissions';

export async function commitmentContext(event: { params: { slug: string; gemeente: string }; locals: App.Locals; url: URL }) {
	const context = await kringContext(event);
	const gemeente = context.kring.gemeenten.find((g) => g.slug === event.params.gemeente || g.code === event.params.gemeente);
	if (!gemeente) error(404, 'Deze gemeente hoort niet (meer) bij de kring.');
	if (!mayRecordCommitments(context.roles, gemeente.code)) error(403, 'Je kunt in deze gemeente geen toezeggingen vastleggen.');
	return { ...context, gemeente, base: `/kring/${context.kring.slug}/gemeenten/${gemeente.slug}/toezeggingen` };
}
