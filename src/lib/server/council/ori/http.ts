// Fetching one export page from OpenBesluitvorming politely and patiently: paces requests by the
// RateLimit-* headers (60 units a minute per client, a token bucket), waits out a 429 for its
// Retry-After, retries network errors, timeouts and 5xx answers a bounded number of times with
// growing pauses, and gives up with a Dutch message (quoting the request id of a 500). The clock
// is injectable, so tests can prove the waits without waiting.
import { z } from 'zod';

export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
	now: () => Date.now(),
	sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
};

export class OriHttpError extends Error {
	constructor(
		message: string,
		readonly retryable: boolean,
		readonly status: number | null = null,
		readonly requestId: string | null = null
	) {
		super(message);
		this.name = 'OriHttpError';
	}
}

/** Keeps this process under the source's rate limit, across all sources (the limit is per client). */
export class RatePacer {
	private remaining: number | null = null;
	private nextUnitAt = 0;

	constructor(private readonly clock: Clock = systemClock) {}

	/** Waits until a request fits the budget the last answer announced; returns the wait in ms. */
	async ready(): Promise<number> {
		const wait = this.remaining !== null && this.remaining < 1 ? this.nextUnitAt - this.clock.now() : 0;
		if (wait > 0) await this.clock.sleep(wait);
		this.remaining = null;
		return Math.max(0, wait);
	}

	/** RateLimit-Reset is the time until the bucket is full again; one unit comes back after
	 * Reset / (Limit - Remaining) seconds. */
	learn(headers: Headers): void {
		const limit = Number(headers.get('ratelimit-limit'));
		const remaining = Number(headers.get('ratelimit-remaining'));
		const reset = Number(headers.get('ratelimit-reset'));
		if (headers.get('ratelimit-remaining') === null || !Number.isFinite(remaining) || !Number.isFinite(reset)) return;
		const missing = Number.isFinite(limit) && limit > remaining ? limit - remaining : 1;
		this.remaining = remaining;
		this.nextUnitAt = this.clock.now() + (reset * 1000) / missing;
	}

	/** After a 429: nothing may be sent before ms have passed. */
	holdFor(ms: number): void {
		this.remaining = 0;
		this.nextUnitAt = this.clock.now() + ms;
	}
}

export interface HttpOptions {
	fetch?: typeof fetch;
	clock?: Clock;
	pacer?: RatePacer;
	/** Longest wait for the answer to start, and between two chunks of its body. */
	timeoutMs?: number;
	/** Retries after a network error, a timeout or a 5xx answer. */
	maxRetries?: number;
	/** 429 answers waited out before giving up. */
	maxRateLimitWaits?: number;
}

export interface OpenPage {
	headers: Headers;
	body: AsyncIterable<Uint8Array>;
}

const errorBody = z.looseObject({ code: z.string().optional(), error: z.string().optional(), request_id: z.string().optional() });

const defaultPacer = new RatePacer();

/** GETs an export page; resolves once the answer is a 200 (the body still streams). */
export async function openPage(url: URL, options: HttpOptions = {}): Promise<OpenPage> {
	const clock = options.clock ?? systemClock;
	const pacer = options.pacer ?? defaultPacer;
	const timeoutMs = options.timeoutMs ?? 30_000;
	const maxRetries = options.maxRetries ?? 3;
	const maxWaits = options.maxRateLimitWaits ?? 10;
	let failures = 0;
	let waits = 0;
	for (;;) {
		await pacer.ready();
		let failure: OriHttpError;
		try {
			const page = await requestOnce(url, options.fetch ?? fetch, timeoutMs);
			pacer.learn(page.response.headers);
			const { response } = page;
			if (response.ok) return { headers: response.headers, body: page.body };
			if (response.status === 429) {
				await response.body?.cancel();
				const ms = retryAfterMs(response.headers, clock.now());
				if (++waits > maxWaits) {
					throw new OriHttpError(`De bron blijft zeggen dat we te veel vragen (429), ook na ${maxWaits} keer wachten`, true, 429);
				}
				pacer.holdFor(ms);
				continue;
			}
			failure = await answerError(response);
		} catch (error) {
			if (error instanceof OriHttpError && !error.retryable) throw error;
			if (error instanceof OriHttpError && error.status === 429) throw error;
			failure = error instanceof OriHttpError ? error : networkError(error);
		}
		if (!failure.retryable) throw failure;
		if (++failures > maxRetries) {
			throw new OriHttpError(`${failure.message} (${failures} keer geprobeerd)`, true, failure.status, failure.requestId);
		}
		await clock.sleep(Math.min(30_000, 1000 * 2 ** (failures - 1)));
	}
}

async function requestOnce(url: URL, fetchImpl: typeof fetch, timeoutMs: number) {
	const controller = new AbortController();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const arm = () => {
		clearTimeout(timer);
		timer = setTimeout(() => controller.abort(), timeoutMs);
	};
	arm();
	let response: Response;
	try {
		response = await fetchImpl(url, { signal: controller.signal, headers: { accept: 'application/x-ndjson' } });
	} catch (error) {
		clearTimeout(timer);
		throw controller.signal.aborted ? timeoutError(timeoutMs) : error;
	}
	async function* body(): AsyncGenerator<Uint8Array> {
		if (!response.body) return;
		const reader = response.body.getReader();
		try {
			for (;;) {
				arm();
				let chunk: ReadableStreamReadResult<Uint8Array>;
				try {
					chunk = await reader.read();
				} catch (error) {
					throw controller.signal.aborted ? timeoutError(timeoutMs) : networkError(error);
				}
				if (chunk.done) return;
				yield chunk.value;
			}
		} finally {
			clearTimeout(timer);
			await reader.cancel().catch(() => undefined);
		}
	}
	return { response, body: body() };
}

/** Retry-After in seconds or as an HTTP date; without it, a minute. */
function retryAfterMs(headers: Headers, now: number): number {
	const value = headers.get('retry-after');
	if (value && /^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
	const date = value ? Date.parse(value) : NaN;
	return Number.isFinite(date) ? Math.max(0, date - now) : 60_000;
}

async function answerError(response: Response): Promise<OriHttpError> {
	let detail: z.infer<typeof errorBody> = {};
	try {
		const text = (await response.text()).slice(0, 64 * 1024);
		const parsed = errorBody.safeParse(JSON.parse(text));
		if (parsed.success) detail = parsed.data;
	} catch {
		// Not JSON: the status says enough.
	}
	const requestId = detail.request_id ?? null;
	if (response.status >= 500) {
		return new OriHttpError(
			`De bron gaf een serverfout (${response.status}${detail.code ? ` ${detail.code}` : ''}${requestId ? `, request-id ${requestId}` : ''})`,
			true,
			response.status,
			requestId
		);
	}
	return new OriHttpError(
		`De bron weigerde het verzoek (${response.status}${detail.code ? ` ${detail.code}` : ''})${detail.error ? `: ${detail.error}` : ''}`,
		false,
		response.status,
		requestId
	);
}

function timeoutError(timeoutMs: number): OriHttpError {
	return new OriHttpError(`De bron antwoordde niet binnen ${Math.round(timeoutMs / 100) / 10} seconden`, true);
}

function networkError(error: unknown): OriHttpError {
	const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
	return new OriHttpError(`De bron is niet bereikbaar (${cause})`, true);
}
