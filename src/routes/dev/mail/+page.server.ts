import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { devMailboxAllows, latestMessages } from '$lib/server/platform/mail';

// The development mailbox shows sign-in codes: it answers only on a developer's machine without
// SMTP, and only to requests made on that machine (see devMailboxAllows).
export const load: PageServerLoad = async (event) => {
	if (!devMailboxAllows(event)) error(404, 'Deze pagina bestaat niet.');
	event.setHeaders({ 'cache-control': 'no-store' });
	return { messages: await latestMessages(50) };
};
