// The BIG-register's SOAP 1.1 operation ListHcpApprox4 as text: the request envelope for one BIG
// number, and the answer read into Registration records (or a SOAP fault, or "unreadable").
// XML is read with fast-xml-parser and its shape checked with zod; nothing here touches the network.
//
// What this follows, and from where (public sources read in 2026; no code copied):
// - WSDL (PublicV4, targetNamespace http://services.cibg.nl/ExternalUser), kept in the PHP client
//   waarneembemiddeling/bigregister-soap (resources/bigregister.wsdl); the same types regenerated
//   from the current WSDL in justdevsio/big-register-check (src/Client/*.php). Confidence: high.
//   · request element listHcpApproxRequest (lower-case l), document/literal, children in this order:
//     WebSite (required; None | Ribiz | Skp), Name, Initials, Prefix, Street, Gender, HouseNumber,
//     Postalcode, City, RegistrationNumber, DateOfBirth, ProfessionalGroup, TypeOfSpecialism.
//   · SOAPAction "http://services.cibg.nl/ExternalUser/ListHcpApprox4"; Content-Type text/xml.
//   · answer: ListHcpApprox4Result > ListHcpApprox > ListHcpApprox4* (one per person) with
//     BirthSurname, MailingName, Prefix, Initial (singular!), Gender, WorkAddress1-3,
//     ArticleRegistration > ArticleRegistrationExtApp* (ArticleRegistrationNumber,
//     ArticleRegistrationStartDate, ArticleRegistrationEndDate, ProfessionalGroupCode),
//     Specialism > SpecialismExtApp1* (SpecialismId, ArticleRegistrationNumber, TypeOfSpecialismId),
//     Mention, JudgmentProvision > JudgmentProvisionExtApp* (ArticleNumber, Id, StartDate,
//     PublicDescription, EndDate nillable, Public), Limitation.
//   · There is NO PartnerSurname element and NO "JudSanction": the married name appears only in
//     MailingName ("G.D. Bar-Foo"), and measures are JudgmentProvision without a type code.
//   · SpecialismExtApp1 has no dates in V4 (the older V3 SpecialismExtApp had StartDate/EndDate);
//     they are read when present, in case the service sends them.
// - Sample answers: resources/response.xml and tests/mock/search_number.xml in the same PHP client;
//   a captured real V3 answer in bvlangen/BIGRegister (www/lib/soapclient.js) showing empty lists
//   as <Specialism />, EndDate xsi:nil="true" for a measure still in force, and
//   "0001-01-01T00:00:00" (.NET DateTime.MinValue) as "no end date" of a registration. High.
// - Dates come without a time zone; they are Dutch local time (medium: inferred, never stated).
// - An empty result (unknown number) is a ListHcpApprox without items (medium: zeep users test
//   for "None", no captured sample).

import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { professionLabel, specialismLabel } from './big-register-codes';
import { partnerSurnameFrom, type RegisterName } from './big-register-names';

export const SOAP_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const CIBG_NS = 'http://services.cibg.nl/ExternalUser';
export const LIST_HCP_APPROX4_ACTION = `${CIBG_NS}/ListHcpApprox4`;

/** A disciplinary or administrative measure on a registration, as far as its public text tells. */
export type MeasureType =
	| 'doorhaling'
	| 'schorsing'
	| 'voorwaardelijke_schorsing'
	| 'bevel'
	| 'beperking'
	| 'berisping'
	| 'waarschuwing'
	| 'geldboete'
	| 'onbekend';

export type Measure = {
	id: string;
	/** Read from the public description; the register sends no type code. */
	type: MeasureType;
	/** Whether it stops or limits practising; true for a type we cannot tell, to stay on the safe side. */
	restrictsPractice: boolean;
	/** Register-local time "YYYY-MM-DDTHH:mm:ss"; null when not given. */
	start: string | null;
	/** null: no end date, the measure stands. */
	end: string | null;
	description: string;
	public: boolean;
};

export type Specialism = { code: string; label: string; start: string | null; end: string | null };

