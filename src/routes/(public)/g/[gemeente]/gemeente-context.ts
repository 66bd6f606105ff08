// The gemeente of a public page under /g/[gemeente] (by slug or CBS code), or a Dutch 404.
import { error } from '@sveltejs/kit';
import { findGemeente, type Gemeente } from '$lib/server/gemeenten/gemeenten';

export async function publicGemeente(params: { gemeente: string }): Promise<Gemeente> {
	const found = params.gemeente.length <= 100 ? await findGemeente(params.gemeente) : null;
	if (!found) {
		error(404, `We kennen geen gemeente met de naam of code “${params.gemeente.slice(0, 100)}”. Zoek je gemeente op de startpagina.`);
	}
	return found;
}
