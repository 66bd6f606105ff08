import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('environment validation', () => {
	it('starts the embedded database in .data with the development mailbox by default', () => {
		const env = parseEnv({});
		expect(env).toMatchObject({ DATA_DIR: '.data', PORT: 3000 });
		expect(env.SMTP_URL).toBeUndefined();
		expect(env.SUPABASE_URL).toBeUndefined();
	});

	it('treats empty values as unset', () => {
		const env = parseEnv({ SMTP_URL: '', PORT: '' });
		expect(env.SMTP_URL).toBeUndefined();
		expect(env.PORT).toBe(3000);
	});

	it('wants both Supabase variables or neither, and says so in Dutch', () => {
		expect(() => parseEnv({ SUPABASE_URL: 'https://abc.supabase.co' })).toThrow(
			/SUPABASE_URL en SUPABASE_SERVICE_ROLE_KEY allebei/
		);
		expect(
			parseEnv({ SUPABASE_URL: 'https://abc.supabase.co', SUPABASE_SERVICE_ROLE_KEY: 'x'.repeat(40) }).SUPABASE_URL
		).toBe('https://abc.supabase.co');
	});

	it('lists every wrong value with what to fix', () => {
		let message = '';
		try {
			parseEnv({ SMTP_URL: 'mail.example.nl', PORT: 'zeventig', ORIGIN: 'localhost' });
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message).toContain('SMTP_URL moet beginnen met smtp:// of smtps://');
		expect(message).toContain('PORT');
		expect(message).toContain('ORIGIN moet een volledige URL zijn');
	});
});
