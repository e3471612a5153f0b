import { Brackets, type DeepPartial, In } from 'typeorm';
import { RepositoryBase } from '../../common/repository.js';
import { Feedback, FeedbackReactionRow, FeedbackReceiver } from './feedback.entity.js';

/** Feedback rows as stored; who may see which is decided in feedback.ts, never here. */
export class FeedbackRepository extends RepositoryBase {
  async create(fields: DeepPartial<Feedback>, receiverIds: readonly string[]): Promise<Feedback> {
    const feedback = await this.m.save(this.m.create(Feedback, fields));
    await this.m.insert(
      FeedbackReceiver,
      receiverIds.map((userId) => ({ feedbackId: feedback.id, userId })),
    );
    return feedback;
  }

  find(teamId: string, id: string): Promise<Feedback | null> {
    return this.m.findOneBy(Feedback, { id, teamId });
  }

  isReceiver(feedbackId: string, userId: string): Promise<boolean> {
    return this.m.existsBy(FeedbackReceiver, { feedbackId, userId });
  }

  receiversOf(feedbackIds: string[]): Promise<FeedbackReceiver[]> {
    return this.m.find(FeedbackReceiver, { where: { feedbackId: In(feedbackIds) } });
  }

  reactionsOf(feedbackIds: string[]): Promise<FeedbackReactionRow[]> {
    return this.m.find(FeedbackReactionRow, { where: { feedbackId: In(feedbackIds) } });
  }

  /** Feedback shared with the team, newest first, after the `before` cursor when it is the team's. */
  async shared(teamId: string, before: string | undefined, limit: number): Promise<Feedback[]> {
    const qb = this.m
      .createQueryBuilder(Feedback, 'f')
      .where('f.team_id = :teamId', { teamId })
      .andWhere(`f.visibility = 'team'`);
    if (before) {
      const cursor = await this.m.findOneBy(Feedback, { id: before, teamId });
      if (cursor) {
        qb.andWhere(
          new Brackets((q) =>
            q
              .where('f.created_at < :at', { at: cursor.createdAt })
              .orWhere('(f.created_at = :at AND f.id < :id)', { at: cursor.createdAt, id: cursor.id }),
          ),
        );
      }
    }
    return qb.orderBy('f.created_at', 'DESC').addOrderBy('f.id', 'DESC').limit(limit).getMany();
  }

  /** What the person received in the team (any visibility), newest first. */
  receivedBy(teamId: string, userId: string, limit: number): Promise<Feedback[]> {
    return this.m
      .createQueryBuilder(Feedback, 'f')
      .innerJoin(FeedbackReceiver, 'r', 'r.feedback_id = f.id AND r.user_id = :userId', { userId })
      .where('f.team_id = :teamId', { teamId })
      .orderBy('f.created_at', 'DESC')
      .limit(limit)
      .getMany();
  }

  givenBy(teamId: string, userId: string, limit: number): Promise<Feedback[]> {
    return this.m.find(Feedback, { where: { teamId, giverId: userId }, order: { createdAt: 'DESC' }, take: limit });
  }

  async addReaction(row: Pick<FeedbackReactionRow, 'feedbackId' | 'userId' | 'reaction'>): Promise<void> {
    await this.m.createQueryBuilder().insert().into(FeedbackReactionRow).values(row).orIgnore().execute();
  }

  async removeReaction(row: Pick<FeedbackReactionRow, 'feedbackId' | 'userId' | 'reaction'>): Promise<void> {
    await this.m.delete(FeedbackReactionRow, row);
  }

  ofMeeting(meetingId: string): Promise<Feedback[]> {
    return this.m.find(Feedback, { where: { meetingId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Everyone who received any of this feedback, each once, by id. */
  async receiverIds(feedbackIds: string[]): Promise<string[]> {
    if (feedbackIds.length === 0) return [];
    return (
      await this.m
        .createQueryBuilder(FeedbackReceiver, 'r')
        .select('DISTINCT r.user_id', 'user_id')
        .where('r.feedback_id IN (:...ids)', { ids: feedbackIds })
        .orderBy('r.user_id')
        .getRawMany<{ user_id: string }>()
    ).map((r) => r.user_id);
  }
}
