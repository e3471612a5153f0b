import type { RiskLogQuery, RiskSeverity, RiskType } from '@tillit/protocol';
import { type DeepPartial, In } from 'typeorm';
import type { z } from 'zod';
import { RepositoryBase } from '../../common/repository.js';
import { Escalation, EscalationMessage, Risk } from './risk.entity.js';

/** What the risk log is filtered by (in SQL); `unresolved` is every status but resolved. */
export interface RiskFilter {
  status: z.output<typeof RiskLogQuery>['status'];
  severity?: RiskSeverity;
  type?: RiskType;
  ownerId?: string;
  createdBefore?: Date;
}

export class RisksRepository extends RepositoryBase {
  risks(ids: string[]): Promise<Risk[]> {
    return ids.length ? this.m.find(Risk, { where: { id: In(ids) } }) : Promise.resolve([]);
  }

  /** The risk, locked for the rest of the transaction. */
  findRiskLocked(teamId: string, id: string): Promise<Risk | null> {
    return this.m.findOne(Risk, { where: { id, teamId }, lock: { mode: 'pessimistic_write' } });
  }

  createRisk(fields: DeepPartial<Risk>): Promise<Risk> {
    return this.m.save(this.m.create(Risk, fields));
  }

  saveRisk(risk: Risk): Promise<Risk> {
    return this.m.save(risk);
  }

  /** The team's risks matching the filter, newest first (at most `limit`). */
  log(teamId: string, f: RiskFilter, limit: number): Promise<Risk[]> {
    const qb = this.m.createQueryBuilder(Risk, 'r').where('r.team_id = :teamId', { teamId });
    if (f.status === 'unresolved') qb.andWhere(`r.status <> 'resolved'`);
    else if (f.status !== 'all') qb.andWhere('r.status = :status', { status: f.status });
    if (f.severity) qb.andWhere('r.severity = :severity', { severity: f.severity });
    if (f.type) qb.andWhere('r.type = :type', { type: f.type });
    if (f.ownerId) qb.andWhere('r.owner_id = :ownerId', { ownerId: f.ownerId });
    if (f.createdBefore) qb.andWhere('r.created_at <= :cutoff', { cutoff: f.createdBefore });
    return qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'ASC').limit(limit).getMany();
  }

  /** The escalation, locked for the rest of the transaction. */
  findEscalationLocked(teamId: string, id: string): Promise<Escalation | null> {
    return this.m.findOne(Escalation, { where: { id, teamId }, lock: { mode: 'pessimistic_write' } });
  }

  escalation(id: string): Promise<Escalation> {
    return this.m.findOneByOrFail(Escalation, { id });
  }

  /** The team's escalations with this status (or all), open ones oldest first, others newest first. */
  escalationsOf(teamId: string, status: Escalation['status'] | 'all', limit: number): Promise<Escalation[]> {
    return this.m.find(Escalation, {
      where: { teamId, ...(status === 'all' ? {} : { status }) },
      order: { createdAt: status === 'open' ? 'ASC' : 'DESC' },
      take: limit,
    });
  }

  /** Ids of the team's risks that were ever escalated. */
  async escalatedRiskIds(teamId: string): Promise<Set<string>> {
    return new Set((await this.m.find(Escalation, { where: { teamId } })).map((e) => e.riskId));
  }

  hasOpenEscalation(riskId: string): Promise<boolean> {
    return this.m.existsBy(Escalation, { riskId, status: 'open' });
  }

  createEscalation(fields: DeepPartial<Escalation>): Promise<Escalation> {
    return this.m.save(this.m.create(Escalation, fields));
  }

  async saveEscalation(e: Escalation): Promise<void> {
    await this.m.save(e);
  }

  /** The threads of these escalations, oldest message first. */
  messagesOf(escalationIds: string[]): Promise<EscalationMessage[]> {
    if (escalationIds.length === 0) return Promise.resolve([]);
    return this.m.find(EscalationMessage, {
      where: { escalationId: In(escalationIds) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async addMessage(escalationId: string, authorId: string, text: string): Promise<void> {
    await this.m.insert(EscalationMessage, { escalationId, authorId, text });
  }
}
