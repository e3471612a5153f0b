/**
 * One factor for every wait and timeout of the API tests: TILLIT_TEST_TIME_FACTOR (default 1). On a busy machine
 * (CI on two shared cores) raise it, e.g. to 3: the suite then waits longer before it calls something late, so the
 * machine makes it slower, not red. Only limits scale — how long something may take before the test gives up; a
 * pause that paces a test (a writer sleeping 15 ms between items) stays as written, and so does every assertion.
 * Jest's own per-test timeout is scaled in test/jest.setup.ts; the browser tests have the same factor in
 * apps/e2e/tests/support/time.ts.
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
