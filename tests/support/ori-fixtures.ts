// Test support: the ORI export fixtures in tests/fixtures/ori/, made private to one test. Every
// test registers a source of its own (council_sources) and creates parties with names of its
// own, so the fixture lines are rewritten on the way out: their source_key, and each party name
// wherever the feed carries one (fractie of a member vote, submitters, the vote summary).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { db } from '$lib/server/platform/db';

export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/ori/', import.meta.url));

export interface Rewrite {
	sourceKey?: string;
	/** Fixture party name → the name used in this test. */
	parties?: Record<string, string>;
}

export function tag(): string {
	return randomUUID().slice(0, 8);
}

export function fixtureText(name: string): string {
	return readFileSync(join(FIXTURE_DIR, name), 'utf8');
}

/** The lines of a fixture file (without the final empty one), rewritten for one test. */
export function fixtureLines(name: string, rewrite: Rewrite = {}): string[] {
	return fixtureText(name)
		.split('\n')
		.filter((line, index, all) => !(line === '' && index === all.length - 1))
		.map((line) => rewriteLine(line, rewrite));
}

/** A byte stream of the given text, cut into small pieces as a network would deliver it. */
export async function* bytesOf(text: string, pieceSize = 97): AsyncGenerator<Uint8Array> {
	const bytes = new TextEncoder().encode(text);
	for (let i = 0; i < bytes.length; i += pieceSize) yield bytes.subarray(i, i + pieceSize);
}

export function rewriteLine(line: string, rewrite: Rewrite): string {
	let record: Record<string, unknown>;
	try {
		record = JSON.parse(line);
	} catch {
		return line; // a malformed fixture line stays malformed
	}
	if (rewrite.sourceKey) record.source_key = rewrite.sourceKey;
	const payload = record.payload as Record<string, unknown> | undefined;
	if (payload && rewrite.parties) renameParties(payload, rewrite.parties);
	return JSON.stringify(record);
}

function renameParties(payload: Record<string, unknown>, parties: Record<string, string>): void {
	const rename = (name: string) => parties[name] ?? name;
	const inText = (text: string) =>
		Object.keys(parties)
			.sort((a, b) => b.length - a.length)
			.reduce((result, name) => result.replace(new RegExp(`(?<![\\p{L}\\d])${escape(name)}(?![\\p{L}\\d])`, 'gu'), parties[name]), text);
	if (Array.isArray(payload.parties)) payload.parties = payload.parties.map((name: string) => rename(name));
	for (const key of ['proposers', 'co_proposers']) {
		if (Array.isArray(payload[key])) {
			payload[key] = (payload[key] as string[]).map((p) => p.replace(/\(([^()]*)\)$/, (_, party: string) => `(${rename(party)})`));
		}
	}
	if (Array.isArray(payload.votes)) {
		for (const vote of payload.votes as Array<Record<string, unknown>>) {
			if (typeof vote.group_name === 'string') vote.group_name = rename(vote.group_name);
		}
	}
	if (typeof payload.vote_summary === 'string') payload.vote_summary = inText(payload.vote_summary);
}

function escape(value: string): string {
	return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A source of this test's own for an existing gemeente (e.g. alkmaar-1a2b3c4d for GM0361). */
export async function makeSource(prefix: string, gemeenteCode: string, supplier = 'notubiz'): Promise<string> {
	const sourceKey = `${prefix}-${tag()}`;
	const { error } = await db().from('council_sources').insert({ source_key: sourceKey, gemeente_code: gemeenteCode, supplier });
	if (error) throw new Error(`makeSource: ${error.message}`);
	return sourceKey;
}

/** Parties with this test's own names: {fixture name: {id, name}}; abbreviations optional. */
export async function makeParties(
	gemeenteCode: string,
	names: Array<string | { name: string; abbreviation: string }>,
	suffix: string
): Promise<Record<string, { id: string; name: string }>> {
	const rows = names.map((entry) =>
		typeof entry === 'string'
			? { fixture: entry, gemeente_code: gemeenteCode, name: `${entry} ${suffix}`, abbreviation: null }
			: { fixture: entry.name, gemeente_code: gemeenteCode, name: `${entry.name} ${suffix}`, abbreviation: `${entry.abbreviation} ${suffix}` }
	);
	const { data, error } = await db()
		.from('parties')
		.insert(rows.map(({ fixture: _, ...row }) => row))
		.select('id, name');
	if (error) throw new Error(`makeParties: ${error.message}`);
	const byName = new Map((data as Array<{ id: string; name: string }>).map((row) => [row.name, row.id]));
	return Object.fromEntries(rows.map((row) => [row.fixture, { id: byName.get(row.name)!, name: row.name }]));
}

/** The rename map for rewriteLine: fixture name → this test's name. */
export function renames(parties: Record<string, { name: string }>, extra: Record<string, string> = {}): Record<string, string> {
	return { ...Object.fromEntries(Object.entries(parties).map(([fixture, party]) => [fixture, party.name])), ...extra };
}
