// A long timeline for counting database calls and for the benchmark: `commitments` commitments of
// the scene's parties, each with `updatesPer` later statuses (forward and back), written straight to
// the tables in a few large inserts (recording 2,000 steps one by one would only test patience).
import { db } from '$lib/server/platform/db';
import { COMMITMENT_STATUSES } from '$lib/commitments';
import type { OutcomeScene } from './outcomes-fixtures';

const THEMES = ['wmo', 'jeugdzorg', 'ouderenzorg', 'ggz', 'huisvesting', 'preventie'];

/** Adds commitments × (1 + updatesPer) timeline items; returns how many items were added. */
export async function bulkTimeline(scene: OutcomeScene, commitments: number, updatesPer: number): Promise<number> {
	const parties = Object.values(scene.partyIds);
	const start = Date.UTC(2026, 3, 1);
	const rows = Array.from({ length: commitments }, (_, i) => {
		const day = new Date(start + i * 36 * 60 * 60 * 1000).toISOString().slice(0, 10);
		const college = i % 3 === 0;
		return {
			id: crypto.randomUUID(),
			gemeente_code: scene.gemeente.code,
			promiser: college ? 'college' : 'partij',
			party_id: college ? null : parties[i % parties.length],
			theme_key: THEMES[i % THEMES.length],
			body: `Toezegging nummer ${i + 1} over ${THEMES[i % THEMES.length]}.`,
			source_kind: 'begroting',
			source_title: `Begroting 2027, regel ${i + 1}`,
			source_url: 'https://example.org/begroting-2027.pdf',
			source_page: 1 + (i % 200),
			promised_on: day,
			status_on: day,
			status: COMMITMENT_STATUSES[updatesPer % COMMITMENT_STATUSES.length],
			created_by: scene.editor.id,
			updated_by: scene.editor.id
		};
	});
	for (let from = 0; from < rows.length; from += 500) {
		const inserted = await db().from('commitments').insert(rows.slice(from, from + 500));
		if (inserted.error) throw new Error(`bulkTimeline: ${inserted.error.message}`);
	}
	const updates = rows.flatMap((row, i) =>
		Array.from({ length: updatesPer + 1 }, (_, step) => ({
			commitment_id: row.id,
			seq: step + 1,
			status: COMMITMENT_STATUSES[step % COMMITMENT_STATUSES.length],
			previous_status: step === 0 ? null : COMMITMENT_STATUSES[(step - 1) % COMMITMENT_STATUSES.length],
			happened_on: new Date(start + i * 36 * 60 * 60 * 1000 + step * 20 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10),
			note: step === 0 ? null : `Stap ${step} van toezegging ${i + 1}`,
			evidence_title: step === 0 ? null : `Raadsinformatiebrief ${step}`,
			recorded_by: scene.editor.id
		}))
	);
	for (let from = 0; from < updates.length; from += 1000) {
		const inserted = await db().from('commitment_updates').insert(updates.slice(from, from + 1000));
		if (inserted.error) throw new Error(`bulkTimeline: ${inserted.error.message}`);
	}
	return commitments * (1 + updatesPer);
}
