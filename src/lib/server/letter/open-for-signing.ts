// Opening a draft for signing: its newest text is frozen as the one people sign, its numbered asks
// are fixed as rows (what parties will answer per ask), and everyone who signed an earlier text is
// asked to confirm the new one, all in one database call (open_for_signing).
import { db } from '../platform/db';
import { publicOrigin } from '../platform/env';
import { kickMailWorker } from '../platform/mail';
import { listThemes } from '../gemeenten/themes';
import { getCampaign } from './campaigns';
import { asksToFix } from './asks';

/** Opens the draft for signing with its newest text and, in the same database call, asks every
 * live signer whose signature is for an earlier text to confirm the new one (one e-mail each).
 * Returns null when the letter was no longer a draft or a newer text was saved meanwhile, else
 * how many e-mails were queued. */
export async function openForSigning(campaignId: string, actorId: string): Promise<number | null> {
	const campaign = await getCampaign(campaignId);
	if (!campaign || campaign.status !== 'concept') return null;
	const [newest, themes] = await Promise.all([
		db()
			.from('letter_revisions')
			.select('id, number, body_md')
			.eq('campaign_id', campaignId)
			.order('number', { ascending: false })
			.limit(1)
			.maybeSingle(),
		listThemes()
	]);
	if (newest.error) throw new Error(`openForSigning: ${newest.error.message}`);
	if (!newest.data) return null;
	const revision = newest.data;
	const outdated = await db()
		.from('signatures')
		.select('id, signer_name, users!signatures_user_id_fkey!inner(email), letter_revisions(number)')
		.eq('campaign_id', campaignId)
		.is('withdrawn_at', null)
		.neq('revision_id', revision.id);
	if (outdated.error) throw new Error(`openForSigning: ${outdated.error.message}`);
	const rows = outdated.data;
	const link = `${publicOrigin()}/campagnes/${campaignId}/ondertekenen`;
	const mails = rows.map((row) => {
		const old = row.letter_revisions?.number ?? 0;
		return {
			signature_id: row.id,
			to: row.users.email,
			subject: `Bevestig de nieuwe tekst van de brief van de huisartsen in ${campaign.gemeenteName}`,
			text: [
				`Beste ${row.signer_name ?? 'collega'},`,
				'',
				`Je hebt de brief "${campaign.title}" van de huisartsen in ${campaign.gemeenteName} ondertekend (versie ${old}). De coördinatoren hebben de tekst daarna aangepast; nu ligt versie ${revision.number} ter ondertekening.`,
				'',
				'Lees wat er veranderd is en bevestig de nieuwe tekst, of trek je handtekening in:',
				link,
				'',
				`Tot je bevestigt, staat je handtekening erbij als "getekend voor versie ${old}".`,
				'',
				'— Laat je horen'
			].join('\n')
		};
	});
	const { data, error } = await db().rpc('open_for_signing', {
		p_campaign_id: campaignId,
		p_actor_id: actorId,
		p_revision_id: revision.id,
		p_mails: mails,
		p_asks: asksToFix(revision.body_md, themes)
	});
	if (error) throw new Error(`openForSigning: ${error.message}`);
	if (data === null) return null;
	if (data > 0) kickMailWorker();
	return data;
}
