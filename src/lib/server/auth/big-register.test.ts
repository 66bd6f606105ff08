import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIG_NUMBERS, STUB_PATH, startBigRegisterStub, type BigRegisterStub } from '../../../../tests/support/big-register-stub';
import {
	bigRegisterConfigFromEnv,
	bigRegisterUrlSchema,
	checkHuisarts,
	lookupBigNumber,
	type BigRegisterConfig,
	type LookupResult
} from './big-register';
import { partnerSurnameFrom, registerDisplayName, signerNameMatches, type RegisterName } from './big-register-names';
import { measureTypeOf, registerLocalTime } from './big-register-soap';

const NOW = new Date('2026-11-22T10:00:00Z');
const SLOW_MS = 3000;

let stub: BigRegisterStub;
let config: BigRegisterConfig;

beforeAll(async () => {
	stub = await startBigRegisterStub({ slowMs: SLOW_MS });
	config = { url: stub.url, timeoutMs: 2000, retries: 1, backoffMs: 10 };
});
afterAll(async () => {
	await stub.close();
});

/** Runs `work` and returns its result with the requests the stand-in received meanwhile. */
async function withRequests<T>(work: () => Promise<T>) {
	const before = stub.requests.length;
	const result = await work();
	return { result, requests: stub.requests.slice(before) };
}

function unavailable(result: LookupResult) {
	if (result.state !== 'unavailable') throw new Error(`expected unavailable, got ${result.state}`);
	return result;
}

