/** Daily-steering objects for tests: made over REST as a person would, so the ids are real. */
import { addDays, todayIn, type EscalationDto, type PlanItemDto, type RiskDto } from '@tillit/protocol';
import type { Person } from '../factories.js';

export const today = () => todayIn();

async function post<T>(p: Person, path: string, body: unknown): Promise<T> {
  const res = await p.client.post<T>(path, body);
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const addPlanItem = (p: Person, teamId: string, body: Record<string, unknown>) =>
  post<PlanItemDto>(p, `/api/teams/${teamId}/steering/plan`, { day: today(), ...body });
export const addRisk = (p: Person, teamId: string, body: Record<string, unknown> = {}) =>
  post<RiskDto>(p, `/api/teams/${teamId}/steering/risks`, {
    type: 'risk',
    description: 'Halkigt vid entrén',
    severity: 'high',
    ...body,
  });
export const escalate = (p: Person, teamId: string, riskId: string, note = 'Behöver sand') =>
  post<EscalationDto>(p, `/api/teams/${teamId}/steering/risks/${riskId}/escalations`, { note });

/** Fresh ids for the steering commands' samples (one set per command in the authorization matrix). */
export async function steeringSampleIds(p: Person, teamId: string) {
  const plan = await addPlanItem(p, teamId, { title: 'Provplanpunkt' });
  const past = await addPlanItem(p, teamId, { title: 'Från i går', day: addDays(today(), -1) });
  const risk = await addRisk(p, teamId);
  const escalated = await escalate(p, teamId, (await addRisk(p, teamId, { description: 'Eskalerad' })).id);
  return { planItemId: plan.id, pastPlanItemId: past.id, riskId: risk.id, escalationId: escalated.id };
}
