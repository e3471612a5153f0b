/** Field schemas that the steering REST bodies and live payloads share (not part of the package's face). */
import { z } from 'zod';
import { uuid } from '../common.js';
import { text } from '../live/model.js';
import { STEERING_LIMITS } from './limits.js';

export const optionalText = (max: number) => z.string().trim().max(max);
export const day = z.iso.date();

export const people = z
  .array(uuid)
  .max(STEERING_LIMITS.people)
  .refine((a) => new Set(a).size === a.length, 'people must not repeat');

export const planFields = {
  title: text(STEERING_LIMITS.planTitle),
  time: optionalText(STEERING_LIMITS.planTime).optional(),
  place: optionalText(STEERING_LIMITS.planPlace).optional(),
  notes: z.string().max(STEERING_LIMITS.planNotes).optional(),
};