describe('lookupBigNumber against the stand-in register', () => {
	it('reads a huisarts with a married name, asking once with the SOAP headers the service expects', async () => {
		const { result, requests } = await withRequests(() => lookupBigNumber(config, '390 1234 5601'));
		expect(result).toEqual({
			state: 'found',
			registrations: [
				{
					bigNumber: BIG_NUMBERS.huisarts,
					name: { initials: 'A.M.', prefix: 'de', birthSurname: 'Vries', partnerSurname: 'Jansen', mailingName: 'A.M. Jansen-de Vries' },
					profession: { code: '01', label: 'arts' },
					specialisms: [{ code: '15', label: 'huisartsgeneeskunde', start: null, end: null }],
					start: '2008-09-01T00:00:00',
					end: null,
					measures: []
				}
			]
		});
		expect(requests).toEqual([
			{
				method: 'POST',
				path: STUB_PATH,
				contentType: 'text/xml; charset=utf-8',
				soapAction: 'http://services.cibg.nl/ExternalUser/ListHcpApprox4',
				bigNumber: BIG_NUMBERS.huisarts
			}
		]);
	});

	it('reads a suspension in force, an ended measure and an ended registration with their dates', async () => {
		const suspended = await lookupBigNumber(config, BIG_NUMBERS.suspended);
		const past = await lookupBigNumber(config, BIG_NUMBERS.huisartsPastMeasure);
		const ended = await lookupBigNumber(config, BIG_NUMBERS.registrationEnded);
		if (suspended.state !== 'found' || past.state !== 'found' || ended.state !== 'found') throw new Error('expected found');

		expect(suspended.registrations[0].measures).toEqual([
			expect.objectContaining({ id: '733', type: 'schorsing', restrictsPractice: true, start: '2025-11-03T10:15:02', end: null, public: true })
		]);
		expect(suspended.registrations[0].measures[0].description).toMatch(/^Schorsing van de inschrijving/);
		expect(past.registrations[0].measures[0]).toMatchObject({ type: 'schorsing', end: '2018-06-01T00:00:00' });
		expect(past.registrations[0].name).toMatchObject({ prefix: 'van den', birthSurname: 'Berg', partnerSurname: null });
		expect(ended.registrations[0]).toMatchObject({ end: '2023-06-30T00:00:00', measures: [] });
	});

	it('reads the profession and specialisms of an arts who is not a huisarts', async () => {
		const cardioloog = await lookupBigNumber(config, BIG_NUMBERS.cardioloog);
		const tandarts = await lookupBigNumber(config, BIG_NUMBERS.tandarts);
		const basisarts = await lookupBigNumber(config, BIG_NUMBERS.artsWithoutSpecialism);
		expect(cardioloog).toMatchObject({ registrations: [{ profession: { code: '01' }, specialisms: [{ code: '10', label: 'cardiologie' }] }] });
		expect(tandarts).toMatchObject({ registrations: [{ profession: { code: '02', label: 'tandarts' }, specialisms: [] }] });
		expect(basisarts).toMatchObject({ registrations: [{ profession: { code: '01' }, specialisms: [] }] });
	});

	it('says not_found for a number the register does not know', async () => {
		expect(await lookupBigNumber(config, BIG_NUMBERS.unknown)).toEqual({ state: 'not_found' });
	});

	it('gives up after the configured timeout, tries once more, and says so in Dutch', async () => {
		const started = Date.now();
		const { result, requests } = await withRequests(() => lookupBigNumber({ ...config, timeoutMs: 100 }, BIG_NUMBERS.slow));
		expect(Date.now() - started).toBeLessThan(SLOW_MS / 2);
		expect(unavailable(result)).toMatchObject({
			reason: 'timeout',
			message: 'Het BIG-register gaf geen antwoord binnen 0,1 seconden. Probeer het later nog eens.'
		});
		expect(requests).toHaveLength(2);
	});

	it('retries once after a 500 and then returns the answer', async () => {
		stub.failNext(1);
		const { result, requests } = await withRequests(() => lookupBigNumber(config, BIG_NUMBERS.huisarts));
		expect(result).toMatchObject({ state: 'found', registrations: [{ bigNumber: BIG_NUMBERS.huisarts }] });
		expect(requests).toHaveLength(2);
	});

	it('does not retry when retries is 0', async () => {
		stub.failNext(1);
		const { result, requests } = await withRequests(() => lookupBigNumber({ ...config, retries: 0 }, BIG_NUMBERS.huisarts));
		expect(unavailable(result).reason).toBe('soap_fault');
		expect(requests).toHaveLength(1);
	});

	it('reports a register that keeps failing (soap:Server fault) after one retry', async () => {
		const { result, requests } = await withRequests(() => lookupBigNumber(config, BIG_NUMBERS.down));
		expect(unavailable(result)).toMatchObject({
			reason: 'soap_fault',
			message: 'Het BIG-register kon de vraag nu niet beantwoorden. Probeer het later nog eens.'
		});
		expect(unavailable(result).detail).toContain('SQL Server');
		expect(requests).toHaveLength(2);
	});

	it('reports a 503 from a proxy as http_error after one retry', async () => {
		const { result, requests } = await withRequests(() => lookupBigNumber(config, BIG_NUMBERS.unavailable));
		expect(unavailable(result)).toMatchObject({
			reason: 'http_error',
			message: 'Het BIG-register is nu niet bereikbaar (foutcode 503). Probeer het later nog eens.'
		});
		expect(requests).toHaveLength(2);
	});

	it('does not retry a question the service refuses (soap:Client fault)', async () => {
		const wrongAction: typeof fetch = (input, init) =>
			fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), soapaction: '"http://services.cibg.nl/ExternalUser/ListHcpApprox3"' } });
		const { result, requests } = await withRequests(() => lookupBigNumber({ ...config, fetch: wrongAction }, BIG_NUMBERS.huisarts));
		expect(unavailable(result).reason).toBe('soap_fault');
		expect(unavailable(result).detail).toMatch(/^client fault: Server did not recognize the value of HTTP Header SOAPAction/);
		expect(requests).toHaveLength(1);
	});

	it('does not retry a 404 (wrong URL configured)', async () => {
		const { result, requests } = await withRequests(() => lookupBigNumber({ ...config, url: stub.url.replace(STUB_PATH, '/Ribiz/OpenbaarV4.asmx') }, BIG_NUMBERS.huisarts));
		expect(unavailable(result)).toMatchObject({ reason: 'http_error', message: expect.stringContaining('foutcode 404') });
		expect(requests).toHaveLength(1);
	});

	it('calls an answer that is not XML a bad_response and does not retry it', async () => {
		const { result, requests } = await withRequests(() => lookupBigNumber(config, BIG_NUMBERS.garbage));
		expect(unavailable(result)).toMatchObject({
			reason: 'bad_response',
			message: 'Het BIG-register gaf een antwoord dat niet te lezen was. Probeer het later nog eens.'
		});
		expect(requests).toHaveLength(1);
	});

	it('calls a SOAP answer with a field of the wrong shape a bad_response', async () => {
		const result = unavailable(await lookupBigNumber(config, BIG_NUMBERS.malformed));
		expect(result.reason).toBe('bad_response');
		expect(result.detail).toContain('ArticleRegistrationStartDate');
	});

	it('reports a refused connection as network, after one retry', async () => {
		const closedPort = await new Promise<number>((resolve) => {
			const probe = createServer().listen(0, '127.0.0.1', () => {
				const { port } = probe.address() as { port: number };
				probe.close(() => resolve(port));
			});
		});
		let calls = 0;
		const counting: typeof fetch = (input, init) => {
			calls++;
			return fetch(input, init);
		};
		const result = unavailable(await lookupBigNumber({ ...config, url: `http://127.0.0.1:${closedPort}${STUB_PATH}`, fetch: counting }, BIG_NUMBERS.huisarts));
		expect(result).toMatchObject({ reason: 'network', message: 'Het BIG-register is nu niet bereikbaar. Probeer het later nog eens.' });
		expect(result.detail).toContain('ECONNREFUSED');
		expect(calls).toBe(2);
	});

	it('refuses input that is not a BIG number without asking the register', async () => {
		const { result, requests } = await withRequests(() => lookupBigNumber(config, '1234').catch((error: unknown) => error));
		expect(result).toBeInstanceOf(RangeError);
		expect(requests).toHaveLength(0);
	});
});

