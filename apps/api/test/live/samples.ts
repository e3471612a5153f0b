/** A valid payload for every registered command (the matrix and the fuzzer start from these). */
import type { CommandPayloadInput, LiveCommandType } from '@tillit/protocol';

export interface SampleContext {
  itemId: string;
  /** An item the sender may delete. */
  deletableItemId: string;
  userId: string;
}

export const SAMPLES: { [K in LiveCommandType]: (c: SampleContext) => CommandPayloadInput<K> } = {
  'item.add': () => ({ kind: 'plan', text: 'Ringa anhöriga' }),
  'item.edit': (c) => ({ itemId: c.itemId, text: 'Ändrad text' }),
  'item.delete': (c) => ({ itemId: c.deletableItemId }),
  'checkin.answer': () => ({ text: 'Bra, tack' }),
  'checkin.turn': (c) => ({ userId: c.userId }),
  'review.update': (c) => ({ itemId: c.itemId, outcome: 'carry-over', comment: 'Tar det imorgon' }),
  'vote.cast': (c) => ({ itemId: c.itemId, delta: 1 }),
  'vote.reveal': () => ({}),
  'discussion.focus': (c) => ({ itemId: c.itemId }),
  'summary.edit': () => ({ text: 'Vi kom överens.' }),
  'ready.set': () => ({ ready: true }),
  'hand.raise': () => ({}),
  'hand.lower': () => ({}),
  'hand.dismiss': (c) => ({ userId: c.userId }),
  'meeting.start': () => ({}),
  'phase.goto': () => ({ index: 1 }),
  'timer.start': () => ({ seconds: 60 }),
  'timer.pause': () => ({}),
  'timer.resume': () => ({}),
  'timer.extend': () => ({ seconds: 30 }),
  'input.lock': () => ({ locked: true }),
  'facilitator.pass': (c) => ({ userId: c.userId }),
  'facilitator.take': () => ({}),
  'meeting.end': () => ({}),
};

/** Everything a team's meetings consist of in the database, to prove a refused command changed nothing. */
export async function fingerprint(
  db: { query(sql: string, params?: unknown[]): Promise<unknown[]> },
  teamId: string,
): Promise<string> {
  const parts = await Promise.all([
    db.query(`SELECT * FROM meetings WHERE team_id = $1 ORDER BY id`, [teamId]),
    db.query(`SELECT p.* FROM meeting_phases p JOIN meetings m ON m.id = p.meeting_id WHERE m.team_id = $1 ORDER BY p.id`, [teamId]),
    db.query(`SELECT * FROM items WHERE team_id = $1 ORDER BY id`, [teamId]),
    db.query(
      `SELECT e.id, e.seq, e.op_id, e.command, e.type, e.payload, e.result FROM meeting_events e
         JOIN meetings m ON m.id = e.meeting_id WHERE m.team_id = $1 ORDER BY e.id`,
      [teamId],
    ),
    db.query(`SELECT user_id, role FROM team_members WHERE team_id = $1 ORDER BY user_id`, [teamId]),
  ]);
  return JSON.stringify(parts);
}
