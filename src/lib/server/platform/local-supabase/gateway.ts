// A loopback gateway that serves PostgREST under /rest/v1 as Supabase does, so supabase-js is
// created the same way locally and against a hosted project. Like Supabase's gateway it refuses
// requests without a known API key. While PostgREST is being restarted (postgrestUrl() is null)
// it answers 503 at once, as a hosted Supabase does when its API is down.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningGateway {
	url: string;
	stop(): Promise<void>;
}

export async function startGateway(options: {
	postgrestUrl: () => string | null;
	apiKeys: string[];
}): Promise<RunningGateway> {
	const known = new Set(options.apiKeys);
	const server: Server = createServer((req, res) => {
		const url = req.url ?? '/';
		if (!url.startsWith('/rest/v1')) {
			res.writeHead(404, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: 'Not found' }));
			return;
		}
		const apikey = req.headers.apikey;
		if (typeof apikey !== 'string' || !known.has(apikey)) {
			res.writeHead(401, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: 'Invalid API key' }));
			return;
		}
		const upstreamUrl = options.postgrestUrl();
		if (!upstreamUrl) {
			req.resume();
			// Retry-After 0: supabase-js then tries again at once instead of after a second.
			res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' });
			res.end(JSON.stringify({ message: 'Database API is restarting' }));
			return;
		}
		const target = new URL(upstreamUrl);
		const headers = { ...req.headers, host: target.host };
		if (!headers.authorization) headers.authorization = `Bearer ${apikey}`;
		const upstream = request(
			{
				hostname: target.hostname,
				port: target.port,
				method: req.method,
				path: url.slice('/rest/v1'.length) || '/',
				headers
			},
			(upstreamRes) => {
				res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
				upstreamRes.pipe(res);
			}
		);
		upstream.on('error', () => {
			// PostgREST went away mid-request (it is being restarted): unavailable, not a bad gateway.
			if (!res.headersSent) res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
			res.end(JSON.stringify({ message: 'Database gateway error' }));
		});
		req.pipe(upstream);
	});
	server.keepAliveTimeout = 5000;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	server.unref();
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		stop: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
