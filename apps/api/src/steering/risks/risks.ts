/** Risks and disturbances, their log, and escalations to the manager with a thread the team sees. */
import {
  type CreateRiskBody,
  type EscalationDto,
  type RiskDto,
  RiskLogQuery,
  type RiskSeverity,
  type RiskStatus,
  type UpdateRiskBody,
} from '@tillit/protocol';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { forbidden, notFound } from '../../common/app-error.js';
import { TeamsRepository } from '../../teams/teams.repository.js';
import { assertMembers, conflict, isManager, type SteeringCtx } from '../steering.context.js';
import type { Escalation, Risk } from './risk.entity.js';
import { RisksRepository } from './risks.repository.js';

export const toRiskDto = (r: Risk): RiskDto => ({
  id: r.id,
  teamId: r.teamId,
  type: r.type,
  description: r.description,
  category: r.category,
  severity: r.severity,
  ownerId: r.ownerId,
  followUpDate: r.followUpDate,
  status: r.status,
  learning: r.learning,
  authorId: r.authorId,
  originMeetingId: r.originMeetingId,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  resolvedAt: r.resolvedAt?.toISOString() ?? null,
});

export async function toEscalationDtos(m: EntityManager, rows: Escalation[]): Promise<EscalationDto[]> {
  const repo = new RisksRepository(m);
  const risks = await repo.risks([...new Set(rows.map((e) => e.riskId))]);
  const messages = await repo.messagesOf(rows.map((e) => e.id));
  return rows.map((e) => ({
    id: e.id,
    teamId: e.teamId,
    riskId: e.riskId,
    riskDescription: risks.find((r) => r.id === e.riskId)?.description ?? '',
    riskType: risks.find((r) => r.id === e.riskId)?.type ?? 'risk',
    status: e.status,
    note: e.note,
    escalatedById: e.escalatedById,
    createdAt: e.createdAt.toISOString(),
    closedAt: e.closedAt?.toISOString() ?? null,
    closedById: e.closedById,
    messages: messages
      .filter((x) => x.escalationId === e.id)
      .map((x) => ({ id: x.id, authorId: x.authorId, text: x.text, createdAt: x.createdAt.toISOString() })),
  }));
}

export async function findRisk(m: EntityManager, teamId: string, id: string): Promise<Risk> {
  const risk = await new RisksRepository(m).findRiskLocked(teamId, id);
  if (!risk) throw notFound('No such risk');
  return risk;
}

export async function findEscalation(m: EntityManager, teamId: string, id: string): Promise<Escalation> {
  const e = await new RisksRepository(m).findEscalationLocked(teamId, id);
  if (!e) throw notFound('No such escalation');
  return e;
}

const touched = (c: SteeringCtx) => (c.meetingId ? { lastMeetingId: c.meetingId } : {});

export async function createRisk(c: SteeringCtx, input: z.output<typeof CreateRiskBody>): Promise<Risk> {
  if (input.ownerId) await assertMembers(c.m, c.teamId, [input.ownerId], 'ownerId');
  return new RisksRepository(c.m).createRisk({
    teamId: c.teamId,
    type: input.type,
    description: input.description,
    category: input.category || null,
    severity: input.severity,
    ownerId: input.ownerId ?? null,
    followUpDate: input.followUpDate ?? null,
    status: 'open',
    learning: input.learning ?? '',
    authorId: c.actor.userId,
    originMeetingId: c.meetingId,
    lastMeetingId: c.meetingId,
    resolvedAt: null,
  });
}

export async function updateRisk(c: SteeringCtx, risk: Risk, input: z.output<typeof UpdateRiskBody>): Promise<Risk> {
  if (input.ownerId) await assertMembers(c.m, c.teamId, [input.ownerId], 'ownerId');
  if (input.type !== undefined) risk.type = input.type;
  if (input.description !== undefined) risk.description = input.description;
  if (input.category !== undefined) risk.category = input.category || null;
  if (input.severity !== undefined) risk.severity = input.severity;
  if (input.ownerId !== undefined) risk.ownerId = input.ownerId;
  if (input.followUpDate !== undefined) risk.followUpDate = input.followUpDate;
  if (input.learning !== undefined) risk.learning = input.learning;
  if (input.status !== undefined && input.status !== risk.status) {
    risk.status = input.status;
    risk.resolvedAt = input.status === 'resolved' ? c.now : null;
  }
  Object.assign(risk, touched(c));
  return new RisksRepository(c.m).saveRisk(risk);
}

/** One open escalation per risk; the team's managers answer it. */
export async function escalateRisk(c: SteeringCtx, risk: Risk, note: string | undefined): Promise<Escalation> {
  const risks = new RisksRepository(c.m);
  if (await risks.hasOpenEscalation(risk.id)) throw conflict('This risk is already escalated');
  return risks.createEscalation({
    teamId: c.teamId,
    riskId: risk.id,
    status: 'open',
    note: note ?? '',
    escalatedById: c.actor.userId,
    closedById: null,
    closedAt: null,
    lastMeetingId: c.meetingId,
  });
}

