import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('environment validation', () => {
	it('starts the embedded database in .data with demo data and the development mailbox by default', () => {
		const env = parseEnv({});
		expect(env).toMatchObject({ DATA_DIR: '.data', PORT: 3000, DEMO_DATA: true });
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

	it('syncs council data only with ORI_API_URL, every 6 hours unless told otherwise, and explains a wrong value', () => {
		expect(parseEnv({}).ORI_API_URL).toBeUndefined();
		expect(parseEnv({}).ORI_SYNC_INTERVAL_MINUTES).toBe(360);
		expect(parseEnv({ ORI_API_URL: 'https://openbesluitvorming.nl', ORI_SYNC_INTERVAL_MINUTES: '0' })).toMatchObject({
			ORI_API_URL: 'https://openbesluitvorming.nl',
			ORI_SYNC_INTERVAL_MINUTES: 0
		});
		expect(() => parseEnv({ ORI_API_URL: 'openbesluitvorming.nl' })).toThrow(/ORI_API_URL moet een volledige http\(s\)-URL zijn/);
		expect(() => parseEnv({ ORI_SYNC_INTERVAL_MINUTES: 'elk uur' })).toThrow(/ORI_SYNC_INTERVAL_MINUTES moet een aantal minuten zijn/);
		expect(() => parseEnv({ ORI_SYNC_INTERVAL_MINUTES: '-5' })).toThrow(/mag niet negatief zijn/);
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

	it('refuses a public ORIGIN without SMTP_URL: nobody would get a sign-in code', () => {
		expect(() => parseEnv({ ORIGIN: 'https://laatjehoren.nl' })).toThrow(/Zonder SMTP_URL kan de app geen e-mail versturen/);
		expect(parseEnv({ ORIGIN: 'https://laatjehoren.nl', SMTP_URL: 'smtps://u:p@smtp.example.nl:465' }).ORIGIN).toBe('https://laatjehoren.nl');
		expect(parseEnv({ ORIGIN: 'http://127.0.0.1:4173' }).ORIGIN).toBe('http://127.0.0.1:4173');
		expect(parseEnv({ ORIGIN: 'http://localhost:3000' }).ORIGIN).toBe('http://localhost:3000');
	});

	it('switches the demo data off with DEMO_DATA=false and accepts nothing but true or false', () => {
		expect(parseEnv({ DEMO_DATA: 'false' }).DEMO_DATA).toBe(false);
		expect(parseEnv({ DEMO_DATA: 'true' }).DEMO_DATA).toBe(true);
		expect(() => parseEnv({ DEMO_DATA: 'nee' })).toThrow(/DEMO_DATA moet true of false zijn/);
	});

	it('checks the address adapter-node listens on', () => {
		expect(parseEnv({ HOST: '127.0.0.1' }).HOST).toBe('127.0.0.1');
		expect(parseEnv({ HOST: '::' }).HOST).toBe('::');
		expect(parseEnv({ HOST: 'localhost' }).HOST).toBe('localhost');
		expect(() => parseEnv({ HOST: 'http://localhost' })).toThrow(/HOST moet een adres zijn/);
		expect(() => parseEnv({ HOST: 'localhost:3000' })).toThrow(/HOST moet een adres zijn/);
	});

	it('checks the proxy settings that tell rate limits the real visitor address', () => {
		expect(parseEnv({ ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '2' })).toMatchObject({
			ADDRESS_HEADER: 'X-Forwarded-For',
			XFF_DEPTH: 2
		});
		expect(parseEnv({ ADDRESS_HEADER: 'CF-Connecting-IP' }).ADDRESS_HEADER).toBe('CF-Connecting-IP');
		expect(() => parseEnv({ ADDRESS_HEADER: 'X-Forwarded-For: 1.2.3.4' })).toThrow(/naam van een HTTP-header/);
		expect(() => parseEnv({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '0' })).toThrow(/heel getal van 1 of meer/);
		expect(() => parseEnv({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: 'twee' })).toThrow(/heel getal van 1 of meer/);
		expect(() => parseEnv({ XFF_DEPTH: '1' })).toThrow(/alleen samen met ADDRESS_HEADER=X-Forwarded-For/);
	});

	it('wants POSTGREST_BIN to be a program that exists', () => {
		expect(parseEnv({ POSTGREST_BIN: process.execPath }).POSTGREST_BIN).toBe(process.execPath);
		expect(() => parseEnv({ POSTGREST_BIN: '/nergens/postgrest' })).toThrow(/POSTGREST_BIN moet naar een uitvoerbaar bestand/);
		// A folder, and a file that cannot be run.
		expect(() => parseEnv({ POSTGREST_BIN: tmpdir() })).toThrow(/POSTGREST_BIN/);
		expect(() => parseEnv({ POSTGREST_BIN: fileURLToPath(import.meta.url) })).toThrow(/POSTGREST_BIN/);
	});
});
