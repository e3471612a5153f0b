/** What an improvement meeting adds to the snapshot. */
import type { ImprovementState } from './model.js';

declare module '../live/model.js' {
  interface SnapshotParts {
    /** Improvement meetings (a `pdsa` phase): the team's improvement work (see ../improvement/). */
    improvement?: ImprovementState | null;
  }
}
