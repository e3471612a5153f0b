/** Improvement work made over REST, for tests that need real ids (the authorization matrix among them). */
import type { CycleDto, IdeaDto, MeasureDto, SaveFieldResultDto } from '@tillit/protocol';
import type { Person } from '../factories.js';

async function ok<T>(res: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export const improvementApi = (p: Person, teamId: string) => {
  const base = `/api/teams/${teamId}/improvement`;
  return {
    createIdea: (body: Record<string, unknown>) => ok(p.client.post<IdeaDto>(`${base}/ideas`, body), 'create idea'),
    addCycle: (ideaId: string, body: Record<string, unknown> = {}) =>
      ok(p.client.post<CycleDto>(`${base}/ideas/${ideaId}/cycles`, body), 'add cycle'),
    createMeasure: (ideaId: string, body: Record<string, unknown>) =>
      ok(p.client.post<MeasureDto>(`${base}/ideas/${ideaId}/measures`, body), 'create measure'),
    addPoint: (measureId: string, body: Record<string, unknown>) =>
      ok(p.client.post<MeasureDto>(`${base}/measures/${measureId}/points`, body), 'add point'),
    saveField: (key: string, text: string, baseRev: number) =>
      ok(
        p.client.request<SaveFieldResultDto>('PUT', `${base}/fields/${encodeURIComponent(key)}`, { text, baseRev }),
        'save field',
      ),
  };
};

/** An idea with a cycle, a measure with a point, and a conflict on the cycle's objective. */
export async function improvementSampleIds(admin: Person, member: Person, teamId: string) {
  const a = improvementApi(admin, teamId);
  const m = improvementApi(member, teamId);
  const idea = await a.createIdea({ title: 'Fast plats för nycklarna' });
  const cycle = await a.addCycle(idea.id);
  const measure = await a.createMeasure(idea.id, { name: 'Minuter att hitta nycklar', unit: 'min', better: 'down' });
  const withPoint = await a.addPoint(measure.id, { date: '2030-06-02', value: 14 });
  const key = `c:${cycle.id}:objective`;
  await m.saveField(key, 'Medarbetarens text', 0);
  const clash = await a.saveField(key, 'Chefens text', 0);
  if (!clash.conflict) throw new Error('expected a conflict');
  return {
    ideaId: idea.id,
    cycleId: cycle.id,
    questionId: cycle.questionIds[0]!,
    measureId: measure.id,
    pointId: withPoint.points[0]!.id,
    conflictId: clash.conflict.id,
  };
}
