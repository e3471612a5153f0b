/**
 * Positive feedback. THE one place that decides who sees what:
 * - `team` feedback: every member of the team sees giver, receivers and text;
 * - `receivers` feedback: only its giver and its receivers, and a receiver sees only themselves among the
 *   receivers. Nobody else — manager and organisation admin included — ever gets it, nor learns who gave
 *   feedback to whom: the feedback round only shares the SET of people who received any, and a count.
 */
import { ErrorCode, type FeedbackDto, type FeedbackReaction, FEEDBACK_REACTIONS, type FeedbackRoundDto, type GiveFeedbackBody } from '@tillit/protocol';
import { Brackets, type EntityManager, In } from 'typeorm';
import type { z } from 'zod';
import { AppError, forbidden, notFound } from '../../common/app-error.js';
import { SteeringSettings } from '../settings/steering-settings.entity.js';
import { assertMembers, type SteeringCtx } from '../steering.context.js';
import { Feedback, FeedbackReactionRow, FeedbackReceiver } from './feedback.entity.js';

export async function giveFeedback(c: SteeringCtx, input: z.output<typeof GiveFeedbackBody>): Promise<Feedback> {
  if (c.actor.role === null) throw forbidden('Only members of the team give feedback here');
  if (input.receiverIds.includes(c.actor.userId)) {
    throw new AppError(ErrorCode.ValidationFailed, 'Feedback goes to colleagues', {
      issues: [{ path: 'receiverIds', message: 'must not include yourself' }],
    });
  }
  await assertMembers(c.m, c.teamId, input.receiverIds, 'receiverIds');
  if (input.valueTag) {
    const settings = await c.m.findOneBy(SteeringSettings, { teamId: c.teamId });
    const tag = settings?.valueTags.find((t) => t.toLowerCase() === input.valueTag!.toLowerCase());
    if (!tag) {
      throw new AppError(ErrorCode.ValidationFailed, 'Not one of the team’s values', {
        issues: [{ path: 'valueTag', message: 'not one of the team’s values' }],
      });
    }
    input = { ...input, valueTag: tag };
  }
  const feedback = await c.m.save(
    c.m.create(Feedback, {
      teamId: c.teamId,
      giverId: c.actor.userId,
      text: input.text,
      valueTag: input.valueTag ?? null,
      visibility: input.visibility,
      meetingId: c.meetingId,
    }),
  );
  await c.m.insert(
    FeedbackReceiver,
    input.receiverIds.map((userId) => ({ feedbackId: feedback.id, userId })),
  );
  return feedback;
}

/** Feedback `viewerId` may see, or 404 (private feedback of others does not exist for them). */
export async function findVisibleFeedback(m: EntityManager, teamId: string, id: string, viewerId: string): Promise<Feedback> {
  const f = await m.findOneBy(Feedback, { id, teamId });
  if (!f || !(await canSee(m, f, viewerId))) throw notFound('No such feedback');
  return f;
}

async function canSee(m: EntityManager, f: Feedback, viewerId: string): Promise<boolean> {
  if (f.visibility === 'team' || f.giverId === viewerId) return true;
  return m.existsBy(FeedbackReceiver, { feedbackId: f.id, userId: viewerId });
}

/** The DTOs as `viewerId` may see them (callers pass only feedback the viewer may see). */
export async function toFeedbackDtos(m: EntityManager, rows: Feedback[], viewerId: string | null): Promise<FeedbackDto[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((f) => f.id);
  const [receivers, reactions] = await Promise.all([
    m.find(FeedbackReceiver, { where: { feedbackId: In(ids) } }),
    m.find(FeedbackReactionRow, { where: { feedbackId: In(ids) } }),
  ]);
  return rows.map((f) => {
    const all = receivers.filter((r) => r.feedbackId === f.id).map((r) => r.userId).sort();
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
export async function feedbackWall(m: EntityManager, teamId: string, before: string | undefined, limit: number): Promise<Feedback[]> {
  const qb = m.createQueryBuilder(Feedback, 'f').where('f.team_id = :teamId', { teamId }).andWhere(`f.visibility = 'team'`);
  if (before) {
    const cursor = await m.findOneBy(Feedback, { id: before, teamId });
    if (cursor) {
      qb.andWhere(
        new Brackets((q) =>
          q.where('f.created_at < :at', { at: cursor.createdAt }).orWhere('(f.created_at = :at AND f.id < :id)', { at: cursor.createdAt, id: cursor.id }),
        ),
      );
    }
  }
  return qb.orderBy('f.created_at', 'DESC').addOrderBy('f.id', 'DESC').limit(limit).getMany();
}

/** "My feedback": what I received (any visibility) and what I gave. */
export async function myFeedback(m: EntityManager, teamId: string, userId: string): Promise<{ received: Feedback[]; given: Feedback[] }> {
  const received = await m
    .createQueryBuilder(Feedback, 'f')
    .innerJoin(FeedbackReceiver, 'r', 'r.feedback_id = f.id AND r.user_id = :userId', { userId })
    .where('f.team_id = :teamId', { teamId })
    .orderBy('f.created_at', 'DESC')
    .limit(200)
    .getMany();
  const given = await m.find(Feedback, { where: { teamId, giverId: userId }, order: { createdAt: 'DESC' }, take: 200 });
  return { received, given };
}

export async function react(c: SteeringCtx, f: Feedback, reaction: FeedbackReaction, on: boolean): Promise<void> {
  if (c.actor.role === null) throw forbidden('Only members of the team react');
  if (on) {
    await c.m.createQueryBuilder().insert().into(FeedbackReactionRow).values({ feedbackId: f.id, userId: c.actor.userId, reaction }).orIgnore().execute();
  } else {
    await c.m.delete(FeedbackReactionRow, { feedbackId: f.id, userId: c.actor.userId, reaction });
  }
}

/** The feedback round of a meeting as everyone may see it: shared feedback, who received any, how many. */
export async function feedbackRound(m: EntityManager, meetingId: string): Promise<FeedbackRoundDto> {
  const rows = await m.find(Feedback, { where: { meetingId }, order: { createdAt: 'ASC', id: 'ASC' } });
  const shared = rows.filter((f) => f.visibility === 'team');
  const received = rows.length
    ? (await m
        .createQueryBuilder(FeedbackReceiver, 'r')
        .select('DISTINCT r.user_id', 'user_id')
        .where('r.feedback_id IN (:...ids)', { ids: rows.map((f) => f.id) })
        .orderBy('r.user_id')
        .getRawMany<{ user_id: string }>()).map((r) => r.user_id)
    : [];
  // Shared feedback as nobody in particular sees it (no "mine" flags): the snapshot is the same for all.
  return { shared: await toFeedbackDtos(m, shared, null), received, count: rows.length };
}
