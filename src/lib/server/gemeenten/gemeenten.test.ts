import { beforeAll, describe, expect, it } from 'vitest';
import { slugifyName } from '$lib/gemeente-name';
import {
	createGemeenteIndex,
	findGemeente,
	gemeentePage,
	listGemeenten,
	searchGemeenten,
	toGemeente
} from './gemeenten';
import { connectTestDatabase } from '$test/test-db';

function gemeente(code: string, name: string, province: string) {
	return toGemeente({ code, name, province, slug: slugifyName(name) });
}

const fixture = createGemeenteIndex([
	gemeente('GM0363', 'Amsterdam', 'Noord-Holland'),
	gemeente('GM0373', 'Bergen (NH.)', 'Noord-Holland'),
	gemeente('GM0893', 'Bergen (L.)', 'Limburg'),
	gemeente('GM0748', 'Bergen op Zoom', 'Noord-Brabant'),
	gemeente('GM0851', 'Steenbergen', 'Noord-Brabant'),
	gemeente('GM1945', 'Berg en Dal', 'Gelderland'),
	gemeente('GM0518', "'s-Gravenhage", 'Zuid-Holland'),
	gemeente('GM0796', "'s-Hertogenbosch", 'Noord-Brabant'),
	gemeente('GM0080', 'Leeuwarden', 'Fryslân'),
	gemeente('GM1900', 'Súdwest-Fryslân', 'Fryslân'),
	gemeente('GM1970', 'Noardeast-Fryslân', 'Fryslân'),
	gemeente('GM1940', 'De Fryske Marren', 'Fryslân'),
	gemeente('GM0344', 'Utrecht', 'Utrecht'),
	gemeente('GM0307', 'Amersfoort', 'Utrecht'),
	gemeente('GM1581', 'Utrechtse Heuvelrug', 'Utrecht'),
	gemeente('GM0037', 'Stadskanaal', 'Groningen'),
	gemeente('GM0479', 'Zaanstad', 'Noord-Holland')
]);

const codes = (query: string) => fixture.search(query).map((g) => g.code);

describe('search ranking', () => {
	it('finds a gemeente by its everyday name, in any spelling', () => {
		expect(codes('den haag')).toEqual(['GM0518']);
		expect(codes('Den Haag')).toEqual(['GM0518']);
		expect(codes('denhaag')).toEqual(['GM0518']);
		expect(codes('den bosch')).toEqual(['GM0796']);
	});

	it("ignores the article in 's-Gravenhage and accents in Frisian names", () => {
		expect(codes('gravenhage')[0]).toBe('GM0518');
		expect(codes('hertogenbosch')[0]).toBe('GM0796');
		expect(codes('Súdwest')).toEqual(['GM1900']);
		expect(codes('sudwest')).toEqual(['GM1900']);
	});

	it('lists both Bergens, then Bergen op Zoom, Berg en Dal, then names containing "bergen"', () => {
		expect(codes('bergen')).toEqual(['GM0893', 'GM0373', 'GM0748', 'GM1945', 'GM0851']);
		expect(codes('bergen op')).toEqual(['GM0748']);
	});

	it('ranks names containing "fryslan" above the other gemeenten of province Fryslân', () => {
		expect(codes('fryslan')).toEqual(['GM1970', 'GM1900', 'GM1940', 'GM0080']);
		expect(codes('Fryslân')).toEqual(codes('fryslan'));
	});

	it('knows Friesland as the Dutch name of Fryslân', () => {
		const found = codes('friesland');
		expect(found).toHaveLength(4);
		// Noardeast- and Súdwest-Fryslân have Dutch names with "Friesland": a name beats the province.
		expect(found.slice(0, 2)).toEqual(['GM1970', 'GM1900']);
	});

	it('ranks exact > starts with > province', () => {
		expect(codes('utrecht')).toEqual(['GM0344', 'GM1581', 'GM0307']);
	});

	it('ranks starts with above contains', () => {
		expect(codes('stad')).toEqual(['GM0037', 'GM0479']);
	});

	it('matches word starts but not stray letters inside words for short queries', () => {
		expect(codes('zo')).toEqual(['GM0748']);
		expect(codes('ee')).toEqual([]);
	});

	it('finds a gemeente by its CBS code', () => {
		expect(codes('GM0363')).toEqual(['GM0363']);
		expect(codes('gm0363')).toEqual(['GM0363']);
		expect(codes('0363')).toEqual(['GM0363']);
	});

	it('returns nothing for an empty query or an unknown name, and respects the limit', () => {
		expect(codes('')).toEqual([]);
		expect(codes('  -  ')).toEqual([]);
		expect(codes('xyzzy')).toEqual([]);
		expect(fixture.search('bergen', 2)).toHaveLength(2);
	});
});

