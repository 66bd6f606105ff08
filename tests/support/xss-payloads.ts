// The XSS bench shared by every test that puts user text on a page or in an e-mail (the letter,
// party answers, mails, public pages): a list of hostile Markdown/HTML inputs, and assertInert(),
// which parses HTML with a real parser (htmlparser2, the one sanitize-html uses) and fails on
// anything that could run script, load something, submit somewhere or restyle the page.
// Plain TypeScript without a test framework, so vitest and Playwright tests can both import it.
import { Parser } from 'htmlparser2';

export interface XssPayload {
	name: string;
	markdown: string;
}

const JS = 'alert(1)';

export const XSS_PAYLOADS: readonly XssPayload[] = [
	// Script tags, plain and mangled
	{ name: 'script tag', markdown: `<script>${JS}</script>` },
	{ name: 'script tag with src, upper case', markdown: '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>' },
	{ name: 'script split by a nested script', markdown: `<scr<script>ipt>${JS}</scr</script>ipt>` },
	{ name: 'script hidden in angle brackets', markdown: `<<script>script>${JS}<</script>/script>` },
	{ name: 'script inside svg', markdown: `<svg><script>${JS}</script></svg>` },
	{ name: 'script inside template', markdown: `<template><script>${JS}</script></template>` },
	{ name: 'script in CDATA', markdown: `<![CDATA[<script>${JS}</script>]]>` },
	{ name: 'script in a comment', markdown: `<!--<script>${JS}</script>-->` },

	// Event handlers
	{ name: 'img onerror', markdown: `<img src=x onerror=${JS}>` },
	{ name: 'img onerror, unclosed', markdown: `<img src=x onerror=${JS}//` },
	{ name: 'svg onload', markdown: `<svg onload=${JS}>` },
	{ name: 'body onload', markdown: `<body onload=${JS}>` },
	{ name: 'details ontoggle', markdown: `<details open ontoggle=${JS}>x</details>` },
	{ name: 'input autofocus onfocus', markdown: `<input autofocus onfocus=${JS}>` },
	{ name: 'video source onerror', markdown: `<video><source onerror=${JS}></video>` },
	{ name: 'marquee onstart', markdown: `<marquee onstart=${JS}>x</marquee>` },
	{ name: 'onclick on an allowed tag', markdown: `<p onclick="${JS}">klik</p>` },
	{ name: 'onmouseover on a safe link', markdown: `<a href="https://ok.example" onmouseover="${JS}">x</a>` },
	{ name: 'handler after a newline in the tag', markdown: `<a href="https://ok.example"\nonmouseover="${JS}">x</a>` },
	{ name: 'onclick on a mailto link', markdown: `<a href="mailto:x@example.nl" onclick="${JS}">x</a>` },
	{ name: 'handler on bold span', markdown: `**<span onclick=${JS}>vet</span>**` },
	{ name: 'handler in a list item', markdown: `- lijst <b onmouseover=${JS}>x</b>` },
	{ name: 'markdown inside an HTML block with a handler', markdown: `<div onmouseover="${JS}">\n\n**vet**\n\n</div>` },
	{ name: 'noscript mutation (mXSS)', markdown: `<noscript><p title="</noscript><img src=x onerror=${JS}>">` },
	{ name: 'math/style mutation (mXSS)', markdown: `<math><mtext><table><mglyph><style><img src=x onerror=${JS}>` },

	// javascript: in every Markdown link form
	{ name: 'inline link javascript:', markdown: `[klik](javascript:${JS})` },
	{ name: 'inline link, mixed case', markdown: `[klik](JaVaScRiPt:${JS})` },
	{ name: 'inline link, tab entity inside', markdown: `[klik](jav&#x09;ascript:${JS})` },
	{ name: 'inline link, decimal entity', markdown: `[klik](&#106;avascript:${JS})` },
	{ name: 'inline link, all hex entities', markdown: `[klik](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:${JS})` },
	{ name: 'inline link, &colon; entity', markdown: `[klik](javascript&colon;${JS})` },
	{ name: 'inline link, percent-encoded', markdown: `[klik](java%73cript:${JS})` },
	{ name: 'inline link, percent-encoded first letters', markdown: `[klik](%6A%61vascript:${JS})` },
	{ name: 'inline link, leading spaces and title', markdown: `[klik](   javascript:${JS} "titel")` },
	{ name: 'inline link, angle-bracket destination', markdown: `[klik](<javascript:${JS}>)` },
	{ name: 'autolink javascript:', markdown: `<javascript:${JS}>` },
	{ name: 'autolink, upper case', markdown: `<JAVASCRIPT:${JS}>` },
	{ name: 'reference link javascript:', markdown: `[klik][1]\n\n[1]: javascript:${JS}` },
	{ name: 'reference link, angle brackets and title', markdown: `[klik][x]\n\n[x]: <javascript:${JS}> "titel"` },
	{ name: 'shortcut reference data:', markdown: `[klik]\n\n[klik]: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==` },
	{ name: 'image javascript:', markdown: `![plaatje](javascript:${JS})` },
	{ name: 'reference image javascript:', markdown: `![plaatje][img]\n\n[img]: javascript:${JS}` },
	{ name: 'image as tracking pixel', markdown: '![x](https://evil.example/pixel.png)' },
	{ name: 'link in a heading', markdown: `# [kop](javascript:${JS})` },
	{ name: 'link in a blockquote', markdown: `> [citaat](javascript:${JS})` },
	{ name: 'link in a numbered ask', markdown: `1. [vraag](javascript:${JS})` },
	{ name: 'HTML inside link text', markdown: `[<img src=x onerror=${JS}>](https://ok.example)` },
	{ name: 'quote breaking out of href', markdown: `[x](https://ok.example/"onmouseover="${JS})` },

	// data:, vbscript: and other schemes
	{ name: 'inline link data:', markdown: '[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)' },
	{ name: 'inline link DATA:, mixed case', markdown: `[klik](DaTa:text/html,<script>${JS}</script>)` },
	{ name: 'inline link vbscript:', markdown: '[klik](vbscript:msgbox(1))' },
	{ name: 'autolink vbscript:', markdown: '<vbscript:msgbox(1)>' },
	{ name: 'file: link', markdown: '[klik](file:///etc/passwd)' },
	{ name: 'protocol-relative link', markdown: '[klik](//evil.example/x)' },
	{ name: 'plain http link (only https allowed)', markdown: '[klik](http://onveilig.example)' },

	// Raw HTML links and URL attributes
	{ name: 'raw a href javascript:', markdown: `<a href="javascript:${JS}">x</a>` },
	{ name: 'raw a href, newline entity', markdown: `<a href="jav&#x0A;ascript:${JS}">x</a>` },
	{ name: 'raw a href, &Tab; entity', markdown: `<a href="java&Tab;script:${JS}">x</a>` },
	{ name: 'raw a href, hex entity first letter', markdown: `<a href="&#x6A;avascript:${JS}">x</a>` },
	{ name: 'raw a href, leading spaces', markdown: `<a href="   javascript:${JS}">x</a>` },
	{ name: 'raw a href, control character', markdown: `<a href="\u0001javascript:${JS}">x</a>` },
	{ name: 'raw a href, unquoted &colon;', markdown: `<a href=javascript&colon;${JS}>x</a>` },
	{ name: 'raw a href data:', markdown: `<a href="data:text/html,<script>${JS}</script>">x</a>` },
	{ name: 'svg xlink:href', markdown: `<svg><a xlink:href="javascript:${JS}"><text>x</text></a></svg>` },
	{ name: 'table background', markdown: `<table background="javascript:${JS}"><tr><td>x</td></tr></table>` },
	{ name: 'base href', markdown: '<base href="javascript:/">' },
	{ name: 'meta refresh', markdown: `<meta http-equiv="refresh" content="0;url=javascript:${JS}">` },
	{ name: 'link stylesheet', markdown: '<link rel=stylesheet href=https://evil.example/x.css>' },

	// Frames, objects, forms, styles
	{ name: 'iframe', markdown: '<iframe src="https://evil.example"></iframe>' },
	{ name: 'iframe srcdoc', markdown: `<iframe srcdoc="<script>${JS}</script>"></iframe>` },
	{ name: 'object data', markdown: `<object data="javascript:${JS}"></object>` },
	{ name: 'embed src', markdown: `<embed src="javascript:${JS}">` },
	{ name: 'form action', markdown: '<form action="https://evil.example"><input name=x><button>Verstuur</button></form>' },
	{ name: 'button formaction', markdown: `<button formaction="javascript:${JS}">x</button>` },
	{ name: 'isindex action', markdown: `<isindex action=javascript:${JS} type=image>` },
	{ name: 'style element', markdown: '<style>body{display:none}</style>' },
	{ name: 'style attribute covering the page', markdown: '<a href="https://ok.example" style="position:fixed;inset:0">x</a>' },
	{ name: 'style attribute with url()', markdown: `<p style="background:url(javascript:${JS})">x</p>` },
	{ name: 'class and id attributes', markdown: '<p class="button" id="inhoud">x</p>' }
];

