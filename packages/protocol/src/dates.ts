/**
 * Days as teams live them: `YYYY-MM-DD` strings in the team's time zone. The API and the web app use these
 * and nothing else to decide what "today" is, so a plan made at 23:30 lands on the same day on both sides.
 */

/** The time zone of a team's days. Our teams are in Sweden; one constant keeps every "today" the same. */
export const TEAM_TIME_ZONE = 'Europe/Stockholm';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` of `date` in `timeZone`. */
export function dayOf(date: Date, timeZone: string = TEAM_TIME_ZONE): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(date);
}

/** Today in `timeZone` (the team's by default). */
export const todayIn = (timeZone: string = TEAM_TIME_ZONE, now: Date = new Date()): string => dayOf(now, timeZone);

/** The day `n` days after `day` (before, for negative `n`); calendar days, whatever the clock changes. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole days between an ISO time and now (the age of an escalation or a risk). */
export function ageInDays(iso: string, now: number = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 86_400_000));
}

export type DayStyle = 'medium' | 'long';

/** A day for people to read, in Swedish or English: "2 dec. 2026" / "onsdag 2 december". */
export function formatDay(day: string, locale: string, style: DayStyle = 'medium'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long' ? { weekday: 'long', day: 'numeric', month: 'long' } : { dateStyle: 'medium' };
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { ...options, timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}
