/**
 * What a KASAM reflection can ever show: the aggregate of at least k answers (never anything about one
 * person), its dimensions and free-text kinds.
 */
export const KASAM_DIMENSIONS = ['comprehensibility', 'manageability', 'meaningfulness'] as const;
export type KasamDimension = (typeof KASAM_DIMENSIONS)[number];
export const KASAM_TEXTS = ['helps', 'hinders', 'important'] as const;
export type KasamTextKind = (typeof KASAM_TEXTS)[number];

/** The smallest number of answers that may ever be revealed, and the default. */
export const KASAM_MIN_K = 3;
export const KASAM_DEFAULT_K = 5;

export interface KasamDimensionAggregate {
  /** distribution[i] = how many answered i + 1 (1–7). */
  distribution: number[];
  median: number;
}

/** What a reveal shows: never anything about one person. Texts are shuffled. */
export interface KasamAggregate {
  n: number;
  k: number;
  dimensions: Record<KasamDimension, KasamDimensionAggregate>;
  texts: Record<KasamTextKind, string[]>;
}

/** Median of a sorted-or-not list of numbers (mean of the middle two for an even count). */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
