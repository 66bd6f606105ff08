import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { latestMessages, usesDevMailbox } from '$lib/server/mail';

// The development mailbox exists only while no SMTP server is configured, and only for
// visitors on this machine: it shows sign-in codes, so it must never face the internet.
function isLoopback(address: string): boolean {
	return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

export const load: PageServerLoad = async ({ getClientAddress, setHeaders }) => {
	if (!usesDevMailbox() || !isLoopback(getClientAddress())) error(404, 'Deze pagina bestaat niet.');
	setHeaders({ 'cache-control': 'no-store' });
	return { messages: await latestMessages(50) };
};
