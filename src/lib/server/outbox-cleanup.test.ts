// Stored mail loses its private links an hour after sending, and nothing else.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from './test-db';
import { scrubSentMail } from './outbox-cleanup';

let service: ReturnType<typeof connectTestDatabase>['service'];
beforeAll(() => {
	service = connectTestDatabase().service;
});

describe('scrubbing sent mail', () => {
	it('cuts answer and invitation links from mail sent over an hour ago, and keeps the rest', async () => {
		const tag = Date.now();
		const answer = `https://laatjehoren.nl/reageer/abcdefghijklmnopqrstuvwx`;
		const invite = `https://laatjehoren.nl/uitnodiging/234567abcdefghijklmnopqr`;
		const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
		const { error } = await service.from('outbox').insert([
			{ to_address: `oud-${tag}@example.nl`, subject: 'Brief', text_body: `Antwoord via ${answer}`, html_body: `<a href="${answer}">${answer}</a>`, status: 'sent', sent_at: hoursAgo(2) },
			{ to_address: `uitnodiging-${tag}@example.nl`, subject: 'Uitnodiging', text_body: `Teken via ${invite}`, status: 'sent', sent_at: hoursAgo(3) },
			{ to_address: `vers-${tag}@example.nl`, subject: 'Brief', text_body: `Antwoord via ${answer}`, status: 'sent', sent_at: hoursAgo(0.1) },
			{ to_address: `wacht-${tag}@example.nl`, subject: 'Brief', text_body: `Antwoord via ${answer}`, status: 'queued' }
		]);
		expect(error).toBeNull();

		expect(await scrubSentMail()).toBeGreaterThanOrEqual(2);
		const rows = await service.from('outbox').select('to_address, text_body, html_body').like('to_address', `%-${tag}@example.nl`);
		const body = Object.fromEntries(rows.data!.map((r) => [r.to_address.split('-')[0], r]));
		expect(body.oud.text_body).toBe('Antwoord via https://laatjehoren.nl/reageer/[verwijderd]');
		expect(body.oud.html_body).not.toContain('abcdefghijklmnopqrstuvwx');
		expect(body.uitnodiging.text_body).toBe('Teken via https://laatjehoren.nl/uitnodiging/[verwijderd]');
		// Just sent, or still waiting in the queue: the recipient still needs the link.
		expect(body.vers.text_body).toContain(answer);
		expect(body.wacht.text_body).toContain(answer);
	});
});
