/**
 * The generic phases every forum can use — check-in, capture, review, voting, discussion, summary — as one
 * ritual of the live engine (assembled in ../rituals.ts).
 */
import type { Ritual } from '../live/ritual.js';
import { phasesItemLeft } from './item-left.js';
import { type GenericPhaseKind, PHASES_PHASE_KIND_DEFS } from './phase-kinds.js';
import { PHASES_HANDLERS, type PhasesCommandType } from './phases.commands.js';
import { phasesMinutes } from './phases.minutes.js';

export const PHASES_RITUAL: Ritual<PhasesCommandType, GenericPhaseKind> = {
  commands: PHASES_HANDLERS,
  phaseKinds: PHASES_PHASE_KIND_DEFS,
  snapshot: {},
  minutes: phasesMinutes,
  itemLeft: phasesItemLeft,
};
