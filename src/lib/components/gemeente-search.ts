// What the gemeente finder shows, shared by the home page's load, /gemeenten.json and the finder.

export interface GemeenteHit {
	code: string;
	name: string;
	displayName: string;
	province: string;
	slug: string;
	/** The woonplaats that matched ("Zaandam" for Zaanstad), when the search found a place. */
	place: string | null;
}

/** More than this and a list stops helping: the finder asks for more letters instead. */
export const SHOWN_RESULTS = 60;

/** The finder's state, kept by the home page's snapshot so that Back shows the same results. */
export interface GemeenteSearchSnapshot {
	value: string;
	searchedFor: string;
	results: GemeenteHit[] | null;
	total: number;
	error: string | null;
}
