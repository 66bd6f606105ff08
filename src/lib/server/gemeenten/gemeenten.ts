// Gemeente lookups. The 342 gemeenten and their 2,502 woonplaatsen are reference data: loaded once
// per process, then searched and looked up in memory; lists are in name order. One gemeente's
// public page (with its kringen and parties) comes from a single embedded PostgREST query. Search
// ranks: exact > starts with > a place's exact name > word start > a place's start > province > contains.
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

/** A search hit: the gemeente, and the place in it that matched ("Zaandam"), if it was a place. */
export interface GemeenteMatch extends Gemeente {
	place: string | null;
}

/** A woonplaats (or a well-known district) and the gemeente it lies in. */
export interface Place {
	name: string;
	gemeenteCode: string;
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

const Rank = { Exact: 0, StartsWith: 1, PlaceExact: 2, WordStart: 3, PlaceStart: 4, Province: 5, Contains: 6 } as const;
type Rank = (typeof Rank)[keyof typeof Rank];

/** Queries shorter than this match only at the start of a name or word. */
const MIN_LOOSE_QUERY = 3;

interface Form {
	spaced: string;
	compact: string;
}

interface PlaceEntry {
	label: string;
	forms: Form[];
}

interface Entry {
	gemeente: Gemeente;
	names: Form[];
	places: PlaceEntry[];
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

/** A place as typed: "Hengelo (Gld)" also as "Hengelo"; a place named as its gemeente adds nothing. */
function placeEntries(places: Place[], names: Form[]): PlaceEntry[] {
	const known = new Set(names.map((name) => name.compact));
	return places
		.map((place) => ({
			label: place.name,
			forms: [...new Set([place.name, place.name.replace(/\s*\([^)]*\)\s*$/, '')])].map(form)
		}))
		.filter((place) => !place.forms.some((f) => known.has(f.compact)));
}

function toEntry(gemeente: Gemeente, places: Place[]): Entry {
	const names = [...new Set(namesOf(gemeente))].map(form);
	return {
		gemeente,
		names,
		places: placeEntries(places, names),
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

function rankPlace(query: Form, place: Form): Rank | null {
	if (place.spaced === query.spaced || place.compact === query.compact) return Rank.PlaceExact;
	if (query.compact.length < MIN_LOOSE_QUERY) return null;
	if (place.spaced.startsWith(query.spaced) || ` ${place.spaced}`.includes(` ${query.spaced}`)) return Rank.PlaceStart;
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

/** The entry's best rank for the query, and the place that gave it (null when a name did). */
function rankEntry(query: Form, entry: Entry): { rank: Rank; place: string | null } | null {
	if (matchesCode(query, entry.codeDigits)) return { rank: Rank.Exact, place: null };
	let best: { rank: Rank; place: string | null } | null = null;
	const consider = (rank: Rank | null, place: string | null) => {
		if (rank !== null && (best === null || rank < best.rank)) best = { rank, place };
	};
	for (const name of entry.names) consider(rankName(query, name), null);
	for (const place of entry.places) for (const f of place.forms) consider(rankPlace(query, f), place.label);
	for (const province of entry.provinces) consider(rankProvince(query, province), null);
	return best;
}

const collator = new Intl.Collator('nl', { sensitivity: 'base' });
// "'s-Gravenhage" sorts as "sGravenhage", between Rotterdam and Schagen, as in the CBS list.
const nameOrder = new Intl.Collator('nl', { sensitivity: 'base', ignorePunctuation: true });

/** In name order, as people look for them in a list. */
export function byName(a: Gemeente, b: Gemeente): number {
	return nameOrder.compare(a.name, b.name);
}

export interface GemeenteIndex {
	/** All gemeenten in name order. */
	all: Gemeente[];
	/** Matches, best first (then alphabetical), each with the place that matched; an empty query matches nothing. */
	search(query: string, limit?: number): GemeenteMatch[];
	/** By CBS code in any case ("GM0363", "gm0363"), slug ("amsterdam") or everyday name slug ("den-haag"). */
	find(codeOrSlug: string): Gemeente | null;
}

export function createGemeenteIndex(list: Gemeente[], places: Place[] = []): GemeenteIndex {
	const placesOf = new Map<string, Place[]>();
	for (const place of places) placesOf.set(place.gemeenteCode, [...(placesOf.get(place.gemeenteCode) ?? []), place]);
	const entries = list.map((gemeente) => toEntry(gemeente, placesOf.get(gemeente.code) ?? []));
	const byKey = new Map<string, Gemeente>();
	for (const gemeente of list) {
		for (const alias of EVERYDAY_NAMES[gemeente.code] ?? []) byKey.set(slugifyName(alias), gemeente);
	}
	for (const gemeente of list) {
		byKey.set(gemeente.slug, gemeente);
		byKey.set(gemeente.code.toLowerCase(), gemeente);
	}

	return {
		all: [...list].sort(byName),
		search(query, limit = Infinity) {
			const normalized = form(query);
			if (!normalized.compact) return [];
			return entries
				.flatMap((entry) => {
					const hit = rankEntry(normalized, entry);
					return hit ? [{ entry, ...hit }] : [];
				})
				.sort(
					(a, b) => a.rank - b.rank || collator.compare(a.entry.gemeente.name, b.entry.gemeente.name)
				)
				.slice(0, limit)
				.map((hit) => ({ ...hit.entry.gemeente, place: hit.place }));
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
		.select('code,name,province,slug,woonplaatsen(name)')
		.order('code');
	if (error) throw new Error(`Gemeenten laden mislukt: ${error.message}`);
	const places = data.flatMap((row) => row.woonplaatsen.map((place) => ({ name: place.name, gemeenteCode: row.code })));
	return createGemeenteIndex(data.map(toGemeente), places);
}

/** Loaded once per process; a failed load is retried on the next call. */
function gemeenteIndex(): Promise<GemeenteIndex> {
	loaded ??= loadIndex().catch((error: unknown) => {
		loaded = null;
		throw error;
	});
	return loaded;
}

/** All 342 gemeenten, in name order. */
export async function listGemeenten(): Promise<Gemeente[]> {
	return (await gemeenteIndex()).all;
}

export async function searchGemeenten(query: string, limit?: number): Promise<GemeenteMatch[]> {
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
