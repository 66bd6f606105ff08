// A stand-in for a hosted Supabase, for `npm run bench`: the bench's data in the embedded stack,
// in a process of its own, behind a proxy that adds a network round trip to every call (half on
// the way there, half on the way back). The app then runs with SUPABASE_URL pointing here, as it
// would against a hosted project: no database in its own process, every call over the "network".
// Usage: node tests/bench/remote-supabase.ts <dataDir> <round trip in ms>
// Prints one JSON line, {"url": …, "serviceRoleKey": …}, once it answers; stops on SIGTERM.
import { Agent, createServer, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLocalSupabase } from '../../src/lib/server/platform/local-supabase/index.ts';

const [dataDir, rtt] = [process.argv[2], Number(process.argv[3] ?? 20)];
if (!dataDir || !(rtt >= 0)) {
	console.error('Gebruik: node tests/bench/remote-supabase.ts <map met gegevens> <rondreis in ms>');
	process.exit(2);
}

const stack = await startLocalSupabase({ dataDir, demoData: false });
const upstream = new URL(stack.url);
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

const proxy = createServer(async (req, res) => {
	const body: Buffer[] = [];
	for await (const chunk of req) body.push(chunk as Buffer);
	await sleep(rtt / 2);
	const forwarded = request(
		{ hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host }, agent },
		async (answer) => {
			const chunks: Buffer[] = [];
			for await (const chunk of answer) chunks.push(chunk as Buffer);
			await sleep(rtt / 2);
			res.writeHead(answer.statusCode ?? 502, answer.headers);
			res.end(Buffer.concat(chunks));
		}
	);
	forwarded.on('error', () => {
		if (!res.headersSent) res.writeHead(503, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ message: 'upstream error' }));
	});
	forwarded.end(Buffer.concat(body));
});
await new Promise<void>((listening) => proxy.listen(0, '127.0.0.1', listening));
const address = proxy.address();
const port = typeof address === 'object' && address ? address.port : 0;
console.log(JSON.stringify({ url: `http://127.0.0.1:${port}`, serviceRoleKey: stack.serviceRoleKey }));

process.once('SIGTERM', async () => {
	proxy.closeAllConnections();
	proxy.close();
	agent.destroy();
	await stack.stop();
	process.exit(0);
});
