// Which state-changing requests come from a page of this app. A request's Origin must be the
// app's address (ORIGIN). On a local start (ORIGIN on localhost) every loopback name the browser
// may use works as long as the Origin is the address the browser asked for (its Host header):
// 127.0.0.1, localhost, [::1] and 0.0.0.0 then all work, as `npm start` prints any of them.
// A page elsewhere never has a loopback Origin, so this opens nothing to other sites.
import type { CalmAnswer } from './calm-page';
import { isLoopbackHost } from './env';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function isLocalName(hostname: string): boolean {
	return isLoopbackHost(hostname) || hostname === '0.0.0.0' || hostname === '[::]';
}

function sameLocalAddress(origin: string, request: Request, appUrl: URL): boolean {
	if (!isLocalName(appUrl.hostname) || !URL.canParse(origin)) return false;
	const from = new URL(origin);
	return isLocalName(from.hostname) && from.host === request.headers.get('host') && from.protocol === 'http:';
}

/** Null when the request may go on; otherwise the Dutch refusal to show. */
export function crossSiteRefusal(request: Request, appUrl: URL): CalmAnswer | null {
	if (SAFE_METHODS.has(request.method)) return null;
	const origin = request.headers.get('origin');
	if (origin === null) {
		// Browsers send Origin with every form post; without one only a cross-site fetch is suspect.
		return request.headers.get('sec-fetch-site') === 'cross-site' ? refusal(null, appUrl) : null;
	}
	if (origin === appUrl.origin || sameLocalAddress(origin, request, appUrl)) return null;
	return refusal(origin, appUrl);
}

function refusal(origin: string | null, appUrl: URL): CalmAnswer {
	const from = origin && origin !== 'null' ? ` (${origin})` : '';
	return {
		status: 403,
		title: 'Formulier niet aangenomen',
		message:
			`Dit formulier kwam van een ander adres${from} dan waarop Laat je horen draait. ` +
			`Open Laat je horen via ${appUrl.origin} en vul het formulier daar opnieuw in. ` +
			'Beheer je deze server en gebruiken mensen een ander adres? Zet dan ORIGIN op dat adres en start opnieuw.'
	};
}
