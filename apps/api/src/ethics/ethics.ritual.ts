/** The ethics forum as a ritual of the live engine (assembled in ../rituals.ts). */
import type { Ritual } from '../live/ritual.js';
import { ETHICS_HANDLERS, type EthicsCommandType } from './ethics.commands.js';
import { ethicsMinutesPart } from './ethics.minutes.js';
import { ETHICS_PHASE_KIND_DEFS, type EthicsPhaseKind } from './ethics.phases.js';

export const ETHICS_RITUAL: Ritual<EthicsCommandType, EthicsPhaseKind> = {
  commands: ETHICS_HANDLERS,
  phaseKinds: ETHICS_PHASE_KIND_DEFS,
  snapshot: {},
  minutes: ethicsMinutesPart,
};
