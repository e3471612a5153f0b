/**
 * The rituals the meeting room renders, assembled once. The order is the minutes' order: each ritual's part
 * follows the summary in the order listed here. Loaded with the meeting room (see App.tsx), not at start.
 */
import type { PhaseKind } from '@tillit/protocol';
import { ethicsRitual } from './ethics/ethics.ritual';
import { improvementRitual } from './improvement/improvement.ritual';
import { kasamRitual } from './kasam/kasam.ritual';
import { assembleRituals } from './meetings/ritual';
import { phasesRitual } from './phases/phases.ritual';
import { steeringRitual } from './steering/steering.ritual';

export const RITUAL_LIST = [steeringRitual, ethicsRitual, kasamRitual, improvementRitual, phasesRitual] as const;

type KindsOf<P> = P extends unknown ? keyof P : never;
type Missing = Exclude<PhaseKind, KindsOf<(typeof RITUAL_LIST)[number]['phases']>>;
/** Every phase kind of the protocol has a component: a kind that no ritual brings does not compile here (it is named). */
const everyPhaseKindHasAComponent: [Missing] extends [never] ? true : Missing = true;
void everyPhaseKindHasAComponent;

export const RITUALS = assembleRituals(RITUAL_LIST);
