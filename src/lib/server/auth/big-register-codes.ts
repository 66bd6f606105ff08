// The BIG-register's code tables: profession codes (ProfessionalGroupCode, "beroepsgroep") and
// specialism codes (TypeOfSpecialismId), with plain Dutch labels. An unknown code gets a neutral
// label that shows the code; it is never guessed. Which codes make a huisarts is decided here.
//
// Sources (read 2026, not copied): the code tables in the public PHP client
// waarneembemiddeling/bigregister-soap (ProfessionalGroup.php, Specialism.php) agree with a second,
// independent TypeScript client for the codes used below. The register can publish the same tables
// through its GetRibizReferenceData operation; the lead may refresh these from it.
// Confidence: high for 01 = arts and 15 = huisartsgeneeskunde (every source agrees, and the public
// search site shows "huisarts" for 15); medium for the rarer codes.

/** Profession code of an arts (physician); the only profession that can hold a huisarts specialism. */
export const ARTS = '01';

/** Specialism codes that make an arts a huisarts: huisartsgeneeskunde, and the same with a pharmacy. */
export const HUISARTS_SPECIALISMS: ReadonlySet<string> = new Set(['15', '4']);

const professions: Record<string, string> = {
	'01': 'arts',
	'02': 'tandarts',
	'03': 'verloskundige',
	'04': 'fysiotherapeut',
	'16': 'psychotherapeut',
	'17': 'apotheker',
	'18': 'apotheekhoudend arts',
	'25': 'gz-psycholoog',
	'30': 'verpleegkundige',
	'81': 'physician assistant',
	'82': 'klinisch technoloog',
	'83': 'apothekersassistent',
	'84': 'klinisch fysicus',
	'85': 'tandprotheticus',
	'86': 'verzorgende individuele gezondheidszorg',
	'87': 'optometrist',
	'88': 'huidtherapeut',
	'89': 'diëtist',
	'90': 'ergotherapeut',
	'91': 'logopedist',
	'92': 'mondhygiënist',
	'93': 'oefentherapeut Mensendieck',
	'94': 'oefentherapeut Cesar',
	'95': 'orthoptist',
	'96': 'podotherapeut',
	'97': 'radiodiagnostisch laborant',
	'98': 'radiotherapeutisch laborant'
};

const specialisms: Record<string, string> = {
	'2': 'allergologie',
	'3': 'anesthesiologie',
	'4': 'huisartsgeneeskunde met apotheek',
	'8': 'bedrijfsgeneeskunde',
	'10': 'cardiologie',
	'11': 'cardio-thoracale chirurgie',
	'12': 'dermatologie en venerologie',
	'13': 'maag-darm-leverziekten',
	'14': 'heelkunde (chirurgie)',
	'15': 'huisartsgeneeskunde',
	'16': 'interne geneeskunde',
	'18': 'keel-, neus- en oorheelkunde',
	'19': 'kindergeneeskunde',
	'20': 'klinische chemie',
	'21': 'klinische genetica',
	'22': 'klinische geriatrie',
	'23': 'longziekten en tuberculose',
	'24': 'medische microbiologie',
	'25': 'neurochirurgie',
	'26': 'neurologie',
	'30': 'nucleaire geneeskunde',
	'31': 'oogheelkunde',
	'32': 'orthopedie',
	'33': 'pathologie',
	'34': 'plastische chirurgie',
	'35': 'psychiatrie',
	'39': 'radiologie',
	'40': 'radiotherapie',
	'41': 'reumatologie',
	'42': 'revalidatiegeneeskunde',
	'45': 'urologie',
	'46': 'obstetrie en gynaecologie',
	'47': 'ouderengeneeskunde',
	'48': 'verzekeringsgeneeskunde',
	'53': 'dento-maxillaire orthopedie (orthodontie)',
	'54': 'mondziekten en kaakchirurgie',
	'55': 'maatschappij en gezondheid',
	'56': 'geneeskunde voor verstandelijk gehandicapten',
	'60': 'ziekenhuisfarmacie',
	'61': 'klinische psychologie',
	'63': 'klinische neuropsychologie',
	'70': 'jeugdgezondheidszorg',
	'71': 'spoedeisende hulp',
	'74': 'sportgeneeskunde',
	'75': 'openbare farmacie'
};

/** "arts", "tandarts", …; "beroep met code 42" for a code this table does not know. */
export function professionLabel(code: string): string {
	return professions[code] ?? `beroep met code ${code}`;
}

/** "huisartsgeneeskunde", "cardiologie", …; "specialisme met code 99" for an unknown code. */
export function specialismLabel(code: string): string {
	return specialisms[code] ?? `specialisme met code ${code}`;
}
