/**
 * Votes count only while their item is on the voting board. When an item leaves it (deleted; before the
 * reveal also no longer open, or turned into a kind the phase does not vote on) the votes on it go back to
 * their owners, who may spend them again, and the tallies forget it.
 *
 * The commands that take an item off a board in a meeting call `releaseVotes` and put what it returns in
 * their event, so every device sees the budgets go up at once. An item can also leave a board unseen by this
 * meeting (deleted or closed in another meeting, on a REST page): `vote.cast` and `vote.reveal` check the
 * board again, so such votes cannot stay stuck either.
 */
import type { PhaseSettingsMap, VotesReleased } from '@tillit/protocol';
import { In, type EntityManager } from 'typeorm';
import { Item } from '../items/item.entity.js';
import { type StoredPhaseState, savePhaseState, stateOf } from '../live/phase-state.js';
import { MeetingPhase } from '../meetings/meeting.entity.js';

type VotingState = StoredPhaseState['voting'];

export function tallies(votes: Record<string, Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const perItem of Object.values(votes)) {
    for (const [itemId, n] of Object.entries(perItem)) out[itemId] = (out[itemId] ?? 0) + n;
  }
  return out;
}

export const usedVotes = (mine: Record<string, number> | undefined) =>
  Object.values(mine ?? {}).reduce((a, b) => a + b, 0);
export type BoardItem = Pick<Item, 'id' | 'kind' | 'status'>;

/** Whether votes on `item` (undefined: it no longer exists) count. Once revealed, the tallies were shown: only deletion removes. */
export function onBoard(
  state: VotingState,
  settings: PhaseSettingsMap['voting'],
  item: BoardItem | undefined,
): boolean {
  if (!item) return false;
  return state.revealed || (item.status === 'open' && settings.itemKinds.includes(item.kind));
}

/** The items among `ids` that exist in the team, by id, with what `onBoard` needs. */
export async function boardItems(
  m: EntityManager,
  teamId: string,
  ids: Iterable<string>,
): Promise<Map<string, BoardItem>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await m.find(Item, {
    select: { id: true, kind: true, status: true },
    where: { teamId, id: In(unique) },
  });
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * `votes` without those on items `keep` refuses, the items dropped, and the new used count of each person who
 * lost votes; null if nothing was dropped. A person keeps an empty entry, so they still show as having used 0.
 */
export function dropVotes(
  votes: VotingState['votes'],
  keep: (itemId: string) => boolean,
): { votes: VotingState['votes']; itemIds: string[]; used: Record<string, number> } | null {
  const next: VotingState['votes'] = {};
  const dropped = new Set<string>();
  const used: Record<string, number> = {};
  for (const [userId, mine] of Object.entries(votes)) {
    const kept: Record<string, number> = {};
    for (const [itemId, n] of Object.entries(mine)) {
      if (keep(itemId)) kept[itemId] = n;
      else dropped.add(itemId);
    }
    next[userId] = kept;
    if (Object.keys(kept).length !== Object.keys(mine).length) used[userId] = usedVotes(kept);
  }
  return dropped.size ? { votes: next, itemIds: [...dropped], used } : null;
}

/**
 * Gives back the votes on items that left the board, in the meeting's voting phases (or in `phases`: pass a
 * command's own phase so that it sees the change), checking only `itemIds` if given, else every voted item.
 * Saves the changed states and returns what the command's event must carry (see `votesReleasedField`).
 * Runs in the command's transaction, under the meeting's row lock.
 */
export async function releaseVotes(
  m: EntityManager,
  meeting: { id: string; teamId: string },
  opts: { itemIds?: readonly string[]; phases?: MeetingPhase[] } = {},
): Promise<VotesReleased[]> {
  const phases = opts.phases ?? (await m.find(MeetingPhase, { where: { meetingId: meeting.id, kind: 'voting' } }));
  const only = opts.itemIds ? new Set(opts.itemIds) : null;
  const inScope = (itemId: string) => !only || only.has(itemId);
  const voted = phases.flatMap((p) => Object.values(stateOf(p, 'voting').votes).flatMap((mine) => Object.keys(mine)));
  if (!voted.some(inScope)) return [];
  const items = await boardItems(m, meeting.teamId, voted.filter(inScope));
  const out: VotesReleased[] = [];
  for (const p of phases) {
    const state = stateOf(p, 'voting');
    const settings = p.settings as PhaseSettingsMap['voting'];
    const dropped = dropVotes(state.votes, (itemId) => !inScope(itemId) || onBoard(state, settings, items.get(itemId)));
    if (!dropped) continue;
    await savePhaseState<'voting'>(m, p, { ...state, votes: dropped.votes });
    out.push({ phaseId: p.id, itemIds: dropped.itemIds, used: dropped.used });
  }
  return out;
}

/** The optional event field: left out when nothing was given back, so such events look as they always did. */
export const votesReleasedField = (released: VotesReleased[]) => (released.length ? { votesReleased: released } : {});
