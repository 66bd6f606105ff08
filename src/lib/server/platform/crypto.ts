// Random tokens, one-time codes and their hashes. Only hashes are stored; compare in constant time.
import { sha256 } from '@oslojs/crypto/sha2';
import { generateRandomString, type RandomReader } from '@oslojs/crypto/random';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeHex, encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

const random: RandomReader = {
	read(bytes) {
		crypto.getRandomValues(bytes as Uint8Array<ArrayBuffer>);
	}
};

/** 120 bits of randomness as 24 lower-case base32 characters. */
export function randomToken(): string {
	const bytes = new Uint8Array(15);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** A uniformly random code of `length` digits (leading zeros allowed). */
export function randomDigits(length: number): string {
	return generateRandomString(random, '0123456789', length);
}

export function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
	return constantTimeEqual(hashSecret(secret), storedHash);
}

/** bytea as PostgREST writes it in JSON ("\x…") and back. */
export function toBytea(bytes: Uint8Array): string {
	return `\\x${encodeHexLowerCase(bytes)}`;
}

export function fromBytea(value: string): Uint8Array {
	return decodeHex(value.replace(/^\\x/, ''));
}
