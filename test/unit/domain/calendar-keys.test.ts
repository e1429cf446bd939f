import { addMonths, isoWeekOf, monthOf, monthsEndingWith } from '../../../shared/domain/calendar-keys';

describe('calendar keys', () => {
  it('names ISO 8601 weeks, across year ends', () => {
    // Act / Assess
    expect(isoWeekOf(new Date('2026-03-02T00:00:00Z'))).toBe('2026-W10'); // a Monday
    expect(isoWeekOf(new Date('2026-03-08T23:59:59Z'))).toBe('2026-W10'); // its Sunday
    expect(isoWeekOf(new Date('2025-12-29T08:00:00Z'))).toBe('2026-W01'); // 2026 starts on a Thursday
    expect(isoWeekOf(new Date('2027-01-01T08:00:00Z'))).toBe('2026-W53'); // a Friday
    expect(isoWeekOf(new Date('2027-01-04T08:00:00Z'))).toBe('2027-W01');
  });

  it('counts months in UTC, across years', () => {
    // Act / Assess
    expect(monthOf('2026-12-31T23:30:00-02:00')).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(monthsEndingWith('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });
});
