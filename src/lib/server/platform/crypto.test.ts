import { describe, expect, it } from 'vitest';
import { fromBytea, hashSecret, randomDigits, randomToken, secretMatches, toBytea } from './crypto';

describe('tokens and codes', () => {
	it('makes 24-character base32 tokens that do not repeat', () => {
		const tokens = new Set(Array.from({ length: 1000 }, randomToken));
		expect(tokens.size).toBe(1000);
		for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{24}$/);
	});

	it('makes 8-digit codes using every digit in every position', () => {
		const codes = Array.from({ length: 2000 }, () => randomDigits(8));
		for (const code of codes) expect(code).toMatch(/^\d{8}$/);
		for (let position = 0; position < 8; position++) {
			expect(new Set(codes.map((code) => code[position])).size).toBe(10);
		}
	});

	it('matches a secret only against its own hash, also after a bytea round trip', () => {
		const stored = fromBytea(toBytea(hashSecret('12345678')));
		expect(secretMatches('12345678', stored)).toBe(true);
		expect(secretMatches('12345679', stored)).toBe(false);
		expect(secretMatches('', stored)).toBe(false);
		expect(toBytea(hashSecret('x'))).toMatch(/^\\x[0-9a-f]{64}$/);
	});
});