describe('finding one gemeente', () => {
	it('accepts a code in any case, a slug or an everyday name', () => {
		expect(fixture.find('GM0363')?.slug).toBe('amsterdam');
		expect(fixture.find('gm0363')?.slug).toBe('amsterdam');
		expect(fixture.find('amsterdam')?.code).toBe('GM0363');
		expect(fixture.find('Amsterdam')?.code).toBe('GM0363');
		expect(fixture.find('s-gravenhage')?.code).toBe('GM0518');
		expect(fixture.find('den-haag')?.code).toBe('GM0518');
		expect(fixture.find('nope')).toBeNull();
	});

	it('shows the everyday name next to the CBS name', () => {
		expect(fixture.find('GM0518')?.displayName).toBe("'s-Gravenhage (Den Haag)");
		expect(fixture.find('GM0373')?.displayName).toBe('Bergen (NH.)');
	});
});

describe('places', () => {
	const withPlaces = createGemeenteIndex(
		[
			gemeente('GM0479', 'Zaanstad', 'Noord-Holland'),
			gemeente('GM0518', "'s-Gravenhage", 'Zuid-Holland'),
			gemeente('GM0164', 'Hengelo (O.)', 'Overijssel'),
			gemeente('GM1876', 'Bronckhorst', 'Gelderland'),
			gemeente('GM0373', 'Bergen (NH.)', 'Noord-Holland')
		],
		[
			{ name: 'Zaandam', gemeenteCode: 'GM0479' },
			{ name: 'Krommenie', gemeenteCode: 'GM0479' },
			{ name: 'Scheveningen', gemeenteCode: 'GM0518' },
			{ name: "'s-Gravenhage", gemeenteCode: 'GM0518' },
			{ name: 'Hengelo', gemeenteCode: 'GM0164' },
			{ name: 'Hengelo (Gld)', gemeenteCode: 'GM1876' },
			{ name: 'Bergen (NH)', gemeenteCode: 'GM0373' },
			{ name: 'Bergen aan Zee', gemeenteCode: 'GM0373' }
		]
	);
	const hits = (query: string) => withPlaces.search(query).map((g) => [g.name, g.place]);

	it('finds the gemeente of a woonplaats or a district, and says which place matched', () => {
		expect(hits('Zaandam')).toEqual([['Zaanstad', 'Zaandam']]);
		expect(hits('zaandam ')).toEqual([['Zaanstad', 'Zaandam']]);
		expect(hits('Scheveningen')).toEqual([["'s-Gravenhage", 'Scheveningen']]);
		expect(hits('krommen')).toEqual([['Zaanstad', 'Krommenie']]);
	});

	it('a gemeente found by its own name names no place; a place of the same name elsewhere follows, with its place', () => {
		expect(hits('Hengelo')).toEqual([
			['Hengelo (O.)', null],
			['Bronckhorst', 'Hengelo (Gld)']
		]);
		expect(hits('Bergen')).toEqual([['Bergen (NH.)', null]]);
		expect(hits('bergen aan')).toEqual([['Bergen (NH.)', 'Bergen aan Zee']]);
	});

	it('needs three letters before a place is matched on its start', () => {
		expect(hits('za')).toEqual([['Zaanstad', null]]);
		expect(hits('kr')).toEqual([]);
	});

	it('lists the gemeenten in name order, with the article of \'s-Gravenhage ignored as CBS does', () => {
		expect(withPlaces.all.map((g) => g.name)).toEqual(['Bergen (NH.)', 'Bronckhorst', 'Hengelo (O.)', "'s-Gravenhage", 'Zaanstad']);
	});
});

