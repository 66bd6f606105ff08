// One-click unsubscribe for mail clients (RFC 8058): a POST to the List-Unsubscribe address with
// the body List-Unsubscribe=One-Click, sent by the mail provider without cookies or an Origin and
// without asking for a web page (SvelteKit sends requests that prefer text/html, such as the
// button on the page, to the page's form action instead). Answers in plain text with an honest
// status: 200 when the follow ended (or had ended), 404 for a link whose signature is wrong.
import type { RequestHandler } from './$types';
import { unsubscribeWithToken } from '$lib/server/outcomes/follows';

const TEXT = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };

export const POST: RequestHandler = async ({ params, request }) => {
	const form = await request.formData().catch(() => null);
	if (form?.get('List-Unsubscribe') !== 'One-Click') {
		return new Response('Stuur List-Unsubscribe=One-Click om je af te melden (RFC 8058).', { status: 400, headers: TEXT });
	}
	const result = await unsubscribeWithToken(params.token, 'one_click');
	if (result === 'invalid') return new Response('Deze afmeldlink klopt niet.', { status: 404, headers: TEXT });
	return new Response(result === 'removed' ? 'Je bent afgemeld.' : 'Je was al afgemeld.', { status: 200, headers: TEXT });
};
