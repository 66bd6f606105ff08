// Markdown from users (letters, party answers) becomes HTML only through here: marked renders,
// then sanitize-html keeps a strict allowlist (raw HTML, scripts, images and event handlers are
// dropped; a link keeps its href only when it is an absolute https: or mailto: address). Sanitise
// on save and store the clean HTML; pages and e-mails use only that. The Markdown itself serves
// as the plain-text version. The XSS bench in markdown.test.ts (xss-payloads.ts) proves it.
import { Marked, type Token, type TokensList } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, async: false });

// Checked on the value as the HTML parser decoded it (entities resolved), so "jav&#x09;ascript:"
// and friends never match. Relative links mean nothing in an e-mail, so they go too.
const SAFE_HREF = /^(?:https:\/\/[^\s]|mailto:[^\s])/i;

const NO_ATTRIBUTES = {} as sanitizeHtml.Attributes;

const ALLOWED: sanitizeHtml.IOptions = {
	allowedTags: ['p', 'br', 'strong', 'em', 'del', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote', 'a', 'hr', 'code', 'pre'],
	allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
	allowedSchemes: ['https', 'mailto'],
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
	transformTags: {
		// A letter's own headings sit below the page's h1; the deepest levels collapse into h4.
		h1: 'h2',
		h5: 'h4',
		h6: 'h4',
		b: 'strong',
		i: 'em',
		s: 'del',
		a: (tagName, attribs): sanitizeHtml.Tag => ({
			tagName,
			attribs:
				attribs.href && SAFE_HREF.test(attribs.href)
					? { href: attribs.href, rel: 'nofollow noopener noreferrer' }
					: NO_ATTRIBUTES
		}),
		// Numbered asks are referred to by number, so only a plain number may move the start.
		ol: (tagName, attribs): sanitizeHtml.Tag => ({
			tagName,
			attribs: attribs.start && /^\d{1,4}$/.test(attribs.start) ? { start: attribs.start } : NO_ATTRIBUTES
		})
	}
};

export function renderMarkdown(markdown: string): string {
	return sanitizeHtml(marked.parse(markdown) as string, ALLOWED);
}

/** The top-level blocks of a text as this renderer reads them (to render them one by one). */
export function lexMarkdown(markdown: string): TokensList {
	return marked.lexer(markdown);
}

/** Some of lexMarkdown's tokens as HTML, sanitised exactly as renderMarkdown does. */
export function renderTokens(tokens: Token[]): string {
	return sanitizeHtml(marked.parser(tokens) as string, ALLOWED);
}
