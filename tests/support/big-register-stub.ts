// A local stand-in for the BIG-register's SOAP service (ListHcpApprox4 at /zksrv/soap/4), on a free
// loopback port. It checks a request as the real service does (POST, text/xml, SOAPAction, the
// envelope and the request element in their namespaces, WebSite, RegistrationNumber) and answers
// with a SOAP fault otherwise; BIG_NUMBERS lists the numbers it knows and how it answers each.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

const SOAP_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
const CIBG_NS = 'http://services.cibg.nl/ExternalUser';
const ACTION = `${CIBG_NS}/ListHcpApprox4`;
export const STUB_PATH = '/zksrv/soap/4';

/** The numbers the stand-in knows. The people are invented. */
export const BIG_NUMBERS = {
	/** A.M. Jansen-de Vries (born de Vries, married Jansen), huisarts in Zaandam. */
	huisarts: '39012345601',
	/** P. van den Berg, huisarts; a schorsing in 2018 that has ended. */
	huisartsPastMeasure: '39012345701',
	/** K. Bakker, arts and cardioloog. */
	cardioloog: '49012345601',
	/** L. Smit, arts without a specialism. */
	artsWithoutSpecialism: '49012345701',
	/** M. de Boer, tandarts. */
	tandarts: '49012345802',
	/** R. Visser, was huisarts; registration ended 30 June 2023 (not re-registered). */
	registrationEnded: '59012345601',
	/** S. Mulder, huisarts, suspended since 3 November 2025 with no end date. */
	suspended: '59012345701',
	/** D. Hendriks, huisarts struck off (doorhaling) on 15 February 2024. */
	struckOff: '59012345801',
	/** Not in the register: an empty result. */
	unknown: '99999999901',
	/** Answers (as the huisarts) only after `slowMs`. */
	slow: '10000000001',
	/** HTTP 500 with a soap:Server fault, every time. */
	down: '10000000002',
	/** HTTP 503 with an HTML page from a proxy in front of the service. */
	unavailable: '10000000003',
	/** HTTP 200 with a body that is not XML. */
	garbage: '10000000004',
	/** HTTP 200 with a SOAP answer whose start date is not a date. */
	malformed: '10000000006'
} as const;

/** More registered huisartsen: any number of 38 and nine digits is answered as BIG_NUMBERS.huisarts
 * is (A.M. Jansen-de Vries), under that number. One account is verified per number, so each test
 * person who is verified by the register needs a number of their own. */
const HUISARTS_SERIES = /^38\d{9}$/;

/** A fresh number from the series above. */
export function huisartsNumber(): string {
	return `38${Array.from({ length: 9 }, () => Math.floor(Math.random() * 10)).join('')}`;
}

const FIXTURES: Record<string, string> = {
	[BIG_NUMBERS.huisarts]: 'huisarts.xml',
	[BIG_NUMBERS.huisartsPastMeasure]: 'huisarts-past-measure.xml',
	[BIG_NUMBERS.cardioloog]: 'arts-cardioloog.xml',
	[BIG_NUMBERS.artsWithoutSpecialism]: 'arts-zonder-specialisme.xml',
	[BIG_NUMBERS.tandarts]: 'tandarts.xml',
	[BIG_NUMBERS.registrationEnded]: 'huisarts-registration-ended.xml',
	[BIG_NUMBERS.suspended]: 'huisarts-suspended.xml',
	[BIG_NUMBERS.struckOff]: 'huisarts-struck-off.xml',
	[BIG_NUMBERS.malformed]: 'malformed.xml'
};

const fixture = (file: string) => readFileSync(new URL(`../fixtures/big-register/${file}`, import.meta.url), 'utf8');

export type StubRequest = { method: string; path: string; contentType: string; soapAction: string; bigNumber: string | null };

export type BigRegisterStub = {
	/** The service URL to configure the client with. */
	url: string;
	/** Every request received, in order. */
	requests: StubRequest[];
	/** The next `count` well-formed requests get HTTP 500 with a soap:Server fault. */
	failNext(count: number): void;
	close(): Promise<void>;
};

const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true });

/** The fault ASP.NET web services send: SOAP 1.1, HTTP 500, faultcode soap:Client or soap:Server. */
function fault(side: 'Client' | 'Server', message: string): string {
	return builder.build({
		'?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
		'soap:Envelope': {
			'@_xmlns:soap': SOAP_NS,
			'@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
			'@_xmlns:xsd': 'http://www.w3.org/2001/XMLSchema',
			'soap:Body': { 'soap:Fault': { faultcode: `soap:${side}`, faultstring: message, detail: '' } }
		}
	});
}

type XmlNode = Record<string, unknown>;
type Found = { node: unknown; scope: Map<string, string> };

/** The child element with this local name in this namespace, resolving xmlns declarations on the way. */
function child(parent: Found, localName: string, namespace: string): Found | null {
	if (typeof parent.node !== 'object' || parent.node === null) return null;
	for (const [key, node] of Object.entries(parent.node as XmlNode)) {
		if (key.startsWith('@_') || key.startsWith('#') || key.startsWith('?')) continue;
		const scope = new Map(parent.scope);
		if (typeof node === 'object' && node !== null) {
			for (const [attribute, value] of Object.entries(node as XmlNode)) {
				if (attribute === '@_xmlns') scope.set('', String(value));
				else if (attribute.startsWith('@_xmlns:')) scope.set(attribute.slice('@_xmlns:'.length), String(value));
			}
		}
		const [prefix, local] = key.includes(':') ? key.split(':', 2) : ['', key];
		if (local === localName && scope.get(prefix) === namespace) return { node, scope };
	}
	return null;
}

