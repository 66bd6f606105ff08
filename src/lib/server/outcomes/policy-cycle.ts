// The moments of a gemeente's policy cycle that matter for huisartsen, with a plain suggestion for
// each: the coalitieakkoord after an election, the kadernota (voorjaarsnota) around June, the
// begroting in October–November, and the next municipal election (every four years in March,
// 2026, 2030, …). Real dates come from the gemeente's editors; without one the estimate is shown
// and said to be one. Pure: dates are yyyy-mm-dd strings in Dutch time.
export const POLICY_KINDS = ['coalitieakkoord', 'kadernota', 'begroting', 'verkiezingen'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

export const POLICY_LABELS: Record<PolicyKind, string> = {
	coalitieakkoord: 'Coalitieakkoord',
	kadernota: 'Kadernota of voorjaarsnota',
	begroting: 'Begroting',
	verkiezingen: 'Gemeenteraadsverkiezingen'
};

/** When it usually is, in words. */
export const POLICY_WHEN: Record<PolicyKind, string> = {
	coalitieakkoord: 'in het voorjaar na de verkiezingen',
	kadernota: 'rond juni, elk jaar',
	begroting: 'in oktober of november, elk jaar',
	verkiezingen: 'in maart, elke vier jaar'
};

export const POLICY_SUGGESTIONS: Record<PolicyKind, string> = {
	coalitieakkoord:
		'Stuur de onderhandelende partijen vóór het akkoord jullie drie belangrijkste punten, zodat de zorg erin komt te staan.',
	kadernota: 'Stuur vóór de kadernota jullie drie punten: hier kiest de gemeente waar het geld voor volgend jaar naartoe gaat.',
	begroting:
		'Lees wat de begroting over zorg zegt, en vraag de fracties om een motie of amendement op jullie punten vóór de raad erover stemt.',
	verkiezingen: 'Schrijf de partijen terwijl ze hun programma schrijven (het jaar ervoor): wat hebben huisartsen nodig?'
};

export interface StoredMoment {
	kind: PolicyKind;
	year: number;
	onDate: string;
	note: string | null;
	setBy: string | null;
}

export interface Moment {
	kind: PolicyKind;
	year: number;
	date: string;
	/** No editor set the real date: this is our estimate. */
	estimated: boolean;
	note: string | null;
	setBy: string | null;
	label: string;
	when: string;
	suggestion: string;
	/** The letter's occasion for this moment (occasions.ts: 'kadernota_2027', 'begroting_2028'). */
	occasionKey: string;
}

const FIRST_ELECTION = 2026;

/** The estimate for a moment: the third Wednesday of March for an election (as in 2026), the end
 * of May after it for the akkoord, the end of June for the kadernota, 10 November for the begroting. */
export function estimatedDate(kind: PolicyKind, year: number): string {
	if (kind === 'verkiezingen') {
		const firstOfMarch = new Date(Date.UTC(year, 2, 1)).getUTCDay();
		const firstWednesday = 1 + ((3 - firstOfMarch + 7) % 7);
		return `${year}-03-${String(firstWednesday + 14).padStart(2, '0')}`;
	}
	return { coalitieakkoord: `${year}-05-31`, kadernota: `${year}-06-30`, begroting: `${year}-11-10` }[kind];
}

function isElectionYear(year: number): boolean {
	return year >= FIRST_ELECTION && (year - FIRST_ELECTION) % 4 === 0;
}

/** A begroting is adopted in the autumn before the year it is for (occasions.ts names it so). */
function budgetYear(kind: PolicyKind, year: number): number {
	return kind === 'begroting' ? year + 1 : year;
}

/** One moment of the cycle: its real date when stored, else the estimate. */
export function moment(kind: PolicyKind, year: number, stored: StoredMoment[]): Moment {
	const real = stored.find((s) => s.kind === kind && s.year === year);
	return {
		kind,
		year,
		date: real?.onDate ?? estimatedDate(kind, year),
		estimated: !real,
		note: real?.note ?? null,
		setBy: real?.setBy ?? null,
		label: `${POLICY_LABELS[kind]} ${budgetYear(kind, year)}`,
		when: POLICY_WHEN[kind],
		suggestion: POLICY_SUGGESTIONS[kind],
		occasionKey: `${kind}_${budgetYear(kind, year)}`
	};
}

/** The next occurrence of each moment on or after `today` (the begroting adopted in year Y is
 * the begroting Y + 1, and labelled so), soonest first. */
export function upcomingMoments(today: string, stored: StoredMoment[]): Moment[] {
	const thisYear = Number(today.slice(0, 4));
	const next = (kind: PolicyKind, years: (year: number) => boolean): Moment => {
		for (let year = Math.max(FIRST_ELECTION, thisYear); ; year++) {
			if (!years(year)) continue;
			const candidate = moment(kind, year, stored);
			if (candidate.date >= today) return candidate;
		}
	};
	return [
		next('coalitieakkoord', isElectionYear),
		next('kadernota', () => true),
		next('begroting', () => true),
		next('verkiezingen', isElectionYear)
	].sort((a, b) => a.date.localeCompare(b.date));
}

/** The moments an editor can set now: this year's and next year's of each kind that exists. */
export function settableMoments(today: string, stored: StoredMoment[]): Moment[] {
	const thisYear = Number(today.slice(0, 4));
	const years = [thisYear, thisYear + 1].filter((y) => y >= FIRST_ELECTION);
	return years.flatMap((year) =>
		POLICY_KINDS.filter((kind) => (kind === 'coalitieakkoord' || kind === 'verkiezingen' ? isElectionYear(year) : true)).map((kind) => moment(kind, year, stored))
	);
}

/** yyyy-mm-dd of `date` in Dutch time. */
export function dutchDay(date: Date): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** yyyy-mm-dd `days` after `day`. */
export function addDays(day: string, days: number): string {
	const d = new Date(`${day}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}
