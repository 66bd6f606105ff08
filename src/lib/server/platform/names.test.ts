// Names in mail to others never read as a link or an instruction.
import { describe, expect, it } from 'vitest';
import { looksLikeLink, mailName, nameSchema } from './names';

describe('names people choose', () => {
	const schema = nameSchema({ required: 'Vul je naam in.', tooLong: 'Te lang.' });

	it('are refused when they carry a link, web or e-mail address', () => {
		for (const name of ['Dr. Jan https://evil.example', 'Kijk op www.evil.nl', 'Anna (anna@evil.example)', 'Klik evil-site.com/login']) {
			expect(schema.safeParse(name).error?.issues[0].message, name).toBe('Een naam mag geen link, webadres of e-mailadres bevatten.');
		}
	});

	it('accept real names, with titles, initials, prefixes and accents', () => {
		for (const name of ['Anna de Vries', 'dr. A.M. Jansen-de Vries', 'Fatima El Amrani', 'Łukasz Wójcik', "J. van 't Hart", 'Yıldız Şahin']) {
			expect(schema.safeParse(name).success, name).toBe(true);
			expect(looksLikeLink(name), name).toBe(false);
		}
	});

	it('lose their link-like parts in mail, and fall back when nothing is left', () => {
		expect(mailName('Dr. Jan https://evil.example/inloggen', 'Een collega')).toBe('Dr. Jan');
		expect(mailName('www.evil.nl', 'Een collega')).toBe('Een collega');
		expect(mailName('Anna\nKlik hier: evil.example', 'Een collega')).toBe('Anna Klik hier:');
		expect(mailName(null, 'Een collega')).toBe('Een collega');
		expect(mailName('<b>Anna</b> de Vries', 'Een collega')).toBe('bAnna/b de Vries');
	});
});
