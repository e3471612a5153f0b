/** Improvement work over REST: bodies (the API parses with them). */
import { z } from 'zod';
import { uuid } from '../common.js';
import { cycleChanges, finite, ideaChanges, isoDate, longText, measureFields, title } from './fields.js';
import { IMPROVEMENT_LIMITS } from './limits.js';
import { MeasureDirection } from './model.js';

/** POST /api/teams/:teamId/improvement/ideas */
export const CreateIdeaBody = z.strictObject({
  title,
  aim: longText.optional(),
  measure: longText.optional(),
  change: longText.optional(),
  ownerId: uuid.nullable().optional(),
  originId: uuid.nullable().optional(),
});
export type CreateIdeaBody = z.input<typeof CreateIdeaBody>;

/** PATCH /api/teams/:teamId/improvement/ideas/:ideaId */
export const UpdateIdeaBody = z.strictObject(ideaChanges);
export type UpdateIdeaBody = z.input<typeof UpdateIdeaBody>;

/** POST /api/teams/:teamId/improvement/ideas/:ideaId/cycles */
export const CreateCycleBody = z.strictObject({ startedOn: isoDate.optional() });
export type CreateCycleBody = z.input<typeof CreateCycleBody>;

/** PATCH /api/teams/:teamId/improvement/cycles/:cycleId */
export const UpdateCycleBody = z.strictObject(cycleChanges);
export type UpdateCycleBody = z.input<typeof UpdateCycleBody>;

/** PUT /api/teams/:teamId/improvement/fields/:key — `baseRev`: the revision the text was written from. */
export const SaveFieldBody = z.strictObject({ text: longText, baseRev: z.int().min(0).max(1_000_000_000) });
export type SaveFieldBody = z.input<typeof SaveFieldBody>;

/** POST /api/teams/:teamId/improvement/ideas/:ideaId/measures */
export const CreateMeasureBody = z.strictObject(measureFields);
export type CreateMeasureBody = z.input<typeof CreateMeasureBody>;
/** PATCH /api/teams/:teamId/improvement/measures/:measureId */
export const UpdateMeasureBody = z.strictObject({
  name: measureFields.name.optional(),
  unit: z.string().trim().max(IMPROVEMENT_LIMITS.unit).optional(),
  definition: z.string().trim().max(IMPROVEMENT_LIMITS.definition).optional(),
  better: MeasureDirection.optional(),
  goal: finite.nullable().optional(),
  baselinePoints: z.int().min(2).max(IMPROVEMENT_LIMITS.pointsPerMeasure).nullable().optional(),
});
export type UpdateMeasureBody = z.input<typeof UpdateMeasureBody>;

/** POST /api/teams/:teamId/improvement/measures/:measureId/points */
export const AddPointBody = z.strictObject({
  date: isoDate,
  value: finite,
  note: z.string().trim().max(IMPROVEMENT_LIMITS.note).default(''),
});
export type AddPointBody = z.input<typeof AddPointBody>;
