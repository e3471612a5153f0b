import { addDays, STEERING_LIMITS } from '@tillit/protocol';
import { Brackets, type DeepPartial, In } from 'typeorm';
import { RepositoryBase } from '../../common/repository.js';
import { Absence, PlanItem, PlanItemAssignee } from './plan-item.entity.js';

export class PlansRepository extends RepositoryBase {
  /** The item, locked for the rest of the transaction. */
  findLocked(teamId: string, id: string): Promise<PlanItem | null> {
    return this.m.findOne(PlanItem, { where: { id, teamId }, lock: { mode: 'pessimistic_write' } });
  }

  /** The day's items, oldest first. */
  dayItems(teamId: string, day: string): Promise<PlanItem[]> {
    return this.m.find(PlanItem, { where: { teamId, day }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The day's items, the unfinished ones of the days before (the carry-over), and whatever the meeting touched. */
  meetingItems(teamId: string, day: string, meetingId: string): Promise<PlanItem[]> {
    return this.m
      .createQueryBuilder(PlanItem, 'p')
      .where('p.team_id = :teamId', { teamId })
      .andWhere(
        new Brackets((q) =>
          q
            .where('p.day = :day', { day })
            .orWhere(
              `p.day >= :from AND p.day < :day AND p.status IN ('open', 'carried') AND p.carried_to_id IS NULL`,
              { from: addDays(day, -STEERING_LIMITS.carryOverDays), day },
            )
            .orWhere('p.last_meeting_id = :meetingId', { meetingId }),
        ),
      )
      .orderBy('p.day', 'ASC')
      .addOrderBy('p.created_at', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
  }

  create(fields: DeepPartial<PlanItem>): Promise<PlanItem> {
    return this.m.save(this.m.create(PlanItem, fields));
  }

  async save(item: PlanItem): Promise<void> {
    await this.m.save(item);
  }

  async delete(id: string): Promise<void> {
    await this.m.delete(PlanItem, { id });
  }

  assigneesOf(itemIds: string[]): Promise<PlanItemAssignee[]> {
    return itemIds.length ? this.m.find(PlanItemAssignee, { where: { planItemId: In(itemIds) } }) : Promise.resolve([]);
  }

  async assigneeIds(itemId: string): Promise<string[]> {
    return (await this.m.find(PlanItemAssignee, { where: { planItemId: itemId } })).map((a) => a.userId);
  }

  /** Adds the people not yet on the item. */
  async addAssignees(itemId: string, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    await this.m
      .createQueryBuilder()
      .insert()
      .into(PlanItemAssignee)
      .values(userIds.map((userId) => ({ planItemId: itemId, userId })))
      .orIgnore()
      .execute();
  }

  async removeAssignees(itemId: string, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    await this.m.delete(PlanItemAssignee, { planItemId: itemId, userId: In([...userIds]) });
  }

  /** Who is absent on the day, in the order they were marked. */
  async absentOn(teamId: string, day: string): Promise<string[]> {
    return (await this.m.find(Absence, { where: { teamId, day }, order: { createdAt: 'ASC' } })).map((a) => a.userId);
  }

  async markAbsent(teamId: string, day: string, userId: string, markedById: string): Promise<void> {
    await this.m
      .createQueryBuilder()
      .insert()
      .into(Absence)
      .values({ teamId, day, userId, markedById })
      .orIgnore()
      .execute();
  }

  async markPresent(teamId: string, day: string, userId: string): Promise<void> {
    await this.m.delete(Absence, { teamId, day, userId });
  }
}
