/**
 * Positive feedback. THE one place that decides who sees what:
 * - `team` feedback: every member of the team sees giver, receivers and text;
 * - `receivers` feedback: only its giver and its receivers, and a receiver sees only themselves among the
 *   receivers. Nobody else — manager and organisation admin included — ever gets it, nor learns who gave
 *   feedback to whom: the feedback round only shares the SET of people who received any, and a count.
 */
import {
  ErrorCode,
  type FeedbackDto,
  type FeedbackReaction,
  FEEDBACK_REACTIONS,
  type FeedbackRoundDto,
  type GiveFeedbackBody,
} from '@tillit/protocol';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { AppError, forbidden, notFound } from '../../common/app-error.js';
import { SteeringSettingsRepository } from '../settings/steering-settings.repository.js';
import { assertMembers, type SteeringCtx } from '../steering.context.js';
import type { Feedback } from './feedback.entity.js';
import { FeedbackRepository } from './feedback.repository.js';

export async function giveFeedback(c: SteeringCtx, input: z.output<typeof GiveFeedbackBody>): Promise<Feedback> {
  if (c.actor.role === null) throw forbidden('Only members of the team give feedback here');
  if (input.receiverIds.includes(c.actor.userId)) {
    throw new AppError(ErrorCode.ValidationFailed, 'Feedback goes to colleagues', {
      issues: [{ path: 'receiverIds', message: 'must not include yourself' }],
    });
  }
  await assertMembers(c.m, c.teamId, input.receiverIds, 'receiverIds');
  if (input.valueTag) {
    const settings = await new SteeringSettingsRepository(c.m).find(c.teamId);
    const tag = settings?.valueTags.find((t) => t.toLowerCase() === input.valueTag!.toLowerCase());
    if (!tag) {
      throw new AppError(ErrorCode.ValidationFailed, 'Not one of the team’s values', {
        issues: [{ path: 'valueTag', message: 'not one of the team’s values' }],
      });
    }
    input = { ...input, valueTag: tag };
  }
  return new FeedbackRepository(c.m).create(
    {
      teamId: c.teamId,
      giverId: c.actor.userId,
      text: input.text,
      valueTag: input.valueTag ?? null,
      visibility: input.visibility,
      meetingId: c.meetingId,
    },
    input.receiverIds,
  );
}

/** Feedback `viewerId` may see, or 404 (private feedback of others does not exist for them). */
export async function findVisibleFeedback(
  m: EntityManager,
  teamId: string,
  id: string,
  viewerId: string,
): Promise<Feedback> {
  const f = await new FeedbackRepository(m).find(teamId, id);
  if (!f || !(await canSee(m, f, viewerId))) throw notFound('No such feedback');
  return f;
}

async function canSee(m: EntityManager, f: Feedback, viewerId: string): Promise<boolean> {
  if (f.visibility === 'team' || f.giverId === viewerId) return true;
  return new FeedbackRepository(m).isReceiver(f.id, viewerId);
}

/** The DTOs as `viewerId` may see them (callers pass only feedback the viewer may see). */
export async function toFeedbackDtos(
  m: EntityManager,
  rows: Feedback[],
  viewerId: string | null,
): Promise<FeedbackDto[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((f) => f.id);
  const repo = new FeedbackRepository(m);
  const [receivers, reactions] = await Promise.all([repo.receiversOf(ids), repo.reactionsOf(ids)]);
  return rows.map((f) => {
    const all = receivers
      .filter((r) => r.feedbackId === f.id)
      .map((r) => r.userId)
      .sort();
    const shown = f.visibility === 'team' || f.giverId === viewerId ? all : all.filter((u) => u === viewerId);
    const mine = reactions.filter((r) => r.feedbackId === f.id);
    return {
      id: f.id,
      teamId: f.teamId,
      giverId: f.giverId,
      receiverIds: shown,
      text: f.text,
      valueTag: f.valueTag,
      visibility: f.visibility,
      meetingId: f.meetingId,
      createdAt: f.createdAt.toISOString(),
      reactions: FEEDBACK_REACTIONS.map((reaction: FeedbackReaction) => {
        const given = mine.filter((r) => r.reaction === reaction);
        return { reaction, count: given.length, mine: given.some((r) => r.userId === viewerId) };
      }).filter((r) => r.count > 0),
    };
  });
}

/** The team's feedback wall: what was shared with the team, newest first. */
export async function feedbackWall(
  m: EntityManager,
  teamId: string,
  before: string | undefined,
  limit: number,
): Promise<Feedback[]> {
  return new FeedbackRepository(m).shared(teamId, before, limit);
}

/** "My feedback": what I received (any visibility) and what I gave. */
export async function myFeedback(
  m: EntityManager,
  teamId: string,
  userId: string,
): Promise<{ received: Feedback[]; given: Feedback[] }> {
  const repo = new FeedbackRepository(m);
  const received = await repo.receivedBy(teamId, userId, 200);
  const given = await repo.givenBy(teamId, userId, 200);
  return { received, given };
}

export async function react(c: SteeringCtx, f: Feedback, reaction: FeedbackReaction, on: boolean): Promise<void> {
  if (c.actor.role === null) throw forbidden('Only members of the team react');
  const row = { feedbackId: f.id, userId: c.actor.userId, reaction };
  if (on) await new FeedbackRepository(c.m).addReaction(row);
  else await new FeedbackRepository(c.m).removeReaction(row);
}

/** The feedback round of a meeting as everyone may see it: shared feedback, who received any, how many. */
export async function feedbackRound(m: EntityManager, meetingId: string): Promise<FeedbackRoundDto> {
  const repo = new FeedbackRepository(m);
  const rows = await repo.ofMeeting(meetingId);
  const shared = rows.filter((f) => f.visibility === 'team');
  const received = await repo.receiverIds(rows.map((f) => f.id));
  // Shared feedback as nobody in particular sees it (no "mine" flags): the snapshot is the same for all.
  return { shared: await toFeedbackDtos(m, shared, null), received, count: rows.length };
}
