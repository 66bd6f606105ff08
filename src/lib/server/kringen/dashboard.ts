// The kring dashboard: per gemeente the letter's status, signatures and practices covered, parties
// that answered, positions coverage (assessed party × theme cells of all) and the latest change;
// per theme across the kring which parties where are concrete, silent or against; the latest
// changes. One database call (kring_dashboard) whatever the number of gemeenten; sorted here.
import Papa from 'papaparse';
import { z } from 'zod';
import { db } from '../platform/db';
import { STATUS_LABELS, campaignStatus } from '$lib/campaign-status';
import { stanceOf, positionStatusOf, type PositionStatus, type Stance } from '$lib/positions';
import { CSV_OPTIONS } from '../platform/csv';

const count = z.coerce.number();
const dashboardJson = z.object({
	theme_count: count,
	gemeenten: z.array(
		z.object({
			code: z.string(),
			name: z.string(),
			slug: z.string(),
			letter_status: z.string().nullable(),
			letter_title: z.string().nullable(),
			signatures: count,
			practices_signed: count,
			practices_total: count,
			parties_written: count,
			parties_answered: count,
			parties: count,
			cells_assessed: count,
			cells_published: count,
			last_change: z.string().nullable()
		})
	),
	themes: z.array(
		z.object({
			key: z.string(),
			label: z.string(),
			positions: z.array(z.object({ stance: z.string(), party: z.string(), gemeente: z.string() }))
		})
	),
	changes: z.array(
		z.object({
			at: z.string(),
			gemeente: z.string(),
			party: z.string(),
			theme: z.string(),
			stance: z.string(),
			status: z.string(),
			reason: z.string().nullable(),
			by: z.string().nullable()
		})
	)
});

export interface DashboardGemeente {
	code: string;
	name: string;
	slug: string;
	letterStatus: string | null;
	letterLabel: string;
	letterTitle: string | null;
	signatures: number;
	practicesSigned: number;
	practicesTotal: number;
	partiesWritten: number;
	partiesAnswered: number;
	parties: number;
	cellsAssessed: number;
	cellsPublished: number;
	/** parties × themes followed. */
	cellsTotal: number;
	lastChange: string | null;
}

export interface ThemeAcross {
	key: string;
	label: string;
	/** Published positions per stance that matters here, "Partij (Gemeente)". */
	concreet: string[];
	stil: string[];
	tegen: string[];
}

export interface Dashboard {
	themeCount: number;
	gemeenten: DashboardGemeente[];
	themes: ThemeAcross[];
	changes: Array<{ at: string; gemeente: string; party: string; theme: string; stance: Stance; status: PositionStatus; reason: string | null; by: string | null }>;
}

export async function kringDashboard(kringId: string): Promise<Dashboard> {
	const { data, error } = await db().rpc('kring_dashboard', { p_kring_id: kringId });
	if (error) throw new Error(`kringDashboard: ${error.message}`);
	const raw = dashboardJson.parse(data);
	return {
		themeCount: raw.theme_count,
		gemeenten: raw.gemeenten.map((g) => ({
			code: g.code,
			name: g.name,
			slug: g.slug,
			letterStatus: g.letter_status,
			letterLabel: g.letter_status ? STATUS_LABELS[campaignStatus(g.letter_status)] : 'Geen brief',
			letterTitle: g.letter_title,
			signatures: g.signatures,
			practicesSigned: g.practices_signed,
			practicesTotal: g.practices_total,
			partiesWritten: g.parties_written,
			partiesAnswered: g.parties_answered,
			parties: g.parties,
			cellsAssessed: g.cells_assessed,
			cellsPublished: g.cells_published,
			cellsTotal: g.parties * raw.theme_count,
			lastChange: g.last_change
		})),
		themes: raw.themes.map((t) => {
			const of = (stance: Stance) => t.positions.filter((p) => p.stance === stance).map((p) => `${p.party} (${p.gemeente})`);
			return { key: t.key, label: t.label, concreet: of('concreet'), stil: of('niet_genoemd'), tegen: of('tegen') };
		}),
		changes: raw.changes.map((c) => ({ ...c, stance: stanceOf(c.stance), status: positionStatusOf(c.status) }))
	};
}

export const SORT_KEYS = ['naam', 'brief', 'handtekeningen', 'praktijken', 'reacties', 'dekking', 'gewijzigd'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const LETTER_ORDER = ['afgerond', 'verstuurd', 'ter_ondertekening', 'concept'];

function ratio(part: number, whole: number): number {
	return whole > 0 ? part / whole : -1;
}

/** Sorted by a column; names ascending, numbers and dates with the largest or newest first. */
export function sortGemeenten(rows: DashboardGemeente[], key: SortKey): DashboardGemeente[] {
	const byName = (a: DashboardGemeente, b: DashboardGemeente) => a.name.localeCompare(b.name, 'nl');
	const value: Record<SortKey, (g: DashboardGemeente) => number | string> = {
		naam: () => 0,
		brief: (g) => (g.letterStatus ? LETTER_ORDER.length - LETTER_ORDER.indexOf(g.letterStatus) : 0),
		handtekeningen: (g) => g.signatures,
		praktijken: (g) => ratio(g.practicesSigned, g.practicesTotal),
		reacties: (g) => ratio(g.partiesAnswered, g.partiesWritten),
		dekking: (g) => ratio(g.cellsAssessed, g.cellsTotal),
		gewijzigd: (g) => g.lastChange ?? ''
	};
	return [...rows].sort((a, b) => {
		const va = value[key](a);
		const vb = value[key](b);
		if (va === vb) return byName(a, b);
		return va < vb ? 1 : -1;
	});
}

export function dashboardCsv(rows: DashboardGemeente[]): string {
	return Papa.unparse({
		fields: [
			'gemeente_code',
			'gemeente',
			'brief',
			'handtekeningen',
			'praktijken_getekend',
			'praktijken_totaal',
			'partijen_aangeschreven',
			'partijen_geantwoord',
			'partijen',
			'cellen_beoordeeld',
			'cellen_gepubliceerd',
			'cellen_totaal',
			'laatste_wijziging'
		],
		data: rows.map((g) => [
			g.code,
			g.name,
			g.letterLabel,
			g.signatures,
			g.practicesSigned,
			g.practicesTotal,
			g.partiesWritten,
			g.partiesAnswered,
			g.parties,
			g.cellsAssessed,
			g.cellsPublished,
			g.cellsTotal,
			g.lastChange ?? ''
		])
	}, CSV_OPTIONS);
}

