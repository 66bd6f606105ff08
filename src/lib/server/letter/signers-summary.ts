// How a letter's signatories read wherever it goes (e-mail, PDF, review, public page): the count
// line ("12 huisartsen uit 4 praktijken"), one line per named signer, and the unnamed rest.
import { count } from '$lib/format';

export interface Signatory {
	name: string;
	practiceName: string | null;
	verified: boolean;
	/** False when this person signed an earlier version and has not confirmed the final text. */
	current: boolean;
	revisionNumber: number;
}

/** "12 huisartsen uit 4 praktijken" */
export function signedBySummary(letter: { total: number; practices: number }): string {
	return `${count(letter.total, 'huisarts', 'huisartsen')} uit ${count(letter.practices, 'praktijk', 'praktijken')}`;
}

/** "en 3 andere huisartsen" for the signatures without a public name. */
export function othersLine(hidden: number, anyNamed: boolean): string {
	if (hidden === 0) return '';
	if (!anyNamed) return hidden === 1 ? '1 huisarts die niet met naam genoemd wil worden' : `${hidden} huisartsen die niet met naam genoemd willen worden`;
	return hidden === 1 ? 'en 1 andere huisarts' : `en ${hidden} andere huisartsen`;
}

/** "Anna de Vries, De Zaanoever (geverifieerd)" */
export function signatoryText(s: Signatory): string {
	return [
		s.name,
		s.practiceName ? `, ${s.practiceName}` : '',
		s.verified ? ' (geverifieerd)' : '',
		s.current ? '' : ` (tekende versie ${s.revisionNumber})`
	].join('');
}
