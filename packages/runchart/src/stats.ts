/**
 * The numbers behind the run-chart rules: the median, and the two Anhøj limits.
 *
 * - Longest run: a run longer than round(log2(n) + 3) is a signal (Schilling 2012, as used by Anhøj &
 *   Olesen 2014), n = the number of useful points (points not on the centre line).
 * - Crossings: fewer crossings than the lower 5 % limit of Binomial(n − 1, 0.5) is a signal (Chen 2010, as
 *   used by Anhøj & Olesen 2014), i.e. qbinom(0.05, n − 1, 0.5) in R.
 */

/** The median of the values (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** ln(n!) by summing logs: exact enough for the sizes a run chart has, and simple. */
function logFactorial(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
}

/**
 * The binomial quantile: the smallest k with P(X ≤ k) ≥ p for X ~ Binomial(size, prob), as R's
 * `qbinom(p, size, prob)`. Computed in log space, so it holds for any size.
 */
export function qbinom(p: number, size: number, prob = 0.5): number {
  if (!Number.isInteger(size) || size < 0) throw new RangeError('size must be a whole number ≥ 0');
  if (!(p >= 0 && p <= 1)) throw new RangeError('p must be between 0 and 1');
  if (prob <= 0) return 0;
  if (prob >= 1) return size;
  const target = p * (1 - 64 * Number.EPSILON); // R's fuzz: a CDF equal to p counts as reaching it
  const lnN = logFactorial(size);
  const lnP = Math.log(prob);
  const lnQ = Math.log(1 - prob);
  let lnK = 0; // ln(k!)
  let cdf = 0;
  for (let k = 0; k <= size; k++) {
    if (k > 1) lnK += Math.log(k);
    const lnNK = logFactorial(size - k);
    cdf += Math.exp(lnN - lnK - lnNK + k * lnP + (size - k) * lnQ);
    if (cdf >= target) return k;
  }
  return size;
}

/** Upper limit for the longest run among `useful` points: round(log2(n) + 3). Null below one point. */
export function longestRunLimit(useful: number): number | null {
  if (useful < 1) return null;
  return Math.round(Math.log2(useful) + 3);
}

/** Lower limit for the number of crossings among `useful` points: qbinom(0.05, n − 1, 0.5). */
export function crossingsLimit(useful: number): number | null {
  if (useful < 1) return null;
  return qbinom(0.05, useful - 1, 0.5);
}
