/**
 * One factor for every wait and timeout of the browser tests: TILLIT_TEST_TIME_FACTOR (default 1), the same
 * variable the API tests read (apps/api/test/time.ts). On a busy machine raise it, e.g. to 3: Playwright then
 * waits longer before it calls something late, so the machine makes the suite slower, not red. Only limits scale;
 * what a test expects does not.
 */
export const TIME_FACTOR = timeFactor(process.env.TILLIT_TEST_TIME_FACTOR);

/** `ms` stretched by the factor: a limit that a quiet machine meets easily. */
export const scaled = (ms: number): number => Math.round(ms * TIME_FACTOR);

function timeFactor(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 1;
  const factor = Number(raw);
  // A typo must not shrink every limit to nothing, or stretch it to forever without anyone noticing.
  if (!Number.isFinite(factor) || factor < 1 || factor > 20) {
    throw new Error(`TILLIT_TEST_TIME_FACTOR must be a number from 1 to 20, not ${JSON.stringify(raw)}`);
  }
  return factor;
}