/** One article registration (one BIG number, one profession) of one person. */
export type Registration = {
	bigNumber: string;
	name: RegisterName;
	profession: { code: string; label: string };
	specialisms: Specialism[];
	/** Register-local time "YYYY-MM-DDTHH:mm:ss"; null when not given. */
	start: string | null;
	/** null: registered without end date. */
	end: string | null;
	measures: Measure[];
};

export type Answer =
	| { kind: 'registrations'; registrations: Registration[] }
	| { kind: 'fault'; side: 'client' | 'server'; message: string }
	| { kind: 'unreadable'; detail: string };

const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true });

/** The request for one BIG number (11 digits, already checked by the caller). */
export function buildListHcpApprox4Request(bigNumber: string): string {
	return builder.build({
		'?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
		'soap:Envelope': {
			'@_xmlns:soap': SOAP_ENVELOPE_NS,
			'soap:Body': {
				listHcpApproxRequest: {
					'@_xmlns': CIBG_NS,
					WebSite: 'Ribiz',
					RegistrationNumber: bigNumber
				}
			}
		}
	});
}

const LIST_ELEMENTS = new Set(['ListHcpApprox4', 'ArticleRegistrationExtApp', 'SpecialismExtApp1', 'JudgmentProvisionExtApp']);

const parser = new XMLParser({
	removeNSPrefix: true,
	ignoreAttributes: false,
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	isArray: (name) => LIST_ELEMENTS.has(name)
});