export async function replyToEscalation(c: SteeringCtx, e: Escalation, text: string): Promise<void> {
  const risks = new RisksRepository(c.m);
  await risks.addMessage(e.id, c.actor.userId, text);
  Object.assign(e, touched(c), { updatedAt: c.now });
  await risks.saveEscalation(e);
}

/** A manager, an organisation admin or whoever escalated it closes an escalation. */
export async function closeEscalation(c: SteeringCtx, e: Escalation): Promise<void> {
  if (!isManager(c.actor) && e.escalatedById !== c.actor.userId)
    throw forbidden('Only a manager or whoever escalated it may close it');
  if (e.status === 'closed') throw conflict('The escalation is already closed');
  Object.assign(e, touched(c), { status: 'closed', closedAt: c.now, closedById: c.actor.userId });
  await new RisksRepository(c.m).saveEscalation(e);
}

export async function escalationDto(m: EntityManager, id: string): Promise<EscalationDto> {
  const [dto] = await toEscalationDtos(m, [await new RisksRepository(m).escalation(id)]);
  return dto!;
}

const SEVERITY_RANK: Record<RiskSeverity, number> = { low: 1, medium: 2, high: 3 };
const STATUS_RANK: Record<RiskStatus, number> = { open: 1, 'in-progress': 2, resolved: 3 };

/** The risk log: filtered in SQL, sorted here (at most a few thousand rows per team). */
export async function riskLog(
  m: EntityManager,
  teamId: string,
  q: z.output<typeof RiskLogQuery>,
  now: Date,
): Promise<Risk[]> {
  const rows = await new RisksRepository(m).log(
    teamId,
    {
      status: q.status,
      ...(q.severity ? { severity: q.severity } : {}),
      ...(q.type ? { type: q.type } : {}),
      ...(q.ownerId ? { ownerId: q.ownerId } : {}),
      ...(q.minAgeDays !== undefined ? { createdBefore: new Date(now.getTime() - q.minAgeDays * 86_400_000) } : {}),
    },
    5000,
  );
  const key = (r: Risk): number | string => {
    switch (q.sort) {
      case 'severity':
        return SEVERITY_RANK[r.severity];
      case 'status':
        return STATUS_RANK[r.status];
      case 'followUp':
        return r.followUpDate ?? '9999-12-31';
      case 'age':
        return -r.createdAt.getTime();
      case 'created':
        return r.createdAt.getTime();
    }
  };
  const dir = q.order === 'asc' ? 1 : -1;
  return rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka < kb) return -dir;
    if (ka > kb) return dir;
    return b.createdAt.getTime() - a.createdAt.getTime();
  });
}

/** The team's escalations with this status (or all) with their threads; open ones oldest first, closed ones newest first. */
export async function teamEscalations(
  m: EntityManager,
  teamId: string,
  status: Escalation['status'] | 'all',
): Promise<EscalationDto[]> {
  return toEscalationDtos(m, await new RisksRepository(m).escalationsOf(teamId, status, 200));
}

/** The filtered risk log as CSV, with owners' names and whether each risk was ever escalated. */
export async function riskLogCsv(c: SteeringCtx, q: z.output<typeof RiskLogQuery>): Promise<string> {
  const risks = (await riskLog(c.m, c.teamId, q, c.now)).map(toRiskDto);
  const names = await new TeamsRepository(c.m).memberNames(c.teamId);
  const escalated = await new RisksRepository(c.m).escalatedRiskIds(c.teamId);
  return risksCsv(risks, names, escalated, c.now);
}

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with an apostrophe. */
export function risksCsv(risks: RiskDto[], names: Map<string, string>, escalated: Set<string>, now: Date): string {
  const cell = (v: string | number | null) => {
    let s = v === null ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const header = [
    'id',
    'type',
    'description',
    'category',
    'severity',
    'status',
    'owner',
    'follow_up',
    'learning',
    'escalated',
    'created',
    'resolved',
    'age_days',
  ];
  const lines = risks.map((r) =>
    [
      r.id,
      r.type,
      r.description,
      r.category,
      r.severity,
      r.status,
      r.ownerId ? (names.get(r.ownerId) ?? '') : '',
      r.followUpDate,
      r.learning,
      escalated.has(r.id) ? 'yes' : 'no',
      r.createdAt.slice(0, 10),
      r.resolvedAt?.slice(0, 10) ?? '',
      Math.floor((now.getTime() - Date.parse(r.createdAt)) / 86_400_000),
    ]
      .map(cell)
      .join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
