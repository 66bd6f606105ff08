// The moments a letter is offered for follow the gemeente's year from today's date, in Amsterdam.
import { describe, expect, it } from 'vitest';
import { occasionByKey, upcomingOccasions } from './occasions';

const keys = (iso: string) => upcomingOccasions(new Date(iso)).map((o) => o.key);

describe('upcoming occasions', () => {
	it('after the 2026 begroting: the kadernota 2027 first, then the begroting 2028 and the next election', () => {
		expect(keys('2026-12-02T10:00:00Z')).toEqual(['kadernota_2027', 'begroting_2028', 'verkiezingen_2030']);
	});

	it('in the spring after an election: the kadernota, the coalitieakkoord still being written, then the begroting', () => {
		expect(keys('2026-04-01T10:00:00Z')).toEqual(['kadernota_2026', 'coalitieakkoord_2026', 'begroting_2027', 'verkiezingen_2030']);
	});

	it('after the summer: the begroting first', () => {
		expect(keys('2027-08-01T10:00:00Z')).toEqual(['begroting_2028', 'kadernota_2028', 'verkiezingen_2030']);
	});

	it('counts the day in Amsterdam: new year there is still 31 December in UTC', () => {
		expect(keys('2029-12-31T23:30:00Z')).toEqual(['verkiezingen_2030', 'kadernota_2030', 'coalitieakkoord_2030', 'begroting_2031']);
		expect(keys('2029-12-31T22:30:00Z')).toEqual(['verkiezingen_2030', 'kadernota_2030', 'begroting_2031']);
	});

	it('says what each is and when it is decided', () => {
		const [first] = upcomingOccasions(new Date('2026-12-02T10:00:00Z'));
		expect(first).toMatchObject({ label: 'De kadernota 2027', when: 'voorjaar 2027, besluit meestal in juni of juli' });
	});

	it('knows a key also when it is no longer offered, and nothing else', () => {
		expect(occasionByKey('verkiezingen_2026')?.label).toBe('Gemeenteraadsverkiezingen 2026');
		expect(occasionByKey('begroting_2028')?.label).toBe('De begroting 2028');
		expect(occasionByKey('anders')).toBeNull();
		expect(occasionByKey('feest_2027')).toBeNull();
	});
});
