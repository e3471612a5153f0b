/** The KASAM dialogue as a ritual of the live engine (assembled in ../rituals.ts). */
import type { Ritual } from '../live/ritual.js';
import { KASAM_HANDLERS, type KasamCommandType } from './kasam.commands.js';
import { kasamMinutesPart } from './kasam.minutes.js';
import { KASAM_PHASE_KIND_DEFS, type KasamPhaseKind } from './kasam.phases.js';

export const KASAM_RITUAL: Ritual<KasamCommandType, KasamPhaseKind> = {
  commands: KASAM_HANDLERS,
  phaseKinds: KASAM_PHASE_KIND_DEFS,
  snapshot: {},
  minutes: kasamMinutesPart,
};