const requestParser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: true });

/** The RegistrationNumber of a well-formed ListHcpApprox4 request, or the fault text for a bad one. */
function readRequest(body: string): { bigNumber: string } | { problem: string } {
	if (XMLValidator.validate(body) !== true) return { problem: 'Server was unable to read request. ---> There is an error in XML document (1, 1).' };
	const root: Found = { node: requestParser.parse(body), scope: new Map() };
	const envelope = child(root, 'Envelope', SOAP_NS);
	const soapBody = envelope && child(envelope, 'Body', SOAP_NS);
	const request = soapBody && child(soapBody, 'listHcpApproxRequest', CIBG_NS);
	if (!request) return { problem: 'Server did not recognize the value of HTTP Header SOAPAction or the request element.' };
	const website = child(request, 'WebSite', CIBG_NS);
	if (!website || !['None', 'Ribiz', 'Skp'].includes(String(website.node))) {
		return { problem: "Server was unable to read request. ---> Instance validation error: '' is not a valid value for SourceWebSite." };
	}
	const number = child(request, 'RegistrationNumber', CIBG_NS);
	if (!number || !/^\d+$/.test(String(number.node))) return { problem: 'Server was unable to process request. ---> Geen geldige zoekopdracht.' };
	return { bigNumber: String(number.node) };
}

/** Starts the stand-in on 127.0.0.1 and a free port. `slowMs`: how long the slow number takes (default 2000). */
export async function startBigRegisterStub(options: { slowMs?: number; port?: number } = {}): Promise<BigRegisterStub> {
	const slowMs = options.slowMs ?? 2000;
	const requests: StubRequest[] = [];
	const timers = new Set<NodeJS.Timeout>();
	let failures = 0;

	const send = (res: ServerResponse, status: number, body: string, type = 'text/xml; charset=utf-8') => {
		if (res.writableEnded || res.destroyed) return;
		res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
		res.end(body);
	};

	async function handle(req: IncomingMessage, res: ServerResponse) {
		let body = '';
		for await (const chunk of req) body += chunk;
		const path = new URL(req.url ?? '/', 'http://stub').pathname;
		const contentType = req.headers['content-type'] ?? '';
		const soapAction = String(req.headers.soapaction ?? '').replace(/^"(.*)"$/, '$1');
		const parsed = req.method === 'POST' ? readRequest(body) : null;
		const bigNumber = parsed && 'bigNumber' in parsed ? parsed.bigNumber : null;
		requests.push({ method: req.method ?? '', path, contentType, soapAction, bigNumber });

		if (path === '/health') return send(res, 200, 'ok', 'text/plain');
		if (path !== STUB_PATH) return send(res, 404, '<html><body><h1>404 - Not Found</h1></body></html>', 'text/html');
		if (req.method !== 'POST') return send(res, 405, 'Method Not Allowed', 'text/plain');
		if (!/^text\/xml\b/i.test(contentType)) return send(res, 500, fault('Client', `Unsupported content type: ${contentType || '(none)'}.`));
		if (soapAction !== ACTION) return send(res, 500, fault('Client', `Server did not recognize the value of HTTP Header SOAPAction: ${soapAction}.`));
		if (!parsed || 'problem' in parsed) return send(res, 500, fault('Client', parsed?.problem ?? 'No request.'));
		if (failures > 0) {
			failures--;
			return send(res, 500, fault('Server', 'Server was unable to process request. ---> Timeout expired.'));
		}

		switch (parsed.bigNumber) {
			case BIG_NUMBERS.slow: {
				const timer = setTimeout(() => {
					timers.delete(timer);
					send(res, 200, fixture('huisarts.xml'));
				}, slowMs);
				timers.add(timer);
				res.on('close', () => {
					clearTimeout(timer);
					timers.delete(timer);
				});
				return;
			}
			case BIG_NUMBERS.down:
				return send(res, 500, fault('Server', 'Server was unable to process request. ---> A network-related error occurred while establishing a connection to SQL Server.'));
			case BIG_NUMBERS.unavailable:
				return send(res, 503, '<html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>', 'text/html');
			case BIG_NUMBERS.garbage:
				return send(res, 200, 'Onderhoud: de webservice is tijdelijk niet beschikbaar', 'text/plain');
		}
		if (HUISARTS_SERIES.test(parsed.bigNumber)) {
			return send(res, 200, fixture('huisarts.xml').replaceAll(BIG_NUMBERS.huisarts, parsed.bigNumber));
		}
		const file = FIXTURES[parsed.bigNumber.padStart(11, '0')];
		send(res, 200, fixture(file ?? 'unknown.xml'));
	}

	const server = createServer((req, res) => {
		handle(req, res).catch((error: unknown) => send(res, 500, fault('Server', String(error))));
	});
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}${STUB_PATH}`,
		requests,
		failNext(count) {
			failures = count;
		},
		async close() {
			for (const timer of timers) clearTimeout(timer);
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}
