// Asks the BIG-register (CIBG's public SOAP service, no account needed) about one BIG number, and
// turns the answer into a verdict on a signer: a registered huisarts whose name fits, or why not.
// Each attempt has its own timeout; network errors, timeouts and server-side failures get one retry
// (by default) after a short pause; a refused question (4xx, client fault) and an unreadable answer
// do not. Every outcome carries a Dutch message. Protocol facts and their sources: big-register-soap.ts.
//
// Production: BIG_REGISTER_URL, unset = register not configured (then signatures are verified by
// hand). Two public clients cite CIBG's notice of 26 April 2023 that the service moved from
// https://webservices.cibg.nl/Ribiz/OpenbaarV4.asmx to https://api.bigregister.nl/zksrv/soap/4
// (same WSDL, same SOAPAction); use the latter. Confidence: medium-high (not reachable from here).

import { z } from 'zod';
import { ARTS, HUISARTS_SPECIALISMS } from './big-register-codes';
import { registerDisplayName, signerNameMatches } from './big-register-names';
import {
	LIST_HCP_APPROX4_ACTION,
	buildListHcpApprox4Request,
	parseListHcpApprox4Answer,
	registerLocalTime,
	type Measure,
	type MeasureType,
	type Registration
} from './big-register-soap';

export type { Registration } from './big-register-soap';

export type BigRegisterConfig = {
	url: string;
	/** Per attempt; default 5000. */
	timeoutMs?: number;
	/** Extra attempts after a network error, timeout or server failure; default 1. */
	retries?: number;
	/** Pause before a retry, times the attempt number; default 300. */
	backoffMs?: number;
	fetch?: typeof fetch;
};

/** For env.ts: `BIG_REGISTER_URL: bigRegisterUrlSchema` (optional; unset = not configured). */
export const bigRegisterUrlSchema = z
	.url({
		protocol: /^https?$/,
		message: 'BIG_REGISTER_URL moet een volledige http(s)-URL zijn, zoals https://api.bigregister.nl/zksrv/soap/4.'
	})
	.optional();

/** The client's config from validated env, or null when the register is not configured. */
export function bigRegisterConfigFromEnv(env: { BIG_REGISTER_URL?: string | undefined }): BigRegisterConfig | null {
	return env.BIG_REGISTER_URL ? { url: env.BIG_REGISTER_URL } : null;
}

export type UnavailableReason = 'timeout' | 'http_error' | 'network' | 'soap_fault' | 'bad_response';

export type LookupResult =
	| { state: 'found'; registrations: Registration[] }
	| { state: 'not_found' }
	/** `detail` is technical (for the log), `message` is for the user. */
	| { state: 'unavailable'; reason: UnavailableReason; message: string; detail: string };

type Unavailable = Extract<LookupResult, { state: 'unavailable' }>;
type Attempt = { result: LookupResult; retry: boolean };

const LATER = 'Probeer het later nog eens.';

function unavailable(reason: UnavailableReason, message: string, detail: string, retry: boolean): Attempt {
	return { result: { state: 'unavailable', reason, message: `${message} ${LATER}`, detail }, retry };
}

function seconds(ms: number): string {
	const value = ms / 1000;
	return `${value.toLocaleString('nl-NL', { maximumFractionDigits: 1 })} ${value === 1 ? 'seconde' : 'seconden'}`;
}

/** "12.345.678-901", "123 4567 8901" → "12345678901"; null when it is not 11 digits. */
export function normalizeBigNumber(input: string): string | null {
	const digits = input.replace(/[\s.-]/g, '');
	return /^\d{11}$/.test(digits) ? digits : null;
}

