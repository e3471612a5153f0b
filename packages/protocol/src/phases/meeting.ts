/** What the generic phase kinds leave in a meeting's minutes. */
import type { ReviewOutcome } from '../live/model.js';

declare module '../live/model.js' {
  interface MinutesParts {
    /** The summary phase's text. */
    summary: string;
    /** Review outcomes, per reviewed item. */
    reviewed: { itemId: string; text: string; outcome: ReviewOutcome; comment: string | null }[];
    /** Revealed votes per voting phase. */
    votes: { phaseId: string; title: string; tallies: Record<string, number> }[];
    /** Who answered the check-in (no texts: those stay in the meeting). */
    checkIns: { phaseId: string; answered: string[]; passed: string[] }[];
  }
}
