/** Days as teams live them: today in Europe/Stockholm, calendar arithmetic, days for people to read. */
import { addDays, ageInDays, dayOf, formatDay, TEAM_TIME_ZONE, todayIn } from '../src/index.js';

const at = (iso: string) => new Date(iso);

describe('todayIn (Europe/Stockholm)', () => {
  test('a winter day turns at 23:00 UTC (local midnight, UTC+1)', () => {
    expect(todayIn(TEAM_TIME_ZONE, at('2026-03-02T22:59:59Z'))).toBe('2026-03-02');
    expect(todayIn(TEAM_TIME_ZONE, at('2026-03-02T23:00:00Z'))).toBe('2026-03-03');
  });

  test('a summer day turns at 22:00 UTC (UTC+2)', () => {
    expect(todayIn(TEAM_TIME_ZONE, at('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
    expect(todayIn(TEAM_TIME_ZONE, at('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  test('the day the clocks go forward (29 March 2026) starts at winter time and ends at summer time', () => {
    expect(todayIn(TEAM_TIME_ZONE, at('2026-03-28T22:59:59Z'))).toBe('2026-03-28');
    expect(todayIn(TEAM_TIME_ZONE, at('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    expect(todayIn(TEAM_TIME_ZONE, at('2026-03-29T21:59:59Z'))).toBe('2026-03-29');
    expect(todayIn(TEAM_TIME_ZONE, at('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
  });

  test('the day the clocks go back (25 October 2026) is 25 hours long', () => {
    expect(todayIn(TEAM_TIME_ZONE, at('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
    expect(todayIn(TEAM_TIME_ZONE, at('2026-10-25T22:59:59Z'))).toBe('2026-10-25');
    expect(todayIn(TEAM_TIME_ZONE, at('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });

  test("the team's zone is the default, and another zone gives its own day", () => {
    const lateEvening = at('2026-03-02T23:30:00Z');
    expect(todayIn(undefined, lateEvening)).toBe('2026-03-03');
    expect(dayOf(lateEvening)).toBe('2026-03-03');
    expect(dayOf(lateEvening, 'UTC')).toBe('2026-03-02');
    expect(dayOf(lateEvening, 'America/New_York')).toBe('2026-03-02');
  });
});

describe('addDays', () => {
  test('across the end of a month and of a year, both ways', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-03-02', -7)).toBe('2026-02-23');
    expect(addDays('2026-03-02', 0)).toBe('2026-03-02');
  });

  test('calendar days over the clock changes', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2026-03-01', 365)).toBe('2027-03-01');
  });
});

test('ageInDays counts whole days and never goes below zero', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  expect(ageInDays('2026-03-10T08:00:00Z', now)).toBe(0);
  expect(ageInDays('2026-03-09T12:00:00Z', now)).toBe(1);
  expect(ageInDays('2026-03-01T13:00:00Z', now)).toBe(8);
  expect(ageInDays('2026-03-11T12:00:00Z', now)).toBe(0);
});

describe('formatDay', () => {
  test('medium, in Swedish and English', () => {
    expect(formatDay('2026-12-02', 'sv')).toBe('2 dec. 2026');
    expect(formatDay('2026-12-02', 'en')).toBe('2 Dec 2026');
  });

  test('long, with the weekday', () => {
    expect(formatDay('2026-12-02', 'sv', 'long')).toBe('onsdag 2 december');
    expect(formatDay('2026-12-02', 'en', 'long')).toBe('Wednesday 2 December');
  });

  test("the day stays the day whatever the reader's clock (the DST days included)", () => {
    expect(formatDay('2026-03-29', 'sv', 'long')).toBe('söndag 29 mars');
    expect(formatDay('2026-10-25', 'en', 'long')).toBe('Sunday 25 October');
  });
});
