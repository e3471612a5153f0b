/**
 * A small, strict check of iCalendar RRULE strings (RFC 5545 §3.3.10) as forums use them:
 * `FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=30`, optionally prefixed `RRULE:`.
 * It only validates; turning a rule into dates and words is the client's job.
 */
const DAY = /^([+-]?(?:[1-9]|[1-4][0-9]|5[0-3]))?(MO|TU|WE|TH|FR|SA|SU)$/;
const intList =
  (min: number, max: number, allowNegative = false) =>
  (v: string) =>
    v.split(',').every((p) => {
      if (!/^[+-]?\d{1,3}$/.test(p)) return false;
      const n = Number(p);
      if (n === 0 && min > 0) return false;
      if (n < 0 && !allowNegative) return false;
      return Math.abs(n) >= (allowNegative ? 1 : min) && Math.abs(n) <= max;
    });

const PARTS: Record<string, (v: string) => boolean> = {
  FREQ: (v) => ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(v),
  INTERVAL: (v) => /^\d{1,3}$/.test(v) && Number(v) >= 1,
  COUNT: (v) => /^\d{1,4}$/.test(v) && Number(v) >= 1,
  UNTIL: (v) => /^\d{8}(T\d{6}Z?)?$/.test(v),
  BYDAY: (v) => v.split(',').every((d) => DAY.test(d)),
  BYHOUR: intList(0, 23),
  BYMINUTE: intList(0, 59),
  BYMONTHDAY: intList(1, 31, true),
  BYMONTH: intList(1, 12),
  BYSETPOS: intList(1, 366, true),
  WKST: (v) => ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].includes(v),
};

/** Why the rule is invalid, or null when it is fine. */
export function rruleProblem(input: string): string | null {
  const rule = input.startsWith('RRULE:') ? input.slice(6) : input;
  if (rule.length === 0 || rule.length > 300) return 'must be 1–300 characters';
  const seen = new Set<string>();
  for (const part of rule.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return `"${part.slice(0, 20)}" is not KEY=VALUE`;
    const key = part.slice(0, eq);
    const value = part.slice(eq + 1);
    const check = Object.hasOwn(PARTS, key) ? PARTS[key] : undefined;
    if (!check) return `unknown part ${key.slice(0, 20)}`;
    if (seen.has(key)) return `${key} appears twice`;
    seen.add(key);
    if (!check(value)) return `${key} has an invalid value`;
  }
  if (!seen.has('FREQ')) return 'FREQ is required';
  if (seen.has('COUNT') && seen.has('UNTIL')) return 'COUNT and UNTIL cannot both be given';
  return null;
}