/** Current time as the register writes it: Dutch local time, "YYYY-MM-DDTHH:mm:ss". */
export function registerLocalTime(instant: Date): string {
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone: 'Europe/Amsterdam',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hourCycle: 'h23'
	}).formatToParts(instant);
	const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
	return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}`;
}

const nil = z.object({ '@_nil': z.literal('true') }).loose();
const text = z.union([z.string(), nil.transform(() => '')]).optional().transform((value) => value ?? '');

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
/** xs:dateTime → register-local "YYYY-MM-DDTHH:mm:ss"; .NET's MinValue and xsi:nil → null. */
const dateTime = z
	.union([z.string().regex(DATE_TIME, 'geen datum'), nil.transform(() => null), z.literal('')])
	.optional()
	.transform((value): string | null => {
		if (!value) return null;
		const [, day, time = '00:00:00', , zone] = DATE_TIME.exec(value) ?? [];
		if (day === '0001-01-01') return null;
		return zone ? registerLocalTime(new Date(value)) : `${day}T${time}`;
	});
/** xs:decimal holding a whole number, as a plain digit string ("015" → "15"). */
const wholeNumber = z
	.string()
	.regex(/^\d+(\.0+)?$/, 'geen geheel getal')
	.transform((value) => BigInt(value.split('.')[0]).toString());
const bigNumber = wholeNumber.transform((value) => value.padStart(11, '0'));
/** A list element: <Specialism />, xsi:nil, absent, or holding one or more `key` items. */
function list<K extends string, T extends z.ZodType>(key: K, item: T) {
	const filled = z.object({ [key]: z.array(item) } as { [P in K]: z.ZodArray<T> });
	return z
		.union([z.literal(''), nil.transform(() => ''), filled])
		.optional()
		.transform((value): z.output<T>[] => (value ? (value as { [P in K]: z.output<T>[] })[key] : []));
}

const articleRegistration = z.object({
	ArticleRegistrationNumber: bigNumber,
	ArticleRegistrationStartDate: dateTime,
	ArticleRegistrationEndDate: dateTime,
	ProfessionalGroupCode: z
		.string()
		.regex(/^\d{1,2}$/, 'geen beroepscode')
		.transform((code) => code.padStart(2, '0'))
});
const specialism = z.object({
	ArticleRegistrationNumber: bigNumber,
	TypeOfSpecialismId: wholeNumber,
	StartDate: dateTime,
	EndDate: dateTime
});
const judgmentProvision = z.object({
	ArticleNumber: bigNumber,
	Id: wholeNumber,
	StartDate: dateTime,
	EndDate: dateTime,
	PublicDescription: text,
	Public: z.enum(['true', 'false']).optional()
});
const person = z.object({
	BirthSurname: text,
	MailingName: text,
	Prefix: text,
	Initial: text,
	ArticleRegistration: list('ArticleRegistrationExtApp', articleRegistration),
	Specialism: list('SpecialismExtApp1', specialism),
	JudgmentProvision: list('JudgmentProvisionExtApp', judgmentProvision)
});
const envelope = z.object({
	Envelope: z.object({
		Body: z.union([
			z.object({
				Fault: z.object({ faultcode: text, faultstring: text })
			}),
			z.object({
				ListHcpApprox4Result: z.object({
					ListHcpApprox: z
						.union([z.literal(''), z.object({ ListHcpApprox4: z.array(person).optional() })])
						.optional()
				})
			})
		])
	})
});

/** Reads the type of a measure from its public text; order matters ("onvoorwaardelijke schorsing"). */
export function measureTypeOf(description: string): MeasureType {
	const plain = description.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
	if (plain.includes('doorhal')) return 'doorhaling';
	if (plain.includes('onvoorwaardelijk') && plain.includes('schors')) return 'schorsing';
	if (plain.includes('voorwaardelijk') && plain.includes('schors')) return 'voorwaardelijke_schorsing';
	if (plain.includes('schors')) return 'schorsing';
	if (plain.includes('bevel')) return 'bevel';
	if (/ontzegging|beperking|verbod|voorwaarden/.test(plain)) return 'beperking';
	if (plain.includes('berisping')) return 'berisping';
	if (plain.includes('waarschuwing')) return 'waarschuwing';
	if (plain.includes('geldboete')) return 'geldboete';
	return 'onbekend';
}

const HARMLESS: ReadonlySet<MeasureType> = new Set(['voorwaardelijke_schorsing', 'berisping', 'waarschuwing', 'geldboete']);

function toRegistrations(people: z.output<typeof person>[]): Registration[] {
	return people.flatMap((entry) => {
		const name: RegisterName = {
			initials: entry.Initial,
			prefix: entry.Prefix,
			birthSurname: entry.BirthSurname,
			partnerSurname: partnerSurnameFrom(entry.MailingName, entry.Initial, entry.Prefix, entry.BirthSurname),
			mailingName: entry.MailingName
		};
		return entry.ArticleRegistration.map((article) => ({
			bigNumber: article.ArticleRegistrationNumber,
			name,
			profession: { code: article.ProfessionalGroupCode, label: professionLabel(article.ProfessionalGroupCode) },
			specialisms: entry.Specialism.filter((s) => s.ArticleRegistrationNumber === article.ArticleRegistrationNumber).map((s) => ({
				code: s.TypeOfSpecialismId,
				label: specialismLabel(s.TypeOfSpecialismId),
				start: s.StartDate,
				end: s.EndDate
			})),
			start: article.ArticleRegistrationStartDate,
			end: article.ArticleRegistrationEndDate,
			measures: entry.JudgmentProvision.filter((m) => m.ArticleNumber === article.ArticleRegistrationNumber).map((m) => {
				const type = measureTypeOf(m.PublicDescription);
				return {
					id: m.Id,
					type,
					restrictsPractice: !HARMLESS.has(type),
					start: m.StartDate,
					end: m.EndDate,
					description: m.PublicDescription,
					public: m.Public !== 'false'
				};
			})
		}));
	});
}

/** Reads an answer body (any HTTP status): registrations, a SOAP fault, or why it cannot be read. */
export function parseListHcpApprox4Answer(xml: string): Answer {
	const valid = XMLValidator.validate(xml);
	if (valid !== true) return { kind: 'unreadable', detail: `not XML: ${valid.err.msg} (line ${valid.err.line})` };
	const checked = envelope.safeParse(parser.parse(xml));
	if (!checked.success) {
		const issue = checked.error.issues[0];
		return { kind: 'unreadable', detail: `unexpected shape at ${issue?.path.join('.') || 'root'}: ${issue?.message ?? ''}` };
	}
	const body = checked.data.Envelope.Body;
	if ('Fault' in body) {
		const side = /(^|:)client(\.|$)/i.test(body.Fault.faultcode) ? 'client' : 'server';
		return { kind: 'fault', side, message: body.Fault.faultstring };
	}
	const people = body.ListHcpApprox4Result.ListHcpApprox || undefined;
	return { kind: 'registrations', registrations: toRegistrations(people?.ListHcpApprox4 ?? []) };
}
