/** An item leaving the boards in a meeting (deleted, or closed, done or of another kind now). */
import type { ItemLeftHook } from '../live/ritual.js';
import { releaseVotes, votesReleasedField } from './voting.js';

export const phasesItemLeft: ItemLeftHook = async (m, meeting, itemId, how) => {
  if (how === 'deleted') {
    // A discussion that had it in focus has nothing in focus now (the client's reducer does the same).
    await m.query(
      `UPDATE meeting_phases SET state = jsonb_set(state, '{focusItemId}', 'null'::jsonb)
        WHERE meeting_id = $1 AND kind = 'discussion' AND state->>'focusItemId' = $2`,
      [meeting.id, itemId],
    );
  }
  // Off a voting board, so the votes on it go back.
  return votesReleasedField(await releaseVotes(m, meeting, { itemIds: [itemId] }));
};
