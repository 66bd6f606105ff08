// Gemeente lookups. The 342 gemeenten are reference data: loaded once per process, then searched
// and looked up in memory. One gemeente's public page (with its kringen and parties) comes from a
// single embedded PostgREST query. Search ranks: exact > starts with > word start > province > contains.
import {
	EVERYDAY_NAMES,
	PROVINCE_ALIASES,
	SEARCH_ALIASES,
	displayGemeenteName,
	normalizeName,
	slugifyName
} from '$lib/gemeente-name';
import { z } from 'zod';
import { db } from '../platform/db';

export interface Gemeente {
	code: string;
	/** The CBS name, as CBS writes it: "'s-Gravenhage", "Bergen (NH.)". */
	name: string;
	/** The CBS name with the everyday name added where one exists: "'s-Gravenhage (Den Haag)". */
	displayName: string;
	province: string;
	slug: string;
}

export type KringKind = 'lhv_afdeling' | 'rho' | 'hagro' | 'kring';

export interface KringSummary {
	slug: string;
	name: string;
	kind: KringKind;
}

export interface PartySummary {
	name: string;
	abbreviation: string | null;
}

export interface GemeentePage extends Gemeente {
	kringen: KringSummary[];
	parties: PartySummary[];
}

interface GemeenteRow {
	code: string;
	name: string;
	province: string;
	slug: string;
}

interface GemeentePageRow extends GemeenteRow {
	kringen: KringSummary[] | null;
	parties: PartySummary[] | null;
}

export function toGemeente(row: GemeenteRow): Gemeente {
	return {
		code: row.code,
		name: row.name,
		displayName: displayGemeenteName(row.code, row.name),
		province: row.province,
		slug: row.slug
	};
}

/** What someone typed into the gemeente finder (?q= on / and /gemeenten.json). */
export const searchQuerySchema = z
	.string()
	.trim()
	.max(100, 'Typ hoogstens 100 tekens: de langste gemeentenaam is korter.');

// --- Matching (pure, so it can be tested with a small list) ---------------------------------

const Rank = { Exact: 0, StartsWith: 1, WordStart: 2, Province: 3, Contains: 4 } as const;
type Rank = (typeof Rank)[keyof typeof Rank];

/** Queries shorter than this match only at the start of a name or word. */
const MIN_LOOSE_QUERY = 3;

interface Form {
	spaced: string;
	compact: string;
}

interface Entry {
	gemeente: Gemeente;
	names: Form[];
	provinces: Form[];
	codeDigits: string;
}

function form(value: string): Form {
	const spaced = normalizeName(value);
	return { spaced, compact: spaced.replace(/ /g, '') };
}

/** Every name a gemeente may be typed as: CBS name, without "(NH.)", without "'s-", everyday names. */
function namesOf(gemeente: Gemeente): string[] {
	const base = gemeente.name.replace(/\s*\([^)]*\)\s*$/, '');
	const withoutArticle = base.replace(/^'[st][- ]/i, '');
	return [
		gemeente.name,
		base,
		withoutArticle,
		...(EVERYDAY_NAMES[gemeente.code] ?? []),
		...(SEARCH_ALIASES[gemeente.code] ?? [])
	];
}

function toEntry(gemeente: Gemeente): Entry {
	return {
		gemeente,
		names: [...new Set(namesOf(gemeente))].map(form),
		provinces: [gemeente.province, ...(PROVINCE_ALIASES[gemeente.province] ?? [])].map(form),
		codeDigits: gemeente.code.slice(2)
	};
}

function rankName(query: Form, name: Form): Rank | null {
	if (name.spaced === query.spaced || name.compact === query.compact) return Rank.Exact;
	if (name.spaced.startsWith(query.spaced)) return Rank.StartsWith;
	// Ignoring spaces is a weaker match: "bergen" finds Bergen op Zoom before Berg en Dal.
	if (` ${name.spaced}`.includes(` ${query.spaced}`) || name.compact.startsWith(query.compact)) {
		return Rank.WordStart;
	}
	if (query.compact.length >= MIN_LOOSE_QUERY && name.compact.includes(query.compact)) {
		return Rank.Contains;
	}
	return null;
}

function rankProvince(query: Form, province: Form): Rank | null {
	if (query.compact.length < MIN_LOOSE_QUERY) return null;
	const matches =
		province.compact.startsWith(query.compact) || ` ${province.spaced}`.includes(` ${query.spaced}`);
	return matches ? Rank.Province : null;
}