/** Tags that a sanitised user fragment (renderMarkdown) may contain, and their attributes. */
const FRAGMENT_TAGS = new Set(['p', 'br', 'strong', 'em', 'del', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote', 'a', 'hr', 'code', 'pre']);
const FRAGMENT_ATTRIBUTES = new Set(['href', 'rel', 'start']);

/** Never acceptable, whatever the context (a fragment, an e-mail, a page part). */
const DANGEROUS_TAGS = new Set([
	'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'textarea',
	'select', 'option', 'isindex', 'img', 'image', 'picture', 'svg', 'math', 'video', 'audio', 'source', 'track',
	'link', 'meta', 'base', 'template', 'portal', 'noscript', 'param', 'xmp', 'plaintext', 'listing', 'noembed',
	'noframes', 'marquee', 'details', 'dialog'
]);
const URL_ATTRIBUTES = new Set([
	'href', 'src', 'action', 'formaction', 'xlink:href', 'background', 'poster', 'data', 'srcset', 'lowsrc',
	'dynsrc', 'ping', 'cite', 'codebase', 'longdesc', 'manifest', 'icon', 'usemap'
]);
const SAFE_URL = /^(?:https:\/\/[^\s]|mailto:[^\s])/i;
const UNSAFE_CSS = /url\s*\(|expression\s*\(|javascript:|@import|behavior\s*:|-moz-binding/i;

export interface InertOptions {
	/** For whole e-mails and page parts built by the app: allow any harmless tag and attribute, and
	 * style attributes and <style> elements without url(), expression() or imports. The default
	 * is the strict check for a sanitised user fragment (only renderMarkdown's tags). */
	document?: boolean;
	/** Extra tags to allow in document mode (e.g. 'img' for an e-mail logo with an https: src). */
	allowTags?: string[];
}

/** Everything in the HTML that could run script, load or submit something, or restyle the page. */
export function inertProblems(html: string, options: InertOptions = {}): string[] {
	const problems: string[] = [];
	const allowTags = new Set((options.allowTags ?? []).map((tag) => tag.toLowerCase()));
	const openTags: string[] = [];

	if (/<\s*script/i.test(html)) problems.push('contains "<script"');
	// A second opinion that does not depend on the parser: no handler-looking attribute in any tag.
	for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
		if (/[\s/"']on[a-z]+\s*=/i.test(tag)) problems.push(`event handler in tag ${tag}`);
	}

	const parser = new Parser(
		{
			onopentag(name, attributes) {
				openTags.push(name);
				const allowed = options.document
					? !DANGEROUS_TAGS.has(name) || allowTags.has(name)
					: FRAGMENT_TAGS.has(name);
				if (!allowed) problems.push(`tag <${name}>`);
				if (name === 'style' && !options.document) problems.push('tag <style>');
				for (const [attribute, value] of Object.entries(attributes)) {
					const lower = attribute.toLowerCase();
					if (/^on/.test(lower)) problems.push(`event handler ${attribute} on <${name}>`);
					else if (URL_ATTRIBUTES.has(lower) && !SAFE_URL.test(value)) {
						problems.push(`${attribute}="${value}" on <${name}> is not an https: or mailto: address`);
					} else if (lower === 'style') {
						if (!options.document) problems.push(`style attribute on <${name}>`);
						else if (UNSAFE_CSS.test(value)) problems.push(`unsafe style "${value}" on <${name}>`);
					} else if (['srcdoc', 'formaction', 'http-equiv'].includes(lower)) {
						problems.push(`attribute ${attribute} on <${name}>`);
					} else if (!options.document && !FRAGMENT_ATTRIBUTES.has(lower)) {
						problems.push(`attribute ${attribute} on <${name}>`);
					}
				}
				if (name === 'a' && 'href' in attributes && !/(^|\s)noopener(\s|$)/.test(attributes.rel ?? '') && !options.document) {
					problems.push(`link without rel="noopener": ${attributes.href}`);
				}
			},
			ontext(text) {
				if (openTags.at(-1) === 'style' && UNSAFE_CSS.test(text)) problems.push(`unsafe <style> content "${text}"`);
			},
			onclosetag() {
				openTags.pop();
			},
			onprocessinginstruction(name) {
				problems.push(`processing instruction or doctype ${name}`);
			}
		},
		{ decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
	);
	parser.write(html);
	parser.end();
	// A doctype is fine at the top of a whole e-mail.
	return options.document ? problems.filter((p) => !p.startsWith('processing instruction or doctype !doctype')) : problems;
}

/** Throws, listing what is wrong, unless the HTML is inert (see inertProblems). */
export function assertInert(html: string, options: InertOptions = {}): void {
	const problems = inertProblems(html, options);
	if (problems.length > 0) {
		throw new Error(`HTML is not inert:\n- ${problems.join('\n- ')}\nin: ${html.slice(0, 2000)}`);
	}
}
