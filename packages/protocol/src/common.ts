import { z } from 'zod';

export const uuid = z.uuid();
/** A single-line name: trimmed, not empty, bounded. */
export const name = (max = 120) => z.string().trim().min(1).max(max);
export const locale = z.enum(['sv', 'en']);
export type Locale = z.infer<typeof locale>;
