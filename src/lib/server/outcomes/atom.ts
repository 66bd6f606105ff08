// Atom feeds (RFC 4287) of what changed in a gemeente or across a kring's gemeenten, written by the
// `feed` library: one entry per change with its title, summary, time and link to the timeline.
import { Feed } from 'feed';
import { publicOrigin } from '../platform/env';
import { outcomeChanges, type Change } from './changes';

export const FEED_ENTRIES = 50;

export interface FeedSubject {
	/** "Zaanstad", "Huisartsenkring Zaanstreek". */
	title: string;
	/** The page the feed is about, e.g. /g/zaanstad. */
	pagePath: string;
	/** The feed's own address, e.g. /g/zaanstad/feed.atom. */
	feedPath: string;
}

export function atomXml(subject: FeedSubject, changes: Change[], now = new Date()): string {
	const origin = publicOrigin();
	const feed = new Feed({
		id: `${origin}${subject.feedPath}`,
		title: `Laat je horen: ${subject.title}`,
		description: `Nieuwe antwoorden, standpunten, stemmingen en toezeggingen over zorg in ${subject.title}.`,
		link: `${origin}${subject.pagePath}`,
		feedLinks: { atom: `${origin}${subject.feedPath}` },
		language: 'nl',
		updated: changes[0] ? new Date(changes[0].at) : now,
		generator: 'Laat je horen',
		copyright: 'Open data onder CC BY 4.0: noem Laat je horen als bron.',
		author: { name: 'Laat je horen', link: origin }
	});
	for (const change of changes) {
		feed.addItem({
			id: `${origin}/wijziging/${change.id}`,
			title: change.title,
			link: change.url,
			description: change.summary,
			date: new Date(change.at),
			category: [{ term: change.kind, name: change.gemeente }]
		});
	}
	return feed.atom1();
}

/** The feed of one or more gemeenten: their newest FEED_ENTRIES changes. One database call. */
export async function changesFeed(subject: FeedSubject, gemeenteCodes: string[]): Promise<string> {
	return atomXml(subject, await outcomeChanges(gemeenteCodes, null, FEED_ENTRIES));
}

export const ATOM_HEADERS = { 'content-type': 'application/atom+xml; charset=utf-8' };
