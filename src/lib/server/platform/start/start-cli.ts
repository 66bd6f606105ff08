// `npm start`: builds the app only when its sources changed since the last build (see
// build-freshness.ts), with one line of output instead of Vite's report (the full log is kept for
// when a build fails), then serves build/ in this process. Defaults for a first local start:
// ORIGIN is the address the server listens on, and a request body may be 26 MB (a PDF programme upload; a pasted letter
// over the limit then gets a Dutch message with the text kept, not a refusal that loses it).
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuild } from './build-freshness.ts';

const root = resolve(import.meta.dirname, '../../../../..');
ensureBuild(root);

const port = process.env.PORT || '3000';
const host = process.env.HOST;
const listensOnOneLoopback = host !== undefined && /^(127(\.\d{1,3}){3}|localhost|\[::1\]|::1)$/.test(host);
process.env.ORIGIN ||= `http://${listensOnOneLoopback ? (host === '::1' ? '[::1]' : host) : 'localhost'}:${port}`;
process.env.BODY_SIZE_LIMIT ||= '26M';
console.log(`Laat je horen start op ${process.env.ORIGIN} …`);
await import(pathToFileURL(join(root, 'build', 'index.js')).href);