describe('the stand-in checks requests as the register does', () => {
	const envelope = (inner: string, ns = 'http://services.cibg.nl/ExternalUser') =>
		`<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><q:listHcpApproxRequest xmlns:q="${ns}">${inner}</q:listHcpApproxRequest></s:Body></s:Envelope>`;
	const post = (body: string, headers: Record<string, string> = {}) =>
		fetch(stub.url, {
			method: 'POST',
			headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: 'http://services.cibg.nl/ExternalUser/ListHcpApprox4', ...headers },
			body
		});

	it('answers a well-formed request with another prefix and no quotes around SOAPAction', async () => {
		const response = await post(envelope(`<q:WebSite>Ribiz</q:WebSite><q:RegistrationNumber>${BIG_NUMBERS.tandarts}</q:RegistrationNumber>`));
		expect(response.status).toBe(200);
		expect(await response.text()).toContain('<BirthSurname>Boer</BirthSurname>');
	});

	it('answers a soap:Client fault (HTTP 500) to a wrong content type, namespace, WebSite or number', async () => {
		const good = `<q:WebSite>Ribiz</q:WebSite><q:RegistrationNumber>${BIG_NUMBERS.huisarts}</q:RegistrationNumber>`;
		const bad = [
			await post(envelope(good), { 'content-type': 'application/json' }),
			await post(envelope(good, 'http://example.org/other')),
			await post(envelope(`<q:RegistrationNumber>${BIG_NUMBERS.huisarts}</q:RegistrationNumber>`)),
			await post(envelope('<q:WebSite>Ribiz</q:WebSite>')),
			await post('<not-xml')
		];
		for (const response of bad) {
			expect(response.status).toBe(500);
			expect(await response.text()).toContain('<faultcode>soap:Client</faultcode>');
		}
		expect((await fetch(stub.url)).status).toBe(405);
	});
});

