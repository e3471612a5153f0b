/**
 * Forming breakout groups. Pure functions (the randomness is passed in), so they are tested directly.
 *
 * - `random`: a shuffle dealt round-robin.
 * - `balanced`: managers and facilitators spread over the groups first, then everyone else, newer and
 *   longer-serving colleagues mixed (dealt in a snake order by time in the team), so no group is all new
 *   or all managers.
 * Both try many candidates and keep the one that repeats the fewest pairs from last time's groups
 * ("avoiding last time's groupings where possible"); ties keep the first found.
 */
import type { TeamRole } from '@tillit/protocol';

export interface Candidate {
  userId: string;
  role: TeamRole | null;
  /** Position in the team by join date (0 = longest-serving). */
  seniority: number;
}

export type Rng = () => number;

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Every pair of people who sat in the same group. */
export function pairsOf(groups: string[][]): Set<string> {
  const out = new Set<string>();
  for (const g of groups) {
    for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) out.add(pairKey(g[i]!, g[j]!));
  }
  return out;
}

export function repeatedPairs(groups: string[][], last: Set<string>): number {
  let n = 0;
  for (const p of pairsOf(groups)) if (last.has(p)) n++;
  return n;
}

export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** How many groups "groups of about `size`" makes: sizes then differ by at most one. */
export const groupCount = (people: number, size: number) => Math.max(1, Math.ceil(people / size));

function dealRoundRobin(order: string[], count: number): string[][] {
  const groups: string[][] = Array.from({ length: count }, () => []);
  order.forEach((id, i) => groups[i % count]!.push(id));
  return groups;
}

/** Snake order (0,1,2,2,1,0,0,1,…) keeps each group's mix even when dealing a sorted list. */
function dealSnake(order: string[], count: number, start: number): string[][] {
  const groups: string[][] = Array.from({ length: count }, () => []);
  order.forEach((id, i) => {
    const round = Math.floor(i / count);
    const pos = i % count;
    const g = round % 2 === 0 ? pos : count - 1 - pos;
    groups[(g + start) % count]!.push(id);
  });
  return groups;
}

function balancedCandidate(people: Candidate[], count: number, rng: Rng): string[][] {
  const leads = people.filter((p) => p.role === 'manager' || p.role === 'facilitator');
  const others = people.filter((p) => !(p.role === 'manager' || p.role === 'facilitator'));
  // Shuffle within bands of similar seniority so repeated runs differ, while the mix stays.
  const bySeniority = (list: Candidate[]) => {
    const sorted = [...list].sort((a, b) => a.seniority - b.seniority);
    const bands: Candidate[][] = [];
    for (let i = 0; i < sorted.length; i += count) bands.push(shuffle(sorted.slice(i, i + count), rng));
    return bands.flat().map((p) => p.userId);
  };
  const order = [...shuffle(leads, rng).map((p) => p.userId), ...bySeniority(others)];
  const groups = dealSnake(order, count, Math.floor(rng() * count));
  // Filling the smallest groups first keeps sizes within one of each other (snake dealing already does).
  return groups;
}

export function formGroups(
  people: Candidate[],
  size: number,
  mode: 'random' | 'balanced',
  last: Set<string>,
  rng: Rng = Math.random,
  tries = 300,
): { groups: string[][]; repeatedPairs: number } {
  const count = groupCount(people.length, size);
  let best: string[][] | null = null;
  let bestScore = Infinity;
  for (let t = 0; t < tries && bestScore > 0; t++) {
    const candidate =
      mode === 'random'
        ? dealRoundRobin(
            shuffle(people, rng).map((p) => p.userId),
            count,
          )
        : balancedCandidate(people, count, rng);
    const score = repeatedPairs(candidate, last);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return { groups: best ?? [], repeatedPairs: bestScore === Infinity ? 0 : bestScore };
}
