/**
 * Forums (a team's recurring ritual) and their meetings over REST. A forum is made of phase templates of
 * every registered kind, so these bodies live beside the assembly (registry.ts).
 */
import { z } from 'zod';
import { name, uuid } from './common.js';
import { LIVE_LIMITS } from './live/limits.js';
import { ForumKind, MEETING_STATES, RRule } from './live/model.js';
import { PhaseTemplates, type PhaseTemplate } from './registry.js';

/** Who facilitates a forum's meetings: always the same person, or the next in a rotation. */
export const Facilitation = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('fixed'), userId: uuid }),
  /** Rotates through `userIds` in order; without it, through all team members in the order they joined. */
  z.strictObject({ mode: z.literal('rotating'), userIds: z.array(uuid).min(1).max(200).optional() }),
]);
export type Facilitation = z.infer<typeof Facilitation>;

export const CreateForumBody = z.strictObject({
  kind: ForumKind,
  name: name(LIVE_LIMITS.forumName),
  /** null: no fixed schedule (ad-hoc ritual). */
  schedule: RRule.nullable().default(null),
  phases: PhaseTemplates,
  facilitation: Facilitation.default({ mode: 'rotating' }),
});
export type CreateForumBody = z.input<typeof CreateForumBody>;

export const UpdateForumBody = z.strictObject({
  kind: ForumKind.optional(),
  name: name(LIVE_LIMITS.forumName).optional(),
  schedule: RRule.nullable().optional(),
  phases: PhaseTemplates.optional(),
  facilitation: Facilitation.optional(),
});
export type UpdateForumBody = z.input<typeof UpdateForumBody>;

export interface ForumDto {
  id: string;
  teamId: string;
  kind: ForumKind;
  name: string;
  schedule: string | null;
  phases: PhaseTemplate[];
  facilitation: Facilitation;
  /** Who facilitates the next meeting started from this forum, when known. */
  nextFacilitatorId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/teams/:teamId/forums/:forumId/meetings */
export const StartMeetingBody = z.strictObject({
  title: name(LIVE_LIMITS.meetingTitle).optional(),
  /** Overrides the forum's facilitation for this meeting; must be a team member. */
  facilitatorId: uuid.optional(),
  /** Given: the meeting is `scheduled` and goes live with the `meeting.start` command; else it starts live. */
  scheduledFor: z.iso.datetime({ offset: true }).optional(),
});
export type StartMeetingBody = z.input<typeof StartMeetingBody>;

/** POST /api/teams/:teamId/meetings: an ad-hoc meeting without a forum. */
export const StartAdHocMeetingBody = StartMeetingBody.extend({
  title: name(LIVE_LIMITS.meetingTitle),
  phases: PhaseTemplates,
});
export type StartAdHocMeetingBody = z.input<typeof StartAdHocMeetingBody>;

/** GET /api/teams/:teamId/meetings?forumId=&state=&limit= */
export const MeetingHistoryQuery = z.strictObject({
  forumId: uuid.optional(),
  state: z.enum(MEETING_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type MeetingHistoryQuery = z.input<typeof MeetingHistoryQuery>;
