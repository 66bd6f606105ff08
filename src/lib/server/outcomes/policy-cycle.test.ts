// The policy cycle's moments: estimates (the election on the third Wednesday of March, as on
// 18 March 2026), the next occurrence of each, real dates winning over estimates.
import { describe, expect, it } from 'vitest';
import { addDays, dutchDay, estimatedDate, settableMoments, upcomingMoments } from './policy-cycle';

describe('the policy cycle', () => {
	it('estimates: elections on the third Wednesday of March, the rest at fixed points of the year', () => {
		expect(estimatedDate('verkiezingen', 2026)).toBe('2026-03-18');
		expect(estimatedDate('verkiezingen', 2030)).toBe('2030-03-20');
		expect(estimatedDate('kadernota', 2027)).toBe('2027-06-30');
		expect(estimatedDate('begroting', 2027)).toBe('2027-11-10');
	});

	it('in December 2026: the kadernota and begroting of 2027, the next election in 2030 and the akkoord after it', () => {
		const moments = upcomingMoments('2026-12-02', []);
		expect(moments.map((m) => [m.kind, m.date, m.label, m.estimated])).toEqual([
			['kadernota', '2027-06-30', 'Kadernota of voorjaarsnota 2027', true],
			['begroting', '2027-11-10', 'Begroting 2028', true],
			['verkiezingen', '2030-03-20', 'Gemeenteraadsverkiezingen 2030', true],
			['coalitieakkoord', '2030-05-31', 'Coalitieakkoord 2030', true]
		]);
		expect(moments[0].suggestion).toContain('Stuur vóór de kadernota jullie drie punten');
		expect(moments.map((m) => m.occasionKey)).toEqual(['kadernota_2027', 'begroting_2028', 'verkiezingen_2030', 'coalitieakkoord_2030']);
	});

	it('in spring 2026 the coalitieakkoord comes first; a real date replaces the estimate', () => {
		const stored = [{ kind: 'coalitieakkoord' as const, year: 2026, onDate: '2026-04-22', note: 'Presentatie in de raad', setBy: 'Sanne Jansen' }];
		const moments = upcomingMoments('2026-04-01', stored);
		expect(moments[0]).toMatchObject({ kind: 'coalitieakkoord', date: '2026-04-22', estimated: false, note: 'Presentatie in de raad', setBy: 'Sanne Jansen' });
		// Once passed, the next one is four years on.
		expect(upcomingMoments('2026-04-23', stored).find((m) => m.kind === 'coalitieakkoord')?.date).toBe('2030-05-31');
	});

	it('editors can set this and next year’s moments; the akkoord and the election only in an election year', () => {
		expect(settableMoments('2026-12-02', []).map((m) => `${m.kind} ${m.year}`)).toEqual([
			'coalitieakkoord 2026', 'kadernota 2026', 'begroting 2026', 'verkiezingen 2026', 'kadernota 2027', 'begroting 2027'
		]);
	});

	it('days in Dutch time', () => {
		expect(dutchDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
		expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
	});
});