describe('checkHuisarts against the stand-in register', () => {
	const check = (bigNumber: string, signerName: string, now = NOW) => checkHuisarts(config, { bigNumber, signerName }, now);

	it('verifies a current huisarts whose name fits, with the register name and the time of the check', async () => {
		expect(await check(BIG_NUMBERS.huisarts, 'Anna de Vries')).toEqual({
			verdict: 'verified',
			message: 'Geverifieerd: A.M. Jansen-de Vries staat in het BIG-register als huisarts.',
			bigNumber: BIG_NUMBERS.huisarts,
			registerName: 'A.M. Jansen-de Vries',
			checkedAt: '2026-11-22T10:00:00.000Z'
		});
		expect((await check(BIG_NUMBERS.huisarts, 'dr. A.M. Jansen-de Vries')).verdict).toBe('verified');
		expect((await check(BIG_NUMBERS.huisarts, 'Anna Jansen')).verdict).toBe('verified');
	});

	it('verifies a huisarts whose old suspension has ended', async () => {
		expect(await check(BIG_NUMBERS.huisartsPastMeasure, 'Pieter van den Berg')).toMatchObject({ verdict: 'verified', registerName: 'P. van den Berg' });
	});

	it('says name_mismatch, naming the register holder, for a wrong surname or first initial', async () => {
		const wrongSurname = await check(BIG_NUMBERS.huisarts, 'Anna de Wit');
		expect(wrongSurname).toMatchObject({
			verdict: 'name_mismatch',
			registerName: 'A.M. Jansen-de Vries',
			message:
				'Dit BIG-nummer hoort volgens het register bij A.M. Jansen-de Vries. Die naam past niet bij de naam van de ondertekenaar. Controleer de naam en het nummer.'
		});
		expect((await check(BIG_NUMBERS.huisarts, 'Bert de Vries')).verdict).toBe('name_mismatch');
	});

	it('checks the name before the registration, so a wrong number does not reveal a stranger is struck off', async () => {
		expect((await check(BIG_NUMBERS.suspended, 'Anna de Vries')).verdict).toBe('name_mismatch');
	});

	it('says not_huisarts for a cardioloog, an arts without specialism and a tandarts, naming what they are', async () => {
		expect(await check(BIG_NUMBERS.cardioloog, 'Karel Bakker')).toMatchObject({
			verdict: 'not_huisarts',
			message: 'K. Bakker staat in het BIG-register als arts (cardiologie), niet als huisarts.'
		});
		expect((await check(BIG_NUMBERS.artsWithoutSpecialism, 'Lisa Smit')).message).toBe('L. Smit staat in het BIG-register als arts, maar niet als huisarts.');
		expect((await check(BIG_NUMBERS.tandarts, 'Marloes de Boer')).message).toBe('M. de Boer staat in het BIG-register als tandarts, niet als huisarts.');
	});

	it('says struck_off for an ended registration, a doorhaling and a suspension in force', async () => {
		expect(await check(BIG_NUMBERS.registrationEnded, 'Rob Visser')).toMatchObject({
			verdict: 'struck_off',
			message:
				'De inschrijving van R. Visser in het BIG-register is beëindigd op 30 juni 2023. Daarom kan de handtekening niet als huisarts worden geverifieerd.'
		});
		expect(await check(BIG_NUMBERS.struckOff, 'D. Hendriks')).toMatchObject({
			verdict: 'struck_off',
			message: expect.stringContaining('is beëindigd op 15 februari 2024')
		});
		expect(await check(BIG_NUMBERS.suspended, 'Sanne Mulder')).toMatchObject({
			verdict: 'struck_off',
			message:
				'Bij S. Mulder staat in het BIG-register een maatregel die nu geldt: schorsing. Daarom kan de handtekening niet als huisarts worden geverifieerd.'
		});
	});

	it('judges dates against the given moment: before the end or the suspension the same people were verified', async () => {
		expect((await check(BIG_NUMBERS.registrationEnded, 'Rob Visser', new Date('2023-06-29T12:00:00Z'))).verdict).toBe('verified');
		expect((await check(BIG_NUMBERS.suspended, 'Sanne Mulder', new Date('2025-11-03T08:00:00Z'))).verdict).toBe('verified');
		expect((await check(BIG_NUMBERS.suspended, 'Sanne Mulder', new Date('2025-11-03T09:20:00Z'))).verdict).toBe('struck_off');
	});

	it('says not_found for an unknown number, and for a malformed one without asking the register', async () => {
		expect(await check(BIG_NUMBERS.unknown, 'Anna de Vries')).toMatchObject({
			verdict: 'not_found',
			registerName: null,
			message: `Het BIG-register kent het nummer ${BIG_NUMBERS.unknown} niet. Controleer het nummer.`
		});
		const { result, requests } = await withRequests(() => check('12345', 'Anna de Vries'));
		expect(result).toMatchObject({ verdict: 'not_found', message: 'Een BIG-nummer bestaat uit 11 cijfers. Controleer het nummer.' });
		expect(requests).toHaveLength(0);
	});

	it('says unavailable with the Dutch reason when the register does not answer in time', async () => {
		const result = await checkHuisarts({ ...config, timeoutMs: 100, retries: 0 }, { bigNumber: BIG_NUMBERS.slow, signerName: 'Anna de Vries' }, NOW);
		expect(result).toEqual({
			verdict: 'unavailable',
			message: 'Het BIG-register gaf geen antwoord binnen 0,1 seconden. Probeer het later nog eens.',
			bigNumber: BIG_NUMBERS.slow,
			registerName: null,
			checkedAt: NOW.toISOString()
		});
	});
});

