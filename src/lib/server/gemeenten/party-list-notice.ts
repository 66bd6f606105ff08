// The mail the coordinators of a gemeente's other open letters get when someone changes its party
// list: who changed what, and where to check it. "{brieven}" is filled in per coordinator by the
// database (record_party_list_change) with links to their own letters' party pages.
import { publicOrigin } from '../platform/env';
import { mailName } from '../platform/names';

export interface Editor {
	id: string;
	name: string | null;
	email: string;
}

export interface PartyListNotice {
	subject: string;
	text: string;
	origin: string;
}

/** `change` says what happened in one sentence, e.g. 'VVD kreeg een nieuw e-mailadres: x@y.nl.' */
export function partyListNotice(gemeenteName: string, editor: Editor, change: string): PartyListNotice {
	const who = `${mailName(editor.name, 'Iemand')} (${editor.email})`;
	return {
		subject: `De partijenlijst van ${gemeenteName} is gewijzigd`,
		text: [
			'Beste coördinator,',
			'',
			`${who} heeft de partijenlijst van ${gemeenteName} gewijzigd:`,
			change,
			'',
			'Die lijst geldt voor alle brieven in de gemeente. Klopt dit niet, pas het dan aan of neem contact op met de kring. Een adres dat iemand anders veranderde, moet je bij het versturen apart bevestigen.',
			'',
			'Bekijk de partijen bij je brief:',
			'{brieven}',
			'',
			'— Laat je horen'
		].join('\n'),
		origin: publicOrigin()
	};
}
