import {
  addBusinessDays,
  addBusinessHours,
  addLocalDays,
  type BusinessCalendar,
  fromLocal,
  toLocal,
} from '../../../shared/domain/business-calendar';

const berlin: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  workingDays: [1, 2, 3, 4, 5],
  holidays: ['2026-12-25'],
  workingHours: { start: '09:00', end: '17:00' },
};
const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('business calendar', () => {
  it('adds business days over a weekend, keeping the wall-clock time', () => {
    // Prepare: Friday 2026-03-06 10:00 Berlin (09:00Z)
    const friday = t('2026-03-06T09:00:00Z');
    // Act / Assess: Monday 10:00 Berlin
    expect(iso(addBusinessDays(berlin, friday, 1))).toBe('2026-03-09T09:00:00.000Z');
  });

  it('skips a holiday', () => {
    // Prepare: Thursday 2026-12-24 10:00 Berlin; the 25th is a holiday
    const thursday = t('2026-12-24T09:00:00Z');
    // Act / Assess: Monday the 28th
    expect(iso(addBusinessDays(berlin, thursday, 1))).toBe('2026-12-28T09:00:00.000Z');
  });

  it('counts a request made on a day off as one made at the close of the next working day', () => {
    // Prepare: Saturday 2026-03-07 12:00 Berlin
    const saturday = t('2026-03-07T11:00:00Z');
    // Act / Assess: Monday 17:00 Berlin (16:00Z)
    expect(iso(addBusinessDays(berlin, saturday, 1))).toBe('2026-03-09T16:00:00.000Z');
  });

  it('keeps the wall-clock time across the spring DST change (a 23-hour business day)', () => {
    // Prepare: Friday 2026-03-27 10:00 CET (09:00Z); DST starts Sunday the 29th
    const friday = t('2026-03-27T09:00:00Z');
    // Act
    const monday = addBusinessDays(berlin, friday, 1);
    // Assess: Monday 10:00 CEST is 08:00Z
    expect(iso(monday)).toBe('2026-03-30T08:00:00.000Z');
    expect(toLocal(monday, 'Europe/Berlin')).toMatchObject({ day: 30, hour: 10, minute: 0 });
  });

  it('adds local days at the same wall-clock time across the autumn DST change', () => {
    // Prepare: Saturday 2026-10-24 12:00 CEST (10:00Z); DST ends on the 25th
    // Act / Assess: 12:00 CET on the 26th is 11:00Z
    expect(iso(addLocalDays(berlin, t('2026-10-24T10:00:00Z'), 2))).toBe('2026-10-26T11:00:00.000Z');
  });

  it('adds business hours inside working hours, carrying over to the next working day', () => {
    // Prepare: Friday 2026-03-06 15:00 Berlin (14:00Z): 2 h left that day
    // Act / Assess: 4 business hours end Monday 11:00 Berlin (10:00Z)
    expect(iso(addBusinessHours(berlin, t('2026-03-06T14:00:00Z'), 4))).toBe('2026-03-09T10:00:00.000Z');
    // Before opening: starts at 09:00
    expect(iso(addBusinessHours(berlin, t('2026-03-09T05:00:00Z'), 1))).toBe('2026-03-09T09:00:00.000Z');
    // After closing: the next working day
    expect(iso(addBusinessHours(berlin, t('2026-03-09T18:00:00Z'), 1))).toBe('2026-03-10T09:00:00.000Z');
  });

  it('works in other zones (Asia/Shanghai, no DST; America/New_York, its own DST date)', () => {
    // Prepare
    const shanghai = { ...berlin, timeZone: 'Asia/Shanghai', holidays: [] };
    const newYork = { ...berlin, timeZone: 'America/New_York', holidays: [] };
    // Act / Assess: Friday 2026-03-06 10:00 Shanghai (02:00Z) + 1 = Monday 02:00Z
    expect(iso(addBusinessDays(shanghai, t('2026-03-06T02:00:00Z'), 1))).toBe('2026-03-09T02:00:00.000Z');
    // Friday 2026-03-06 10:00 EST (15:00Z) + 1 = Monday 10:00 EDT (14:00Z): DST began on the 8th
    expect(iso(addBusinessDays(newYork, t('2026-03-06T15:00:00Z'), 1))).toBe('2026-03-09T14:00:00.000Z');
  });

  it('reads a wall-clock time skipped by DST as after the gap', () => {
    // Act: 02:30 on 2026-03-29 does not exist in Berlin
    const instant = fromLocal(
      { year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0, ms: 0 },
      'Europe/Berlin',
    );
    // Assess: 03:30 CEST = 01:30Z
    expect(iso(instant)).toBe('2026-03-29T01:30:00.000Z');
  });
});