describe('signer names against the register', () => {
	const person = (initials: string, prefix: string, birthSurname: string, mailingName: string): RegisterName => ({
		initials,
		prefix,
		birthSurname,
		mailingName,
		partnerSurname: partnerSurnameFrom(mailingName, initials, prefix, birthSurname)
	});
	const deVries = person('A.M.', 'de', 'Vries', 'A.M. de Vries');
	const married = person('A.M.', 'de', 'Vries', 'A.M. Jansen-de Vries');

	it.each([
		'Anna de Vries',
		'A.M. de Vries',
		'A. de Vries',
		'Anna Maria de Vries',
		'Anna-Maria de Vries',
		'A.M.de Vries',
		'anna DE VRIES',
		'  Anna   de  Vries ',
		'dr. A.M. de Vries',
		'Drs. Anna de Vries, huisarts',
		'Anna Vries'
	])('"%s" fits A.M. de Vries', (signer) => {
		expect(signerNameMatches(signer, deVries)).toBe(true);
	});

	it.each([
		['Bert de Vries', 'wrong first initial'],
		['Maria de Vries', 'second given name written first'],
		['Anna de Wit', 'wrong surname'],
		['Anna de Vriesen', 'longer surname'],
		['Anna van Vries', 'wrong prefix'],
		['Anna de Vries-Bakker', 'a partner name the register does not show'],
		['Anna Maria Louise de Vries', 'more given names than initials'],
		['de Vries', 'no given name'],
		['', 'empty']
	])('"%s" does not fit A.M. de Vries (%s)', (signer) => {
		expect(signerNameMatches(signer, deVries)).toBe(false);
	});

	it('reads the partner name from the mailing name, whichever way round', () => {
		expect(partnerSurnameFrom('A.M. Jansen-de Vries', 'A.M.', 'de', 'Vries')).toBe('Jansen');
		expect(partnerSurnameFrom('A.M. de Vries-Jansen', 'A.M.', 'de', 'Vries')).toBe('Jansen');
		expect(partnerSurnameFrom('A.M. Jansen', 'A.M.', 'de', 'Vries')).toBe('Jansen');
		expect(partnerSurnameFrom('G.D. van Dijk - Foo', 'G.D.', '', 'Foo')).toBe('van Dijk');
		expect(partnerSurnameFrom('A.M. de Vries', 'A.M.', 'de', 'Vries')).toBeNull();
		expect(partnerSurnameFrom('A. Smit-Jansen', 'A.', '', 'Smit-Jansen')).toBeNull();
	});

	it.each(['Anna Jansen-de Vries', 'Anna de Vries-Jansen', 'A.M. Jansen - de Vries', 'Anna Jansen de Vries', 'A. Jansen', 'Anna de Vries'])(
		'"%s" fits A.M. Jansen-de Vries (born de Vries)',
		(signer) => {
			expect(signerNameMatches(signer, married)).toBe(true);
		}
	);

	it.each(['Anna Pietersen-de Vries', 'Bert Jansen-de Vries', 'Anna Jansen-de Wit', 'Anna Jansens'])('"%s" does not fit A.M. Jansen-de Vries', (signer) => {
		expect(signerNameMatches(signer, married)).toBe(false);
	});

	it('ignores accents and case, but not a different name', () => {
		const ozturk = person('Z.É.', '', 'Öztürk', 'Z.É. Öztürk');
		expect(signerNameMatches('Zoë Elif Öztürk', ozturk)).toBe(true);
		expect(signerNameMatches('ZOE OZTURK', ozturk)).toBe(true);
		expect(signerNameMatches('Yara Öztürk', ozturk)).toBe(false);
		expect(signerNameMatches('Zoë Öztürk-Yilmaz', ozturk)).toBe(false);
	});

	it('accepts an abbreviated or omitted prefix, not a different one', () => {
		const berg = person('P.', 'van den', 'Berg', 'P. van den Berg');
		expect(signerNameMatches('Pieter van den Berg', berg)).toBe(true);
		expect(signerNameMatches('P. v.d. Berg', berg)).toBe(true);
		expect(signerNameMatches('P. Van Den Berg', berg)).toBe(true);
		expect(signerNameMatches('Pieter Berg', berg)).toBe(true);
		expect(signerNameMatches('Pieter van der Berg', berg)).toBe(false);
		expect(signerNameMatches('Pieter van Berg', berg)).toBe(false);
	});

	it("handles IJ initials and prefixes with an apostrophe ('t Hart, d'Ancona)", () => {
		expect(signerNameMatches('IJsbrand Bakker', person('IJ.', '', 'Bakker', 'IJ. Bakker'))).toBe(true);
		expect(signerNameMatches('I. Bakker', person('IJ.', '', 'Bakker', 'IJ. Bakker'))).toBe(true);
		expect(signerNameMatches("Jan 't Hart", person('J.', "'t", 'Hart', "J. 't Hart"))).toBe(true);
		expect(signerNameMatches('Jan ’t Hart', person('J.', "'t", 'Hart', "J. 't Hart"))).toBe(true);
		expect(signerNameMatches("Hedy d'Ancona", person('H.', "d'", 'Ancona', "H. d'Ancona"))).toBe(true);
		expect(signerNameMatches('Jan Hart', person('K.', "'t", 'Hart', "K. 't Hart"))).toBe(false);
	});

	it('shows the mailing name, or builds one from the parts', () => {
		expect(registerDisplayName(married)).toBe('A.M. Jansen-de Vries');
		expect(registerDisplayName({ ...deVries, mailingName: '' })).toBe('A.M. de Vries');
	});
});

