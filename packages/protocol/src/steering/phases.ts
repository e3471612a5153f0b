/** The daily-steering phase kinds: settings, what each holds in a meeting, their entry in the engine's phase kinds. */
import { z } from 'zod';
import type { PhaseKindTable } from '../live/model.js';

const prompt = z.string().trim().max(500);
/** Settings of the daily-steering phase kinds (spread into PHASE_SETTINGS). */
export const STEERING_PHASE_SETTINGS = {
  /** "How are you today?": a word or a step on a five-step scale; skipping is fine. */
  'steering-check-in': z.strictObject({ prompt: prompt.default('') }),
  /** Yesterday's unfinished plan items and the open risks and disturbances, for a quick review. */
  'steering-carry-over': z.strictObject({}),
  /** The day's plan: items, assignments, who is absent and who has no assignment yet. */
  'steering-plan': z.strictObject({ prompt: prompt.default('') }),
  /** The day's plan followed up: done, or carried to tomorrow with a reason. */
  'steering-follow-up': z.strictObject({}),
  /** Risks and disturbances: capture, update, escalate. */
  'steering-risks': z.strictObject({ prompt: prompt.default('') }),
  /** Positive feedback round: who has not received any yet (never who gave what). */
  'steering-feedback': z.strictObject({ prompt: prompt.default('') }),
} as const;
export type SteeringPhaseKind = keyof typeof STEERING_PHASE_SETTINGS;
/** The daily-steering phase kinds in the order a forum's form offers them. */
export const STEERING_PHASE_KIND_ORDER = [
  'steering-check-in',
  'steering-carry-over',
  'steering-plan',
  'steering-follow-up',
  'steering-risks',
  'steering-feedback',
] as const satisfies readonly SteeringPhaseKind[];
export const STEERING_PHASE_KINDS: SteeringPhaseKind[] = [...STEERING_PHASE_KIND_ORDER];

/** A check-in answer: a word, a step on the five-step scale, or both; both null: skipped. */
export interface SteeringCheckInAnswer {
  word: string | null;
  scale: number | null;
  at: string;
}

/** What the steering phase kinds hold in a meeting (the plan, risks and feedback live in their own tables). */
export interface SteeringPhaseStateMap {
  'steering-check-in': { answers: Record<string, SteeringCheckInAnswer> };
  'steering-carry-over': Record<string, never>;
  'steering-plan': Record<string, never>;
  'steering-follow-up': Record<string, never>;
  'steering-risks': Record<string, never>;
  'steering-feedback': Record<string, never>;
}

declare module '../live/model.js' {
  interface PhaseKindTables {
    steering: PhaseKindTable<typeof STEERING_PHASE_SETTINGS, SteeringPhaseStateMap>;
  }
}
