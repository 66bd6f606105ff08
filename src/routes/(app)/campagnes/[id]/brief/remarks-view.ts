// How remarks on the draft show on the letter page: to colleagues who read along, the letter block
// by block with the remarks under the block they are about; to the coordinators, a list with each
// remark's quote and place in the current version, open ones first.
import { formatDateTime } from '$lib/format';
import { splitLetter, type BlockKind, type LetterBlock } from '$lib/server/letter/letter-blocks';
import { placeComments, RESOLUTION_LABELS, type DraftComment } from '$lib/server/letter/draft-comments';

export interface RemarkView {
	id: string;
	body: string;
	authorName: string;
	createdAt: string;
	/** "Verwerkt" or "Niet overgenomen", or null while open. */
	resolution: string | null;
	resolvedBy: string | null;
	resolvedAt: string | null;
	note: string | null;
	/** The start of the text it was about, or null for the whole letter. */
	quote: string | null;
}

function remarkView(comment: DraftComment): RemarkView {
	return {
		id: comment.id,
		body: comment.body,
		authorName: comment.authorName,
		createdAt: formatDateTime(comment.createdAt),
		resolution: comment.resolution ? RESOLUTION_LABELS[comment.resolution] : null,
		resolvedBy: comment.resolvedByName,
		resolvedAt: comment.resolvedAt ? formatDateTime(comment.resolvedAt) : null,
		note: comment.note,
		quote: comment.quote
	};
}

const FORM_LABELS: Record<BlockKind, string> = {
	paragraph: 'Reageer op deze alinea',
	ask: 'Reageer op deze vraag',
	heading: 'Reageer op dit kopje',
	item: 'Reageer op dit punt',
	other: 'Reageer op dit stuk'
};

/** What a block is, in words for screen readers and the coordinators' list: "vraag 2", "een alinea". */
function blockName(block: LetterBlock): string {
	if (block.askNumber !== null) return `vraag ${block.askNumber}`;
	return { paragraph: 'een alinea', heading: 'een kopje', item: 'een genummerd punt', other: 'een stuk tekst', ask: 'een vraag' }[block.kind];
}

/** The revision block by block, each with its remarks and (if it has words) a form to add one. */
export function readerView(revision: { id: string; number: number; bodyMd: string }, comments: DraftComment[]) {
	const blocks = splitLetter(revision.bodyMd);
	const placed = placeComments(blocks, revision.id, comments);
	return {
		revision: revision.number,
		blocks: blocks.map((block) => ({
			anchor: block.anchor,
			html: block.html,
			name: blockName(block),
			formLabel: block.quote ? FORM_LABELS[block.kind] : null,
			remarks: (placed.byAnchor.get(block.anchor) ?? []).map(remarkView)
		})),
		general: placed.general.map(remarkView),
		detached: placed.detached.map(remarkView)
	};
}

/** Every remark for the coordinators, with where it belongs in the newest version. */
export function coordinatorView(revision: { id: string; bodyMd: string } | null, comments: DraftComment[]) {
	const blocks = revision ? splitLetter(revision.bodyMd) : [];
	const placed = placeComments(blocks, revision?.id ?? '', comments);
	const where = new Map<string, string>();
	for (const block of blocks) {
		for (const remark of placed.byAnchor.get(block.anchor) ?? []) where.set(remark.id, `Bij ${blockName(block)}`);
	}
	for (const remark of placed.general) where.set(remark.id, 'Over de hele brief');
	for (const remark of placed.detached) where.set(remark.id, 'Bij tekst die intussen is veranderd');
	const shown = comments.map((comment) => ({
		...remarkView(comment),
		place: where.get(comment.id) ?? '',
		revisionNumber: comment.revisionNumber
	}));
	return {
		open: shown.filter((remark) => remark.resolution === null),
		// Most recently resolved first.
		resolved: comments
			.filter((comment) => comment.resolvedAt !== null)
			.sort((a, b) => (b.resolvedAt ?? '').localeCompare(a.resolvedAt ?? ''))
			.map((comment) => shown.find((remark) => remark.id === comment.id)!)
	};
}
