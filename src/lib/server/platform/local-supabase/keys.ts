// HS256 JWTs for the embedded PostgREST, shaped like Supabase's anon and service-role keys.
// The secret is generated per process, so keys never outlive the server that issued them.
import { createHmac, randomBytes } from 'node:crypto';

function base64url(input: string | Buffer): string {
	return Buffer.from(input).toString('base64url');
}

export function signJwt(payload: Record<string, unknown>, secret: string): string {
	const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
	const body = base64url(JSON.stringify(payload));
	const signature = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
	return `${header}.${body}.${signature}`;
}

export interface ApiKeys {
	jwtSecret: string;
	anonKey: string;
	serviceRoleKey: string;
}

export function generateApiKeys(): ApiKeys {
	const jwtSecret = randomBytes(32).toString('base64url');
	const iat = Math.floor(Date.now() / 1000);
	const exp = iat + 10 * 365 * 24 * 3600;
	return {
		jwtSecret,
		anonKey: signJwt({ iss: 'laat-je-horen-local', role: 'anon', iat, exp }, jwtSecret),
		serviceRoleKey: signJwt({ iss: 'laat-je-horen-local', role: 'service_role', iat, exp }, jwtSecret)
	};
}
