/** Field schemas that the improvement REST bodies and live payloads share (not part of the package's face). */
import { z } from 'zod';
import { name, uuid } from '../common.js';
import { IMPROVEMENT_LIMITS } from './limits.js';
import { IdeaStatus, MeasureDirection, PdsaDecision } from './model.js';

export const title = z.string().trim().min(1).max(IMPROVEMENT_LIMITS.title);
export const longText = z.string().max(IMPROVEMENT_LIMITS.field);
export const isoDate = z.iso.date();
export const finite = z.number().refine((n) => Number.isFinite(n), 'must be a finite number');

export const ideaChanges = {
  title: title.optional(),
  ownerId: uuid.nullable().optional(),
  originId: uuid.nullable().optional(),
  status: IdeaStatus.optional(),
};

export const cycleChanges = {
  startedOn: isoDate.optional(),
  decision: PdsaDecision.nullable().optional(),
  /** Adds an empty question (its texts are fields). */
  addQuestion: z.literal(true).optional(),
  removeQuestionId: uuid.optional(),
};

export const measureFields = {
  name: name(IMPROVEMENT_LIMITS.measureName),
  unit: z.string().trim().max(IMPROVEMENT_LIMITS.unit).default(''),
  definition: z.string().trim().max(IMPROVEMENT_LIMITS.definition).default(''),
  better: MeasureDirection,
  goal: finite.nullable().default(null),
  baselinePoints: z.int().min(2).max(IMPROVEMENT_LIMITS.pointsPerMeasure).nullable().default(null),
};
