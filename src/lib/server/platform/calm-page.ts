// The app's own short answers for requests it refuses before (or instead of) a page: the database
// is away or too busy (503 with Retry-After), a request is too large (413), a form came from
// another address (403). Dutch, self-contained (no database, no scripts), with a strict Content
// Security Policy; as JSON for the app's own fetches (use:enhance actions, the letter preview).

export interface CalmAnswer {
	status: number;
	title: string;
	/** What happened and what to do, in plain words. */
	message: string;
	/** Seconds until trying again makes sense (503). */
	retryAfter?: number;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function html({ title, message }: CalmAnswer): string {
	return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Laat je horen</title>
<link rel="icon" href="/favicon.svg">
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b2330;background:#f6f7f9;margin:0;line-height:1.5}
main{max-width:36rem;margin:3rem auto;padding:1.5rem 2rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:1.5rem;margin-top:0}a{color:#0b5cad}
</style>
</head>
<body>
<main>
<p><strong>Laat je horen</strong></p>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p><a href="/">Naar de startpagina</a></p>
</main>
</body>
</html>
`;
}

/** The form of answer the requester can read: SvelteKit's enhanced form actions and data loads
 * expect their own JSON, other fetches plain JSON, a browser HTML. */
function wantsJson(request: Request, url: URL): 'action' | 'data' | 'json' | null {
	if (request.headers.get('x-sveltekit-action') === 'true') return 'action';
	if (url.pathname.endsWith('/__data.json')) return 'data';
	const accept = request.headers.get('accept') ?? '';
	const type = request.headers.get('content-type') ?? '';
	if (accept.includes('application/json') || type.startsWith('application/json') || url.pathname.endsWith('.json')) {
		return 'json';
	}
	return null;
}

export function calmResponse(request: Request, url: URL, answer: CalmAnswer): Response {
	const headers = new Headers({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
	if (answer.retryAfter !== undefined) headers.set('retry-after', String(answer.retryAfter));
	const kind = wantsJson(request, url);
	const error = { message: answer.message };
	if (kind === 'action') return Response.json({ type: 'error', status: answer.status, error }, { status: answer.status, headers });
	if (kind === 'data') return Response.json({ type: 'error', status: answer.status, error }, { status: answer.status, headers });
	if (kind === 'json') return Response.json({ error: answer.message, message: answer.message }, { status: answer.status, headers });
	headers.set('content-type', 'text/html; charset=utf-8');
	headers.set('content-security-policy', CSP);
	return new Response(html(answer), { status: answer.status, headers });
}

export const DATABASE_AWAY: CalmAnswer = {
	status: 503,
	title: 'Even niet bereikbaar',
	message:
		'Laat je horen kan de gegevens nu even niet ophalen. Probeer het over een halve minuut opnieuw. Wat je net hebt verstuurd, is niet opgeslagen: ga terug met de terugknop, dan staat je tekst er nog.',
	retryAfter: 30
};

export const TOO_BUSY: CalmAnswer = {
	status: 503,
	title: 'Het is nu erg druk',
	message:
		'Er komen nu meer verzoeken binnen dan we tegelijk kunnen verwerken. Probeer het over een paar seconden opnieuw. Wat je net hebt verstuurd, is niet opgeslagen: ga terug met de terugknop, dan staat je tekst er nog.',
	retryAfter: 5
};

export const TOO_LARGE: CalmAnswer = {
	status: 413,
	title: 'Te veel tekst in één keer',
	message:
		'Wat je verstuurde is groter dan we in één keer aannemen. Ga terug met de terugknop (je tekst staat er dan nog), maak de tekst korter of haal grote geplakte stukken weg, en verstuur opnieuw. Een brief mag hoogstens 50.000 tekens hebben.'
};
