// The gemeente of a public council URL (/g/<slug or code>/raad/…), or a Dutch 404.
import { error } from '@sveltejs/kit';
import { findGemeente } from '$lib/server/gemeenten/gemeenten';

export async function publicGemeente(param: string) {
	const gemeente = param.length <= 100 ? await findGemeente(param) : null;
	if (!gemeente) error(404, `We kennen geen gemeente met de naam of code “${param.slice(0, 100)}”.`);
	return gemeente;
}
