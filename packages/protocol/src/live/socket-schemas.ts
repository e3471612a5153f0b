import { z } from 'zod';
import { uuid } from '../common.js';
import { LIVE_LIMITS } from './limits.js';
import { DeviceKind } from './model.js';

export const JoinRequestSchema = z.strictObject({
  meetingId: uuid,
  lastSeq: z
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  device: DeviceKind.optional(),
});
export const MeetingRefSchema = z.strictObject({ meetingId: uuid });
export const PresenceUpdateSchema = z.strictObject({ meetingId: uuid, idle: z.boolean() });
export const TypingSchema = z.strictObject({
  meetingId: uuid,
  target: z.string().min(1).max(LIVE_LIMITS.typingTarget),
});
