// Compresses dynamic text responses (pages, JSON, CSV) with gzip when the client accepts it:
// adapter-node compresses only the prebuilt files. Public pages come compressed from the page
// cache already (brotli too); this covers the rest, streamed, so nothing waits for the whole body.
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|atom\+xml)|image\/svg\+xml)/;

/** Whether an Accept-Encoding header takes this encoding (named, and not with q=0). */
export function acceptsEncoding(acceptEncoding: string | null | undefined, name: string): boolean {
	return (acceptEncoding ?? '')
		.toLowerCase()
		.split(',')
		.some((part) => {
			const [token, ...params] = part.trim().split(';');
			return token.trim() === name && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
		});
}

export function compressed(request: Request, response: Response): Response {
	if (!response.body || response.headers.has('content-encoding') || !acceptsEncoding(request.headers.get('accept-encoding'), 'gzip')) return response;
	if (!COMPRESSIBLE.test(response.headers.get('content-type') ?? '')) return response;
	const length = Number(response.headers.get('content-length') ?? NaN);
	if (length < 1024) return response;
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	headers.set('content-encoding', 'gzip');
	const vary = headers.get('vary');
	if (!vary?.toLowerCase().includes('accept-encoding')) headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
	return new Response(response.body.pipeThrough(new CompressionStream('gzip')), {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}
