// The development mailbox (/dev/mail) shows sign-in codes: who may read it, decided by
// devMailboxAllows in mail.ts, without a database.
import { describe, expect, it } from 'vitest';
import { devMailboxAllows, usesDevMailbox, type MailSettings } from './mail';

const local: MailSettings = { smtpUrl: undefined, origin: 'http://localhost:3000' };

function visit(clientAddress: string, headers: Record<string, string> = {}) {
	const request = new Request('http://localhost:3000/dev/mail', { headers: { host: 'localhost:3000', ...headers } });
	return { request, getClientAddress: () => clientAddress };
}

describe('the development mailbox', () => {
	it('is gone as soon as an SMTP server is configured', () => {
		const settings = { ...local, smtpUrl: 'smtp://mail.example.nl:587' };
		expect(usesDevMailbox(settings)).toBe(false);
		expect(devMailboxAllows(visit('127.0.0.1'), settings)).toBe(false);
	});

	it('is gone when the app is published at a public address', () => {
		const settings = { ...local, origin: 'https://laatjehoren.nl' };
		expect(usesDevMailbox(settings)).toBe(false);
		// What a reverse proxy on the same host looks like to adapter-node without ADDRESS_HEADER.
		expect(devMailboxAllows(visit('127.0.0.1', { host: 'laatjehoren.nl' }), settings)).toBe(false);
		expect(usesDevMailbox({ ...local, origin: 'http://127.evil.example' })).toBe(false);
	});

	it('opens for this machine when the app runs at a loopback address', () => {
		expect(devMailboxAllows(visit('127.0.0.1'), local)).toBe(true);
		expect(devMailboxAllows(visit('::1'), local)).toBe(true);
		expect(devMailboxAllows(visit('::ffff:127.0.0.1'), local)).toBe(true);
		// As the browser journeys run it: ORIGIN=http://127.0.0.1:<port>.
		const e2e = { smtpUrl: undefined, origin: 'http://127.0.0.1:41234' };
		expect(devMailboxAllows(visit('127.0.0.1', { host: '127.0.0.1:41234' }), e2e)).toBe(true);
		expect(usesDevMailbox({ smtpUrl: undefined, origin: 'http://[::1]:3000' })).toBe(true);
	});

	it('stays closed to other computers', () => {
		expect(devMailboxAllows(visit('192.168.1.20'), local)).toBe(false);
		expect(devMailboxAllows(visit('::ffff:10.0.0.7'), local)).toBe(false);
		expect(devMailboxAllows(visit('127.0.0.1.example.nl'), local)).toBe(false);
	});

	it('refuses requests that came through a proxy, whatever address they seem to come from', () => {
		expect(devMailboxAllows(visit('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }), local)).toBe(false);
		expect(devMailboxAllows(visit('127.0.0.1', { forwarded: 'for=203.0.113.9' }), local)).toBe(false);
		expect(devMailboxAllows(visit('127.0.0.1', { 'x-real-ip': '203.0.113.9' }), local)).toBe(false);
	});

	it('refuses a page that points its own name at 127.0.0.1 (DNS rebinding)', () => {
		expect(devMailboxAllows(visit('127.0.0.1', { host: 'evil.example:3000' }), local)).toBe(false);
	});
});
