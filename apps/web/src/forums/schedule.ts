/**
 * Forum schedules are iCalendar RRULEs (the API validates them with `rruleProblem`). This file turns the
 * subset the form builds back into a form draft, and any rule into words in the reader's language.
 */
import type { TFunction } from 'i18next';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
const WORKDAYS: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];

export type Repeat = 'none' | 'daily' | 'weekly' | 'monthly';
/** What the form edits. `time` is "HH:MM" or "" (no time of day). */
export interface ScheduleDraft {
  repeat: Repeat;
  interval: number;
  days: Weekday[];
  time: string;
}

export const EMPTY_SCHEDULE: ScheduleDraft = { repeat: 'none', interval: 1, days: [], time: '' };

export function parseRRule(rule: string): Map<string, string> {
  const body = rule.startsWith('RRULE:') ? rule.slice(6) : rule;
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) parts.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return parts;
}

export function toRRule(d: ScheduleDraft): string | null {
  if (d.repeat === 'none') return null;
  const parts = [`FREQ=${d.repeat.toUpperCase()}`];
  if (d.interval > 1) parts.push(`INTERVAL=${d.interval}`);
  if (d.repeat === 'weekly' && d.days.length > 0) {
    parts.push(`BYDAY=${WEEKDAYS.filter((w) => d.days.includes(w)).join(',')}`);
  }
  const time = /^(\d{1,2}):(\d{2})$/.exec(d.time);
  if (time) parts.push(`BYHOUR=${Number(time[1])}`, `BYMINUTE=${Number(time[2])}`);
  return parts.join(';');
}

/** The form's draft for a rule, or null when the rule uses more than the form can show. */
export function draftOf(rule: string | null): ScheduleDraft | null {
  if (!rule) return EMPTY_SCHEDULE;
  const p = parseRRule(rule);
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYHOUR', 'BYMINUTE']);
  if ([...p.keys()].some((k) => !known.has(k))) return null;
  const freq = p.get('FREQ')?.toLowerCase();
  if (freq !== 'daily' && freq !== 'weekly' && freq !== 'monthly') return null;
  const days = p.get('BYDAY')?.split(',') ?? [];
  if (days.some((day) => !(WEEKDAYS as readonly string[]).includes(day))) return null;
  if (days.length > 0 && freq !== 'weekly') return null;
  const hour = p.get('BYHOUR');
  const minute = p.get('BYMINUTE') ?? '0';
  if (hour?.includes(',') || minute.includes(',')) return null;
  return {
    repeat: freq,
    interval: Number(p.get('INTERVAL') ?? 1),
    days: days as Weekday[],
    time: hour === undefined ? '' : `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`,
  };
}

const DAY_INDEX: Record<Weekday, number> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 0 };

export function weekdayName(day: Weekday, locale: string): string {
  // 2024-01-07 was a Sunday.
  const date = new Date(Date.UTC(2024, 0, 7 + DAY_INDEX[day]));
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { weekday: 'long', timeZone: 'UTC' }).format(
    date,
  );
}

function list(items: string[], locale: string): string {
  return new Intl.ListFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { style: 'long', type: 'conjunction' }).format(items);
}

/** A schedule in words, e.g. "Varje vardag kl. 08:30" / "Every weekday at 08:30". */
export function describeSchedule(rule: string | null, t: TFunction, locale: string): string {
  if (!rule) return t('schedule.none');
  const p = parseRRule(rule);
  const freq = p.get('FREQ');
  const n = Number(p.get('INTERVAL') ?? 1);
  const byDay = p.get('BYDAY')?.split(',') ?? [];
  const plainDays = byDay.filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d));
  const ordinalDays = byDay.length > 0 && plainDays.length === 0 ? byDay : [];
  let text: string;
  switch (freq) {
    case 'DAILY':
      text = n === 1 ? t('schedule.daily') : n === 2 ? t('schedule.everyOtherDay') : t('schedule.everyNDays', { n });
      break;
    case 'WEEKLY': {
      const days = list(
        plainDays.map((d) => weekdayName(d, locale)),
        locale,
      );
      const workdays = plainDays.length === 5 && WORKDAYS.every((d) => plainDays.includes(d));
      if (n === 1 && workdays) text = t('schedule.weekdays');
      else if (plainDays.length === 0) {
        text =
          n === 1 ? t('schedule.weekly') : n === 2 ? t('schedule.everyOtherWeek') : t('schedule.everyNWeeks', { n });
      } else {
        text =
          n === 1
            ? t('schedule.weeklyOn', { days })
            : n === 2
              ? t('schedule.everyOtherWeekOn', { days })
              : t('schedule.everyNWeeksOn', { n, days });
      }
      break;
    }
    case 'MONTHLY': {
      const monthDay = p.get('BYMONTHDAY');
      const first = ordinalDays[0] ? /^([+-]?\d+)(MO|TU|WE|TH|FR|SA|SU)$/.exec(ordinalDays[0]) : null;
      if (monthDay && !monthDay.includes(',')) {
        const day = Number(monthDay);
        text = day === -1 ? t('schedule.monthlyLastDay') : t('schedule.monthlyOnDay', { day });
      } else if (first && ordinalDays.length === 1) {
        const which = Number(first[1]);
        const ordinal =
          which === -1
            ? t('schedule.ordinalLast')
            : which >= 1 && which <= 4
              ? t(`schedule.ordinal${which as 1 | 2 | 3 | 4}`)
              : String(which);
        text = t('schedule.monthlyOnWeekday', { ordinal, weekday: weekdayName(first[2] as Weekday, locale) });
      } else {
        text = t('schedule.monthly');
      }
      if (n > 1) text = t('schedule.withInterval', { schedule: text, n });
      break;
    }
    case 'YEARLY':
      text = t('schedule.yearly');
      break;
    default:
      return rule;
  }
  const hours = p.get('BYHOUR')?.split(',').map(Number) ?? [];
  const minute = Number(p.get('BYMINUTE')?.split(',')[0] ?? 0);
  if (hours.length > 0) {
    const times = hours.map((h) => `${String(h).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
    text = t('schedule.at', { schedule: text, time: list(times, locale) });
  }
  const count = p.get('COUNT');
  const until = p.get('UNTIL');
  if (count) text = t('schedule.count', { schedule: text, count: Number(count) });
  else if (until) {
    const date = `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`;
    text = t('schedule.until', { schedule: text, date });
  }
  return text;
}
