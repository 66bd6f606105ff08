// Markdown from users (letters, party answers) becomes HTML only through here: marked renders,
// then sanitize-html keeps a strict allowlist (raw HTML, scripts and event handlers are dropped;
// links only to https: and mailto:). Sanitise on save and store the clean HTML; pages and
// e-mails use only that. The Markdown itself serves as the plain-text version.
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, async: false });

const ALLOWED: sanitizeHtml.IOptions = {
	allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote', 'a', 'hr', 'code'],
	allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
	allowedSchemes: ['https', 'mailto'],
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
	transformTags: {
		// A letter's own headings sit below the page's h1.
		h1: 'h2',
		a: (tagName, attribs): sanitizeHtml.Tag => ({
			tagName,
			attribs: attribs.href ? { href: attribs.href, rel: 'nofollow noopener noreferrer' } : ({} as sanitizeHtml.Attributes)
		})
	}
};

export function renderMarkdown(markdown: string): string {
	return sanitizeHtml(marked.parse(markdown) as string, ALLOWED);
}
