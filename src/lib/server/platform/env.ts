// Every environment variable the server reads, validated once at start with a clear message.
// Hosted Supabase: set SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY. Without them the embedded
// local Supabase starts with its data in DATA_DIR (":memory:" keeps it in memory, for tests).
// HOST, PORT, ORIGIN, ADDRESS_HEADER and XFF_DEPTH are read by adapter-node too; checked here first.
import { accessSync, constants, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';

function isExecutableFile(path: string): boolean {
	try {
		accessSync(path, constants.X_OK);
		return statSync(path).isFile();
	} catch {
		return false;
	}
}

function isHostname(value: string): boolean {
	return isIP(value) !== 0 || /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/.test(value);
}

/** localhost, 127.x.x.x or [::1]: a name that only this machine answers to. */
export function isLoopbackHost(hostname: string): boolean {
	return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

const schema = z
	.object({
		SUPABASE_URL: z.url({ message: 'SUPABASE_URL moet een volledige URL zijn (https://…supabase.co).' }).optional(),
		SUPABASE_SERVICE_ROLE_KEY: z.string().min(20, 'SUPABASE_SERVICE_ROLE_KEY is te kort.').optional(),
		DATA_DIR: z.string().min(1).default('.data'),
		SMTP_URL: z
			.string()
			.regex(/^smtps?:\/\/.+/, 'SMTP_URL moet beginnen met smtp:// of smtps://.')
			.optional(),
		MAIL_FROM: z.string().min(3).default('Laat je horen <noreply@laatjehoren.nl>'),
		ORIGIN: z.url({ message: 'ORIGIN moet een volledige URL zijn (https://…).' }).optional(),
		PORT: z.coerce.number().int().min(1).max(65535).default(3000),
		HOST: z
			.string()
			.refine(isHostname, { message: 'HOST moet een adres zijn om op te luisteren, zoals 0.0.0.0, 127.0.0.1 of :: (zonder http:// of poort).' })
			.optional(),
		// Behind a reverse proxy: the header that carries the visitor's address (rate limits use it).
		ADDRESS_HEADER: z
			.string()
			.regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'ADDRESS_HEADER moet de naam van een HTTP-header zijn, zoals X-Forwarded-For.')
			.optional(),
		XFF_DEPTH: z.coerce
			.number({ message: 'XFF_DEPTH moet een heel getal van 1 of meer zijn.' })
			.int('XFF_DEPTH moet een heel getal van 1 of meer zijn.')
			.min(1, 'XFF_DEPTH moet een heel getal van 1 of meer zijn.')
			.optional(),
		POSTGREST_BIN: z
			.string()
			.refine(isExecutableFile, { message: 'POSTGREST_BIN moet naar een uitvoerbaar bestand wijzen (een PostgREST 12, bijvoorbeeld /usr/local/bin/postgrest).' })
			.optional(),
		// Demo data (supabase/seed.sql) goes into a new embedded database; on by default for a first look.
		DEMO_DATA: z
			.enum(['true', 'false'], { message: 'DEMO_DATA moet true of false zijn.' })
			.default('true')
			.transform((value) => value === 'true'),
		MAIL_WORKER_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
		// Database traffic (db-traffic.ts): calls in flight, calls waiting, and how long one may wait.
		DB_MAX_CONCURRENT: z.coerce
			.number({ message: 'DB_MAX_CONCURRENT moet een heel getal van 1 of meer zijn.' })
			.int('DB_MAX_CONCURRENT moet een heel getal van 1 of meer zijn.')
			.min(1, 'DB_MAX_CONCURRENT moet een heel getal van 1 of meer zijn.')
			.optional(),
		DB_MAX_QUEUE: z.coerce
			.number({ message: 'DB_MAX_QUEUE moet een heel getal van 0 of meer zijn.' })
			.int('DB_MAX_QUEUE moet een heel getal van 0 of meer zijn.')
			.min(0, 'DB_MAX_QUEUE moet een heel getal van 0 of meer zijn.')
			.default(1000),
		DB_QUEUE_TIMEOUT_MS: z.coerce
			.number({ message: 'DB_QUEUE_TIMEOUT_MS moet een aantal milliseconden zijn (100 of meer).' })
			.int('DB_QUEUE_TIMEOUT_MS moet een aantal milliseconden zijn (100 of meer).')
			.min(100, 'DB_QUEUE_TIMEOUT_MS moet een aantal milliseconden zijn (100 of meer).')
			.default(5000),
		// Public pages (public-cache.ts): how often this process asks the database which gemeenten
		// changed (0: before every page), and how long a proxy or CDN may serve a page unasked.
		CACHE_CHECK_MS: z.coerce
			.number({ message: 'CACHE_CHECK_MS moet een aantal milliseconden zijn (0 of meer).' })
			.int('CACHE_CHECK_MS moet een aantal milliseconden zijn (0 of meer).')
			.min(0, 'CACHE_CHECK_MS moet een aantal milliseconden zijn (0 of meer).')
			.default(1000),
		PUBLIC_MAX_AGE: z.coerce
			.number({ message: 'PUBLIC_MAX_AGE moet een aantal seconden zijn (0 of meer).' })
			.int('PUBLIC_MAX_AGE moet een aantal seconden zijn (0 of meer).')
			.min(0, 'PUBLIC_MAX_AGE moet een aantal seconden zijn (0 of meer).')
			.default(10),
		// The BIG-register's SOAP service (CIBG); unset: signatures are verified by hand only.
		BIG_REGISTER_URL: z
			.url({
				protocol: /^https?$/,
				message: 'BIG_REGISTER_URL moet een volledige http(s)-URL zijn, zoals https://api.bigregister.nl/zksrv/soap/4.'
			})
			.optional(),
		BIG_REGISTER_TIMEOUT_MS: z.coerce
			.number({ message: 'BIG_REGISTER_TIMEOUT_MS moet een aantal milliseconden zijn.' })
			.int()
			.min(100, 'BIG_REGISTER_TIMEOUT_MS moet minstens 100 zijn.')
			.max(60000, 'BIG_REGISTER_TIMEOUT_MS mag hoogstens 60000 zijn.')
			.default(5000),
		// OpenBesluitvorming's API (council data); unset: import by file and enter by hand only.
		ORI_API_URL: z
			.url({ protocol: /^https?$/, message: 'ORI_API_URL moet een volledige http(s)-URL zijn, zoals https://openbesluitvorming.nl.' })
			.optional(),
		// How often the followed council sources are synced; 0 switches the schedule off.
		ORI_SYNC_INTERVAL_MINUTES: z.coerce
			.number({ message: 'ORI_SYNC_INTERVAL_MINUTES moet een aantal minuten zijn.' })
			.int('ORI_SYNC_INTERVAL_MINUTES moet een heel aantal minuten zijn.')
			.min(0, 'ORI_SYNC_INTERVAL_MINUTES mag niet negatief zijn (0 zet het schema uit).')
			.max(7 * 24 * 60, 'ORI_SYNC_INTERVAL_MINUTES mag hoogstens een week (10080) zijn.')
			.default(360)
	})
	.refine((env) => Boolean(env.SUPABASE_URL) === Boolean(env.SUPABASE_SERVICE_ROLE_KEY), {
		message: 'Zet SUPABASE_URL en SUPABASE_SERVICE_ROLE_KEY allebei, of geen van beide.'
	})
	// Mail without SMTP lands in the development mailbox, which only exists on this machine; for a
	// public address that would mean nobody gets a sign-in code.
	.refine((env) => Boolean(env.SMTP_URL) || !env.ORIGIN || !URL.canParse(env.ORIGIN) || isLoopbackHost(new URL(env.ORIGIN).hostname), {
		message:
			'Zonder SMTP_URL kan de app geen e-mail versturen, ook geen inlogcodes. Zet SMTP_URL, of gebruik een ORIGIN op localhost (dan komt de mail in de ontwikkelpostbus /dev/mail).',
		path: ['SMTP_URL']
	})
	.refine((env) => env.XFF_DEPTH === undefined || env.ADDRESS_HEADER?.toLowerCase() === 'x-forwarded-for', {
		message: 'XFF_DEPTH werkt alleen samen met ADDRESS_HEADER=X-Forwarded-For.',
		path: ['XFF_DEPTH']
	});

export type Env = z.infer<typeof schema>;

let cached: Env | null = null;

/** Validates an environment; throws one message listing every problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
	// Empty strings count as unset, as in most .env tooling.
	const raw = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
	const parsed = schema.safeParse(raw);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((issue) => `- ${issue.path.join('.') || 'instellingen'}: ${issue.message}`);
		throw new Error(`Ongeldige instellingen (omgevingsvariabelen):\n${lines.join('\n')}`);
	}
	return parsed.data;
}

export function env(): Env {
	cached ??= parseEnv(process.env);
	return cached;
}

/** The public address of the app, for links in e-mails. */
export function publicOrigin(): string {
	const { ORIGIN, PORT } = env();
	return ORIGIN ?? `http://localhost:${PORT}`;
}
