// Names people choose for themselves end up in mail to others (invitations, notices): they must
// never read as a link or an instruction there. Names with a link, web or e-mail address in them
// are refused when typed (nameSchema); mailName() neutralises whatever is stored already.
import { z } from 'zod';

// "http://…", "www.…", "a@b", and "iets.nl" (a lower-case word, a dot, a lower-case ending):
// anything a mail client would turn into a link. "Dr.Jansen" or "A.M. de Vries" are names.
const SCHEME_OR_MAIL = /[a-z][a-z0-9+.-]*:\/\/|www\.|@/i;
const DOMAIN = /(?:^|[^\p{L}0-9-])[\p{Ll}0-9-]{2,}\.[a-z]{2,24}(?:$|[^\p{L}0-9])/u;

export function looksLikeLink(value: string): boolean {
	return SCHEME_OR_MAIL.test(value) || DOMAIN.test(value);
}

/** A person's name as typed in a form: 2–200 characters, no link, web or e-mail address. */
export function nameSchema(messages: { required: string; tooLong: string }) {
	return z
		.string()
		.trim()
		.min(2, messages.required)
		.max(200, messages.tooLong)
		.refine((name) => !looksLikeLink(name), 'Een naam mag geen link, webadres of e-mailadres bevatten.');
}

/** A stored name as it may appear in mail to others: link-like parts removed, one line, short. */
export function mailName(name: string | null | undefined, fallback: string): string {
	const words = (name ?? '')
		.replace(/[\r\n\t]+/g, ' ')
		.split(/\s+/)
		.filter((word) => word && !looksLikeLink(word));
	const clean = words.join(' ').replace(/[<>"`]/g, '').slice(0, 80).trim();
	return clean.length >= 2 ? clean : fallback;
}
