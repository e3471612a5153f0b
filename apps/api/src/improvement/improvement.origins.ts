/**
 * Where an idea's origin (a risk or a disturbance) is looked up. Daily steering owns those: today in its
 * `risks` table, and earlier meetings captured them as team items of kind risk/disturbance. Both are read
 * here, by id, within the team; nothing else in this domain knows where they live.
 */
import type { IdeaOriginDto } from '@tillit/protocol';
import { type EntityManager, In } from 'typeorm';
import { Item } from '../items/item.entity.js';
import { Risk } from '../steering/risks/risk.entity.js';

const ORIGIN_KINDS = ['risk', 'disturbance'] as const;

/** The team's risks and disturbances that an idea may be linked to (newest first, at most `limit`). */
export async function originCandidates(m: EntityManager, teamId: string, limit = 200): Promise<IdeaOriginDto[]> {
  const risks = await m.find(Risk, { where: { teamId }, order: { createdAt: 'DESC' }, take: limit });
  const items = await m.find(Item, { where: { teamId, kind: In([...ORIGIN_KINDS]) }, order: { createdAt: 'DESC' }, take: limit });
  return [
    ...risks.map((r) => ({ id: r.id, kind: r.type, text: r.description, at: r.createdAt })),
    ...items.map((i) => ({ id: i.id, kind: i.kind as IdeaOriginDto['kind'], text: i.text, at: i.createdAt })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, limit)
    .map(({ id, kind, text }) => ({ id, kind, text }));
}

/** The origins with these ids in the team (unknown ids are left out). */
export async function findOrigins(m: EntityManager, teamId: string, ids: string[]): Promise<Map<string, IdeaOriginDto>> {
  const out = new Map<string, IdeaOriginDto>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  const risks = await m.find(Risk, { where: { teamId, id: In(unique) } });
  const items = await m.find(Item, { where: { teamId, id: In(unique), kind: In([...ORIGIN_KINDS]) } });
  for (const r of risks) out.set(r.id, { id: r.id, kind: r.type, text: r.description });
  for (const i of items) out.set(i.id, { id: i.id, kind: i.kind as IdeaOriginDto['kind'], text: i.text });
  return out;
}