describe('against the local stack', () => {
	beforeAll(() => {
		connectTestDatabase();
	});

	it('loads all 342 gemeenten, in name order', async () => {
		const all = await listGemeenten();
		expect(all).toHaveLength(342);
		expect(new Set(all.map((g) => g.slug)).size).toBe(342);
		expect(all.slice(0, 3).map((g) => g.name)).toEqual(['Aa en Hunze', 'Aalsmeer', 'Aalten']);
		expect(all.at(-1)?.name).toBe('Zwolle');
	});

	it('finds gemeenten by any of the 2,502 woonplaatsen of CBS, and by a few well-known districts', async () => {
		expect((await searchGemeenten('Zaandam')).map((g) => [g.code, g.place])).toEqual([['GM0479', 'Zaandam']]);
		expect((await searchGemeenten('Scheveningen'))[0]).toMatchObject({ code: 'GM0518', place: 'Scheveningen' });
		expect((await searchGemeenten('Hoek van Holland'))[0]).toMatchObject({ code: 'GM0599', place: 'Hoek van Holland' });
		// A name in two gemeenten: both, each with its own place.
		const beek = (await searchGemeenten('Beek')).filter((g) => g.place?.startsWith('Beek'));
		expect(beek.length).toBeGreaterThan(1);
		const { service } = connectTestDatabase();
		const { count } = await service.from('woonplaatsen').select('*', { count: 'exact', head: true }).eq('kind', 'woonplaats');
		expect(count).toBe(2502);
	});

	it('finds Den Haag, both Bergens and the Frisian gemeenten', async () => {
		expect((await searchGemeenten('den haag')).map((g) => g.code)).toEqual(['GM0518']);
		expect((await searchGemeenten('bergen')).slice(0, 3).map((g) => g.name)).toEqual([
			'Bergen (L.)',
			'Bergen (NH.)',
			'Bergen op Zoom'
		]);
		const fryslan = await searchGemeenten('fryslan');
		expect(fryslan.slice(0, 2).map((g) => g.name)).toEqual(['Noardeast-Fryslân', 'Súdwest-Fryslân']);
		expect(fryslan).toHaveLength(18);
		expect(fryslan.every((g) => g.province === 'Fryslân')).toBe(true);
	});

	it('finds a gemeente by code or slug', async () => {
		expect((await findGemeente('gm0363'))?.name).toBe('Amsterdam');
		expect((await findGemeente('zaanstad'))?.code).toBe('GM0479');
		expect(await findGemeente('nope')).toBeNull();
	});

	it("loads a gemeente's page with its kringen and parties in one go", async () => {
		const zaanstad = await gemeentePage('GM0479');
		expect(zaanstad?.name).toBe('Zaanstad');
		expect(zaanstad?.kringen.length).toBeGreaterThan(0);
		expect(zaanstad?.parties.length).toBeGreaterThan(0);
		expect(Object.keys(zaanstad?.parties[0] ?? {}).sort()).toEqual(['abbreviation', 'name']);
		expect(Object.keys(zaanstad?.kringen[0] ?? {}).sort()).toEqual(['kind', 'name', 'slug']);

		const amsterdam = await gemeentePage('GM0363');
		expect(amsterdam).toMatchObject({ code: 'GM0363', slug: 'amsterdam', province: 'Noord-Holland' });
		expect(await gemeentePage('GM9999')).toBeNull();
	});
});