async function askOnce(config: BigRegisterConfig, body: string): Promise<Attempt> {
	const timeoutMs = config.timeoutMs ?? 5000;
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), timeoutMs);
	let status: number;
	let text: string;
	try {
		const response = await (config.fetch ?? fetch)(config.url, {
			method: 'POST',
			headers: {
				'content-type': 'text/xml; charset=utf-8',
				soapaction: `"${LIST_HCP_APPROX4_ACTION}"`,
				accept: 'text/xml'
			},
			body,
			signal: controller.signal
		});
		status = response.status;
		text = await response.text();
	} catch (error) {
		if (controller.signal.aborted) {
			const message = `Het BIG-register gaf geen antwoord binnen ${seconds(timeoutMs)}.`;
			return unavailable('timeout', message, `no answer within ${timeoutMs} ms`, true);
		}
		const cause = error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}` : String(error);
		return unavailable('network', 'Het BIG-register is nu niet bereikbaar.', cause, true);
	} finally {
		clearTimeout(timer);
	}

	const answer = parseListHcpApprox4Answer(text);
	if (answer.kind === 'fault') {
		// ASMX answers every fault with HTTP 500; "Client" means our question was refused, so asking
		// again cannot help, while "Server" is trouble on their side.
		return unavailable('soap_fault', 'Het BIG-register kon de vraag nu niet beantwoorden.', `${answer.side} fault: ${answer.message}`, answer.side === 'server');
	}
	if (status < 200 || status >= 300) {
		return unavailable('http_error', `Het BIG-register is nu niet bereikbaar (foutcode ${status}).`, `HTTP ${status}`, status >= 500);
	}
	if (answer.kind === 'unreadable') {
		return unavailable('bad_response', 'Het BIG-register gaf een antwoord dat niet te lezen was.', answer.detail, false);
	}
	return {
		result: answer.registrations.length === 0 ? { state: 'not_found' } : { state: 'found', registrations: answer.registrations },
		retry: false
	};
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Looks one BIG number up. Throws a RangeError for input that is not 11 digits (check it first). */
export async function lookupBigNumber(config: BigRegisterConfig, bigNumber: string): Promise<LookupResult> {
	const number = normalizeBigNumber(bigNumber);
	if (!number) throw new RangeError('A BIG number has 11 digits.');
	const body = buildListHcpApprox4Request(number);
	const attempts = 1 + Math.max(0, config.retries ?? 1);
	let last: Unavailable | null = null;
	for (let attempt = 1; attempt <= attempts; attempt++) {
		if (attempt > 1) await pause((config.backoffMs ?? 300) * (attempt - 1));
		const { result, retry } = await askOnce(config, body);
		if (result.state !== 'unavailable' || !retry) return result;
		last = result;
	}
	return last!;
}

export type HuisartsVerdict = 'verified' | 'name_mismatch' | 'not_huisarts' | 'struck_off' | 'not_found' | 'unavailable';

export type HuisartsCheck = {
	verdict: HuisartsVerdict;
	/** Plain Dutch, for the signer or coordinator. */
	message: string;
	bigNumber: string;
	/** The name as the register shows it ("A.M. Jansen-de Vries"); null when it gave none. */
	registerName: string | null;
	/** ISO time of the check, to record how a signature was verified. */
	checkedAt: string;
};

const inForce = (start: string | null, end: string | null, now: string) => (start === null || start <= now) && (end === null || now < end);

const MEASURE_LABELS: Record<MeasureType, string> = {
	doorhaling: 'doorhaling van de inschrijving',
	schorsing: 'schorsing',
	voorwaardelijke_schorsing: 'voorwaardelijke schorsing',
	bevel: 'bevel om het werk neer te leggen',
	beperking: 'beperking van de bevoegdheid',
	berisping: 'berisping',
	waarschuwing: 'waarschuwing',
	geldboete: 'geldboete',
	onbekend: 'maatregel'
};

/** "2023-06-30T00:00:00" → "30 juni 2023". */
function dutchDate(local: string): string {
	const [year, month, day] = local.slice(0, 10).split('-').map(Number);
	return new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}

function notInForceMessage(shown: string, registrations: Registration[], now: string): string {
	const upcoming = registrations.find((r) => r.start !== null && r.start > now);
	if (upcoming?.start) return `De inschrijving van ${shown} in het BIG-register gaat pas in op ${dutchDate(upcoming.start)}.`;
	const ends = registrations.map((r) => r.end).filter((end): end is string => end !== null).sort();
	const last = ends.at(-1);
	return `De inschrijving van ${shown} in het BIG-register is beëindigd${last ? ` op ${dutchDate(last)}` : ''}.`;
}

function notHuisartsMessage(shown: string, registrations: Registration[], now: string): string {
	const arts = registrations.find((r) => r.profession.code === ARTS);
	if (!arts) return `${shown} staat in het BIG-register als ${registrations[0].profession.label}, niet als huisarts.`;
	const specialisms = arts.specialisms.filter((s) => inForce(s.start, s.end, now)).map((s) => s.label);
	return specialisms.length > 0
		? `${shown} staat in het BIG-register als arts (${specialisms.join(', ')}), niet als huisarts.`
		: `${shown} staat in het BIG-register als arts, maar niet als huisarts.`;
}

const NOT_VERIFIED = 'Daarom kan de handtekening niet als huisarts worden geverifieerd.';

/**
 * Is the signer a huisarts in the BIG-register right now? Checks in this order: number known, name
 * fits, registration in force, no measure in force that stops or limits practising, an arts with a
 * huisarts specialism. `now` is injectable for tests.
 */
export async function checkHuisarts(
	config: BigRegisterConfig,
	signer: { bigNumber: string; signerName: string },
	now: Date = new Date()
): Promise<HuisartsCheck> {
	const checkedAt = now.toISOString();
	const number = normalizeBigNumber(signer.bigNumber);
	const verdict = (verdict: HuisartsVerdict, message: string, registerName: string | null = null): HuisartsCheck => ({
		verdict,
		message,
		bigNumber: number ?? signer.bigNumber,
		registerName,
		checkedAt
	});
	if (!number) return verdict('not_found', 'Een BIG-nummer bestaat uit 11 cijfers. Controleer het nummer.');

	const result = await lookupBigNumber(config, number);
	if (result.state === 'unavailable') return verdict('unavailable', result.message);
	const own = result.state === 'found' ? result.registrations.filter((r) => r.bigNumber === number) : [];
	if (own.length === 0) return verdict('not_found', `Het BIG-register kent het nummer ${number} niet. Controleer het nummer.`);

	const shown = registerDisplayName(own[0].name);
	if (!signerNameMatches(signer.signerName, own[0].name)) {
		const message = `Dit BIG-nummer hoort volgens het register bij ${shown}. Die naam past niet bij de naam van de ondertekenaar.`;
		return verdict('name_mismatch', `${message} Controleer de naam en het nummer.`, shown);
	}
	const today = registerLocalTime(now);
	const current = own.filter((r) => inForce(r.start, r.end, today));
	if (current.length === 0) return verdict('struck_off', `${notInForceMessage(shown, own, today)} ${NOT_VERIFIED}`, shown);

	const measure: Measure | undefined = current
		.flatMap((r) => r.measures)
		.find((m) => m.restrictsPractice && inForce(m.start, m.end, today));
	if (measure) {
		return verdict('struck_off', `Bij ${shown} staat in het BIG-register een maatregel die nu geldt: ${MEASURE_LABELS[measure.type]}. ${NOT_VERIFIED}`, shown);
	}
	const huisarts = current.some(
		(r) => r.profession.code === ARTS && r.specialisms.some((s) => HUISARTS_SPECIALISMS.has(s.code) && inForce(s.start, s.end, today))
	);
	if (!huisarts) return verdict('not_huisarts', notHuisartsMessage(shown, current, today), shown);
	return verdict('verified', `Geverifieerd: ${shown} staat in het BIG-register als huisarts.`, shown);
}
