// Every environment variable the server reads, validated once at start with a clear message.
// Hosted Supabase: set SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY. Without them the embedded
// local Supabase starts with its data in DATA_DIR (":memory:" keeps it in memory, for tests).
import { z } from 'zod';

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
		MAIL_WORKER_INTERVAL_MS: z.coerce.number().int().min(100).default(5000)
	})
	.refine((env) => Boolean(env.SUPABASE_URL) === Boolean(env.SUPABASE_SERVICE_ROLE_KEY), {
		message: 'Zet SUPABASE_URL en SUPABASE_SERVICE_ROLE_KEY allebei, of geen van beide.'
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