describe('reading the register', () => {
	it('tells the type of a measure from its public text, on the safe side when unsure', () => {
		expect(measureTypeOf('Onvoorwaardelijke schorsing van de inschrijving voor twee maanden')).toBe('schorsing');
		expect(measureTypeOf('Voorwaardelijke schorsing van de inschrijving, proeftijd twee jaar')).toBe('voorwaardelijke_schorsing');
		expect(measureTypeOf('Doorhaling van de inschrijving in het register')).toBe('doorhaling');
		expect(measureTypeOf('Het bevel houdt in dat de arts zijn werkzaamheden neerlegt')).toBe('bevel');
		expect(measureTypeOf('Berisping')).toBe('berisping');
		expect(measureTypeOf('Gedeeltelijke ontzegging van de bevoegdheid')).toBe('beperking');
		expect(measureTypeOf('')).toBe('onbekend');
	});

	it('compares with Dutch local time, summer and winter', () => {
		expect(registerLocalTime(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02T00:30:00');
		expect(registerLocalTime(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-16T00:30:00');
	});

	it('reads BIG_REGISTER_URL: unset means not configured, only http(s) URLs are accepted', () => {
		expect(bigRegisterConfigFromEnv({})).toBeNull();
		expect(bigRegisterConfigFromEnv({ BIG_REGISTER_URL: 'https://api.bigregister.nl/zksrv/soap/4' })).toEqual({ url: 'https://api.bigregister.nl/zksrv/soap/4' });
		expect(bigRegisterUrlSchema.safeParse(undefined).success).toBe(true);
		expect(bigRegisterUrlSchema.safeParse('https://api.bigregister.nl/zksrv/soap/4').success).toBe(true);
		const bad = bigRegisterUrlSchema.safeParse('ftp://api.bigregister.nl/zksrv/soap/4');
		expect(bad.success).toBe(false);
		expect(bad.error?.issues[0].message).toMatch(/^BIG_REGISTER_URL moet een volledige http\(s\)-URL zijn/);
		expect(bigRegisterUrlSchema.safeParse('api.bigregister.nl').success).toBe(false);
	});
});