/** "GM0363", "gm0363", "0363" and "363" all mean Amsterdam. */
function matchesCode(query: Form, codeDigits: string): boolean {
	const digits = query.compact.replace(/^gm/, '');
	return /^[0-9]{1,4}$/.test(digits) && digits.padStart(4, '0') === codeDigits;
}

function rankEntry(query: Form, entry: Entry): Rank | null {
	if (matchesCode(query, entry.codeDigits)) return Rank.Exact;
	let best: Rank | null = null;
	for (const candidate of [
		...entry.names.map((name) => rankName(query, name)),
		...entry.provinces.map((province) => rankProvince(query, province))
	]) {
		if (candidate !== null && (best === null || candidate < best)) best = candidate;
	}
	return best;
}

const collator = new Intl.Collator('nl', { sensitivity: 'base' });

export interface GemeenteIndex {
	all: Gemeente[];
	/** Matches, best first (then alphabetical); an empty query matches nothing. */
	search(query: string, limit?: number): Gemeente[];
	/** By CBS code in any case ("GM0363", "gm0363"), slug ("amsterdam") or everyday name slug ("den-haag"). */
	find(codeOrSlug: string): Gemeente | null;
}

export function createGemeenteIndex(list: Gemeente[]): GemeenteIndex {
	const entries = list.map(toEntry);
	const byKey = new Map<string, Gemeente>();
	for (const gemeente of list) {
		for (const alias of EVERYDAY_NAMES[gemeente.code] ?? []) byKey.set(slugifyName(alias), gemeente);
	}
	for (const gemeente of list) {
		byKey.set(gemeente.slug, gemeente);
		byKey.set(gemeente.code.toLowerCase(), gemeente);
	}

	return {
		all: list,
		search(query, limit = Infinity) {
			const normalized = form(query);
			if (!normalized.compact) return [];
			return entries
				.map((entry) => ({ entry, rank: rankEntry(normalized, entry) }))
				.filter((hit): hit is { entry: Entry; rank: Rank } => hit.rank !== null)
				.sort(
					(a, b) => a.rank - b.rank || collator.compare(a.entry.gemeente.name, b.entry.gemeente.name)
				)
				.slice(0, limit)
				.map((hit) => hit.entry.gemeente);
		},
		find(codeOrSlug) {
			return byKey.get(codeOrSlug.trim().toLowerCase()) ?? null;
		}
	};
}

// --- Database ---------------------------------------------------------------------------------

let loaded: Promise<GemeenteIndex> | null = null;

async function loadIndex(): Promise<GemeenteIndex> {
	const { data, error } = await db()
		.from('gemeenten')
		.select('code,name,province,slug')
		.order('code');
	if (error) throw new Error(`Gemeenten laden mislukt: ${error.message}`);
	return createGemeenteIndex((data as GemeenteRow[]).map(toGemeente));
}

/** Loaded once per process; a failed load is retried on the next call. */
function gemeenteIndex(): Promise<GemeenteIndex> {
	loaded ??= loadIndex().catch((error: unknown) => {
		loaded = null;
		throw error;
	});
	return loaded;
}

/** All 342 gemeenten, ordered by CBS code. */
export async function listGemeenten(): Promise<Gemeente[]> {
	return (await gemeenteIndex()).all;
}

export async function searchGemeenten(query: string, limit?: number): Promise<Gemeente[]> {
	return (await gemeenteIndex()).search(query, limit);
}

export async function findGemeente(codeOrSlug: string): Promise<Gemeente | null> {
	return (await gemeenteIndex()).find(codeOrSlug);
}

/** One gemeente with its kringen and parties, in one query; null when the code is unknown. */
export async function gemeentePage(code: string): Promise<GemeentePage | null> {
	const { data, error } = await db()
		.from('gemeenten')
		.select('code,name,province,slug,kringen(slug,name,kind),parties(name,abbreviation)')
		.eq('code', code)
		.maybeSingle();
	if (error) throw new Error(`Gemeente ${code} laden mislukt: ${error.message}`);
	const row = data as GemeentePageRow | null;
	if (!row) return null;
	return {
		...toGemeente(row),
		kringen: (row.kringen ?? [])
			.map(({ slug, name, kind }) => ({ slug, name, kind }))
			.sort((a, b) => collator.compare(a.name, b.name)),
		parties: (row.parties ?? [])
			.map(({ name, abbreviation }) => ({ name, abbreviation }))
			.sort((a, b) => collator.compare(a.name, b.name))
	};
}
