/** Daily steering as a ritual of the live engine (assembled in ../rituals.ts). */
import type { SteeringCommandType, SteeringPhaseKind } from '@tillit/protocol';
import type { Ritual } from '../live/ritual.js';
import { STEERING_HANDLERS } from './live/steering.commands.js';
import { steeringMinutes } from './live/steering.minutes.js';
import { STEERING_PHASE_KIND_DEFS } from './live/steering.phases.js';
import { steeringSnapshot } from './live/steering.snapshot.js';

export const STEERING_RITUAL: Ritual<SteeringCommandType, SteeringPhaseKind, 'steering'> = {
  commands: STEERING_HANDLERS,
  phaseKinds: STEERING_PHASE_KIND_DEFS,
  snapshot: { steering: (m, meeting, phases) => steeringSnapshot(m, meeting, phases) },
  // Set on every meeting's minutes, null when it was not a daily-steering one.
  minutes: async (m, meeting) => ({ steering: await steeringMinutes(m, meeting) }),
};
