/**
 * The rituals this app runs, assembled for the live engine (handed to it by LiveModule.forRoot in
 * app.module.ts). The types make every command and phase kind of the protocol, and every ritual field of the
 * meeting snapshot, have a definition here: a missing one does not compile (and the authorization-matrix test
 * fails on one).
 */
import { ETHICS_RITUAL } from './ethics/ethics.ritual.js';
import { IMPROVEMENT_RITUAL } from './improvement/improvement.ritual.js';
import { KASAM_RITUAL } from './kasam/kasam.ritual.js';
import { engineCommands } from './live/commands/index.js';
import type { CommandTable } from './live/live.types.js';
import type { LiveRituals, PhaseKindTable } from './live/ritual.js';
import { PHASES_RITUAL } from './phases/phases.ritual.js';
import { STEERING_RITUAL } from './steering/steering.ritual.js';

/** In this order each adds its part to the minutes and hears of items leaving the boards. */
const RITUALS = [PHASES_RITUAL, ETHICS_RITUAL, KASAM_RITUAL, STEERING_RITUAL, IMPROVEMENT_RITUAL];

export const COMMANDS: CommandTable = {
  ...engineCommands(RITUALS),
  ...PHASES_RITUAL.commands,
  ...STEERING_RITUAL.commands,
  ...IMPROVEMENT_RITUAL.commands,
  ...ETHICS_RITUAL.commands,
  ...KASAM_RITUAL.commands,
};

export const PHASE_KIND_DEFS: PhaseKindTable = {
  ...PHASES_RITUAL.phaseKinds,
  ...STEERING_RITUAL.phaseKinds,
  ...IMPROVEMENT_RITUAL.phaseKinds,
  ...ETHICS_RITUAL.phaseKinds,
  ...KASAM_RITUAL.phaseKinds,
};

export const APP_RITUALS: LiveRituals = {
  commands: COMMANDS,
  phaseKinds: PHASE_KIND_DEFS,
  snapshot: { ...STEERING_RITUAL.snapshot, ...IMPROVEMENT_RITUAL.snapshot },
};
