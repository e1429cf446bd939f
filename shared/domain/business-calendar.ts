/**
 * The team's business calendar: its working days, its holidays (local dates) and its IANA time zone,
 * with the working hours business hours are counted in. Every SLA due time is computed here. Pure:
 * time zones come from Intl, so a DST change is the zone's own (a business day keeps its wall-clock
 * time, so across a DST change it is 23 or 25 hours long).
 */
export interface BusinessCalendar {
  /** IANA zone, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** ISO weekdays that are worked: 1 Monday … 7 Sunday. */
  workingDays: number[];
  /** Local dates not worked, `YYYY-MM-DD`. */
  holidays: string[];
  /** Local working hours, `HH:MM`, for business hours. */
  workingHours: { start: string; end: string };
}

export const DEFAULT_CALENDAR: BusinessCalendar = {
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  holidays: [],
  workingHours: { start: '09:00', end: '17:00' },
};

/** A wall-clock time in the calendar's zone (month 1–12). */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone (settings are checked with this). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function toLocal(instant: number, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
    ms: ((instant % 1000) + 1000) % 1000,
  };
}

const wallMs = (t: LocalTime) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.ms);

/**
 * The instant of a wall-clock time. A time skipped by a DST jump (02:30 on the spring-forward night)
 * is read with the offset before the jump, i.e. it lands after the gap; a repeated time (autumn)
 * takes its first occurrence.
 */
export function fromLocal(local: LocalTime, timeZone: string): number {
  const wall = wallMs(local);
  const offsetAt = (instant: number) => wallMs(toLocal(instant, timeZone)) - instant;
  const before = offsetAt(wall - 86_400_000);
  const after = offsetAt(wall + 86_400_000);
  // Try the earlier offset first (the first occurrence of a repeated time); keep whichever reads back.
  for (const offset of before >= after ? [before, after] : [after, before]) {
    const instant = wall - offset;
    if (wallMs(toLocal(instant, timeZone)) === wall) return instant;
  }
  return wall - before;
}

/** `YYYY-MM-DD` of a local time. */
export function localDate(t: Pick<LocalTime, 'year' | 'month' | 'day'>): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.year}-${pad(t.month)}-${pad(t.day)}`;
}

/** The local date `days` after (or before) a local date; the time of day is kept. */
function shiftDate<T extends Pick<LocalTime, 'year' | 'month' | 'day'>>(t: T, days: number): T {
  const d = new Date(Date.UTC(t.year, t.month - 1, t.day + days));
  return { ...t, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const isoWeekday = (t: Pick<LocalTime, 'year' | 'month' | 'day'>) =>
  new Date(Date.UTC(t.year, t.month - 1, t.day)).getUTCDay() || 7;

export function isWorkingDate(
  calendar: BusinessCalendar,
  t: Pick<LocalTime, 'year' | 'month' | 'day'>,
): boolean {
  return calendar.workingDays.includes(isoWeekday(t)) && !calendar.holidays.includes(localDate(t));
}

/** At most this many days are looked through for a working day (a calendar with none is refused). */
const SEARCH_DAYS = 366 * 2;

function nextWorkingDate<T extends Pick<LocalTime, 'year' | 'month' | 'day'>>(
  calendar: BusinessCalendar,
  t: T,
): T {
  let d = t;
  for (let i = 0; i < SEARCH_DAYS; i++) {
    if (isWorkingDate(calendar, d)) return d;
    d = shiftDate(d, 1);
  }
  throw new Error('the business calendar has no working day');
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};
const at = (t: LocalTime, minutes: number): LocalTime => ({
  ...t,
  hour: Math.floor(minutes / 60),
  minute: minutes % 60,
  second: 0,
  ms: 0,
});
const minuteOfDay = (t: LocalTime) => t.hour * 60 + t.minute + t.second / 60 + t.ms / 60_000;

/**
 * `days` business days after an instant: the same wall-clock time on the `days`-th working day after
 * it. An instant on a day off counts as the close of the next working day being its first day, so a
 * request made on Saturday gets as much working time (Monday, all of it) as one made on Friday.
 */
export function addBusinessDays(calendar: BusinessCalendar, instant: number, days: number): number {
  if (days <= 0) return instant;
  const { timeZone } = calendar;
  let t = toLocal(instant, timeZone);
  let left = days;
  if (!isWorkingDate(calendar, t)) {
    t = at(nextWorkingDate(calendar, t), minutesOf(calendar.workingHours.end));
    left--;
  }
  for (let i = 0; i < left; i++) t = nextWorkingDate(calendar, shiftDate(t, 1));
  return fromLocal(t, timeZone);
}

/**
 * `hours` business hours after an instant, counted only inside working hours on working days. An
 * instant outside them starts at the next opening; an answer that ends exactly at closing stays
 * there (not the next opening).
 */
export function addBusinessHours(calendar: BusinessCalendar, instant: number, hours: number): number {
  const { timeZone } = calendar;
  const open = minutesOf(calendar.workingHours.start);
  const close = minutesOf(calendar.workingHours.end);
  if (close <= open) throw new Error('working hours must end after they start');
  let left = hours * 60;
  let t = toLocal(instant, timeZone);
  let minute = minuteOfDay(t);
  if (!isWorkingDate(calendar, t) || minute >= close) {
    t = nextWorkingDate(calendar, isWorkingDate(calendar, t) && minute >= close ? shiftDate(t, 1) : t);
    minute = open;
  } else if (minute < open) {
    minute = open;
  }
  for (;;) {
    const room = close - minute;
    if (left <= room) {
      const end = minute + left;
      const whole = Math.floor(end);
      const local = { ...at(t, whole), ms: Math.round((end - whole) * 60_000) };
      return fromLocal(local, timeZone);
    }
    left -= room;
    t = nextWorkingDate(calendar, shiftDate(t, 1));
    minute = open;
  }
}

/** `days` calendar days after an instant at the same wall-clock time (23 or 25 h across DST). */
export function addLocalDays(calendar: BusinessCalendar, instant: number, days: number): number {
  const t = toLocal(instant, calendar.timeZone);
  return fromLocal(shiftDate(t, days), calendar.timeZone);
}
