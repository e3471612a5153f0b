/** Improvement work (the `pdsa` phase) as a ritual of the live engine (assembled in ../rituals.ts). */
import type { Ritual } from '../live/ritual.js';
import { IMPROVEMENT_HANDLERS, type ImprovementCommandType } from './improvement.commands.js';
import { IMPROVEMENT_PHASE_KIND_DEFS } from './improvement.phases.js';
import { meetingImprovementState } from './improvement.repository.js';

export const IMPROVEMENT_RITUAL: Ritual<ImprovementCommandType, 'pdsa', 'improvement'> = {
  commands: IMPROVEMENT_HANDLERS,
  phaseKinds: IMPROVEMENT_PHASE_KIND_DEFS,
  // Only a meeting with a `pdsa` phase carries the team's improvement work.
  snapshot: {
    improvement: async (m, meeting, phases) =>
      phases.some((p) => p.kind === 'pdsa') ? meetingImprovementState(m, meeting) : null,
  },
};
