// The built app's entry: adapter.js puts this file in the build as build/index.js, in place of
// adapter-node's own, so `node build` and `npm start` run it. Node's HTTP server, where each
// request first meets the front door (platform/front-door.ts: a stored public page is answered at
// once) and otherwise goes to adapter-node's handler (static files, then SvelteKit).
// What it reads: HOST (0.0.0.0), PORT (3000) or SOCKET_PATH, KEEP_ALIVE_TIMEOUT and
// HEADERS_TIMEOUT (seconds), SHUTDOWN_TIMEOUT (30 s). ORIGIN, BODY_SIZE_LIMIT and the header
// settings are read by the handler. On SIGTERM or SIGINT it stops taking requests, lets those
// under way finish (at most SHUTDOWN_TIMEOUT), then emits 'sveltekit:shutdown' so the app stops
// its workers and its database (hooks.server.ts).
// @ts-check
import http from 'node:http';
import { existsSync, rmSync, statSync } from 'node:fs';

/** @typedef {(request: http.IncomingMessage, response: http.ServerResponse) => Promise<boolean>} FrontDoor */

// Loading the handler starts the app (its init hook), which opens the front door.
const { handler } = await import(new URL('./handler.js', import.meta.url).href);
/** @type {FrontDoor | undefined} */
const frontDoor = /** @type {any} */ (globalThis)[Symbol.for('laat-je-horen.front-door')];
if (typeof frontDoor !== 'function') {
	throw new Error('De app opende geen voordeur voor de paginacache (hooks.server.ts, openFrontDoor).');
}

/** @param {string} name */
function seconds(name) {
	const value = process.env[name];
	if (value === undefined || value === '') return undefined;
	if (!/^\d+$/.test(value)) throw new Error(`${name} moet een aantal seconden zijn, niet '${value}'.`);
	return Number(value) * 1000;
}

const socketPath = process.env.SOCKET_PATH || undefined;
const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);
const shutdownTimeout = seconds('SHUTDOWN_TIMEOUT') ?? 30_000;

const server = http.createServer();
const keepAlive = seconds('KEEP_ALIVE_TIMEOUT');
if (keepAlive !== undefined) server.keepAliveTimeout = keepAlive;
const headersTimeout = seconds('HEADERS_TIMEOUT');
if (headersTimeout !== undefined) server.headersTimeout = headersTimeout;

/** @param {http.ServerResponse} response */
function notFound(response) {
	response.statusCode = 404;
	response.end('Niet gevonden');
}

let stopping = false;
/** @type {NodeJS.Timeout | undefined} */
let forceClose;

server.on('request', (request, response) => {
	// While stopping, a connection is closed as soon as its last request is done.
	request.on('close', () => {
		if (stopping) server.closeIdleConnections();
	});
	const toSvelteKit = () => handler(request, response, () => notFound(response));
	frontDoor(request, response).then((answered) => answered || toSvelteKit(), toSvelteKit);
});

/** @param {NodeJS.Signals} signal */
function stop(signal) {
	if (stopping) return;
	stopping = true;
	server.closeIdleConnections();
	server.close((error) => {
		if (error) return;
		clearTimeout(forceClose);
		process.emit(/** @type {any} */ ('sveltekit:shutdown'), signal);
	});
	forceClose = setTimeout(() => server.closeAllConnections(), shutdownTimeout);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

if (socketPath) {
	// A socket file left by a process that stopped without cleaning up would refuse the listen.
	if (existsSync(socketPath) && statSync(socketPath).isSocket()) rmSync(socketPath);
	server.listen(socketPath, () => console.log(`Listening on ${socketPath}`));
} else {
	server.listen(port, host, () => {
		const address = server.address();
		const shown = address && typeof address === 'object' ? address : { address: host, port };
		const name = shown.address.includes(':') ? `[${shown.address}]` : shown.address;
		console.log(`Listening on http://${name}:${shown.port}`);
	});
}
