// The letter's Markdown → HTML step: every hostile input comes out inert, and what a huisarts
// writes on purpose (bold, lists, numbered asks, links) survives.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';
import { assertInert, inertProblems, XSS_PAYLOADS } from '$test/xss-payloads';

describe('XSS bench', () => {
	it('has a broad set of payloads', () => {
		expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(40);
		expect(new Set(XSS_PAYLOADS.map((p) => p.name)).size).toBe(XSS_PAYLOADS.length);
	});

	it.each(XSS_PAYLOADS)('$name comes out inert', ({ markdown }) => {
		const html = renderMarkdown(markdown);
		assertInert(html);
		expect(html).not.toMatch(/<\s*script/i);
		expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
		expect(html).not.toMatch(/<\s*(iframe|object|embed|style|form|img|svg|math|input|button|base|meta|link)\b/i);
		for (const [, url] of html.matchAll(/\s(?:href|src)\s*=\s*"([^"]*)"/gi)) {
			expect(url).toMatch(/^(https:\/\/|mailto:)/i);
		}
	});

	it('also holds when all payloads are in one letter', () => {
		assertInert(renderMarkdown(XSS_PAYLOADS.map((p) => p.markdown).join('\n\n')));
	});

	it('the checker itself catches what it must (so a passing bench means something)', () => {
		expect(inertProblems('<p onclick="x">a</p>')).not.toEqual([]);
		expect(inertProblems('<a href="javascript:alert(1)" rel="noopener">a</a>')).not.toEqual([]);
		expect(inertProblems('<a href="jav&#x09;ascript:alert(1)" rel="noopener">a</a>')).not.toEqual([]);
		expect(inertProblems('<a href="/relatief" rel="noopener">a</a>')).not.toEqual([]);
		expect(inertProblems('<img src="https://ok.example/x.png">')).not.toEqual([]);
		expect(inertProblems('<p style="color:red">a</p>')).not.toEqual([]);
		expect(inertProblems('<SCRIPT>x</SCRIPT>')).not.toEqual([]);
		expect(inertProblems('<svg><a xlink:href="https://ok.example">a</a></svg>')).not.toEqual([]);
		expect(inertProblems('<p>Tekst met &lt;script&gt; en onclick=x als gewone tekst</p>')).toEqual([]);
		// Document mode, for whole e-mails: layout styles are fine, scripts and handlers still not.
		expect(inertProblems('<!doctype html><table style="width:100%"><tr><td>x</td></tr></table>', { document: true })).toEqual([]);
		expect(inertProblems('<div style="background:url(https://evil.example)">x</div>', { document: true })).not.toEqual([]);
		expect(inertProblems('<div onclick="x">x</div>', { document: true })).not.toEqual([]);
		expect(inertProblems('<img src="https://ok.example/logo.png" alt="">', { document: true })).not.toEqual([]);
		expect(inertProblems('<img src="https://ok.example/logo.png" alt="">', { document: true, allowTags: ['img'] })).toEqual([]);
	});
});

describe('legitimate Markdown survives', () => {
	it('keeps bold, italic, headings and bullet lists', () => {
		const html = renderMarkdown('# Titel\n\n## Kop\n\nWij zien **vet** en *cursief* en ~~oud~~.\n\n- een\n- twee\n\n> citaat');
		expect(html).toContain('<h2>Titel</h2>');
		expect(html).toContain('<h2>Kop</h2>');
		expect(html).toContain('<strong>vet</strong>');
		expect(html).toContain('<em>cursief</em>');
		expect(html).toContain('<del>oud</del>');
		expect(html).toMatch(/<ul>\s*<li>een<\/li>\s*<li>twee<\/li>\s*<\/ul>/);
		expect(html).toMatch(/<blockquote>\s*<p>citaat<\/p>\s*<\/blockquote>/);
		assertInert(html);
	});

	it('keeps numbered lists with their numbers', () => {
		const html = renderMarkdown('## Onze vragen\n\n1. Eerste vraag\n2. Tweede vraag\n\nTussentekst\n\n3. Derde vraag');
		expect(html).toMatch(/<ol>\s*<li>Eerste vraag<\/li>\s*<li>Tweede vraag<\/li>\s*<\/ol>/);
		expect(html).toContain('<ol start="3">');
		expect(renderMarkdown('<ol start="2 onclick=x"><li>x</li></ol>')).toContain('<ol>');
	});

	it('keeps https links with rel nofollow and mailto links', () => {
		const html = renderMarkdown(
			'Zie [het programma](https://partij.example/programma "Programma") en <https://gemeente.example>, mail [ons](mailto:brief@huisartsen.example).'
		);
		expect(html).toContain('<a href="https://partij.example/programma" rel="nofollow noopener noreferrer">het programma</a>');
		expect(html).toContain('<a href="https://gemeente.example" rel="nofollow noopener noreferrer">https://gemeente.example</a>');
		expect(html).toContain('<a href="mailto:brief@huisartsen.example" rel="nofollow noopener noreferrer">ons</a>');
		assertInert(html);
	});

	it('keeps the words of a dropped link or tag, escaped', () => {
		expect(renderMarkdown('[klik hier](javascript:alert(1))')).toBe('<p><a>klik hier</a></p>\n');
		expect(renderMarkdown('Wij vinden 3 < 5 & "zorg" belangrijk')).toBe('<p>Wij vinden 3 &lt; 5 &amp; "zorg" belangrijk</p>\n');
		expect(renderMarkdown('`<script>`')).toBe('<p><code>&lt;script&gt;</code></p>\n');
	});
});
