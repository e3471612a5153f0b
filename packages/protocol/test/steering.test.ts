/** Daily steering's events through applyEvent: the plan, absences, risks, escalations, the feedback round. */
import type { FeedbackDto, PlanItemDto, RiskDto, SteeringSnapshot } from '../src/index.js';
import { ANNA, BO, CARL, draft, id, phase, play, snapshot, T0, TEAM } from './factories.js';

const DAY = '2026-03-02';
const plan = (over: Partial<PlanItemDto> = {}): PlanItemDto => ({
  id: id(),
  teamId: TEAM,
  day: DAY,
  title: 'Lunch round',
  time: '11.30',
  place: 'Avd 3',
  notes: '',
  status: 'open',
  assigneeIds: [],
  carryReason: null,
  carriedFromId: null,
  carriedToId: null,
  authorId: ANNA,
  createdAt: T0,
  updatedAt: T0,
  ...over,
});
const risk = (over: Partial<RiskDto> = {}): RiskDto => ({
  id: id(),
  teamId: TEAM,
  type: 'risk',
  description: 'Lift in house B is out',
  category: null,
  severity: 'medium',
  ownerId: null,
  followUpDate: null,
  status: 'open',
  learning: '',
  authorId: BO,
  originMeetingId: null,
  createdAt: T0,
  updatedAt: T0,
  resolvedAt: null,
  ...over,
});
const steering = (over: Partial<SteeringSnapshot> = {}): SteeringSnapshot => ({
  day: DAY,
  planItems: [],
  absences: [],
  risks: [],
  escalations: [],
  feedback: { shared: [], received: [], count: 0 },
  valueTags: ['Kindness'],
  riskCategories: [],
  ...over,
});

test('plan items are added, changed in place, assigned and deleted', () => {
  const lunch = plan();
  const walk = plan({ title: 'Walk with Elsa' });
  const after = play(
    snapshot({ steering: steering({ planItems: [lunch] }) }),
    draft('plan.changed', { items: [walk] }),
    draft('plan.changed', { items: [{ ...lunch, assigneeIds: [BO, CARL] }] }),
    draft('plan.deleted', { planItemId: walk.id }),
  );
  expect(after.steering?.planItems).toEqual([{ ...lunch, assigneeIds: [BO, CARL] }]);
});

test('a carry-over "take" changes two items; deleting the new one frees the old one again', () => {
  const yesterday = plan({ day: '2026-03-01', status: 'carried', carryReason: 'No time' });
  const today = plan({ carriedFromId: yesterday.id });
  const taken = play(
    snapshot({ steering: steering({ planItems: [yesterday] }) }),
    draft('plan.changed', { items: [{ ...yesterday, carriedToId: today.id }, today] }),
  );
  expect(taken.steering?.planItems.map((i) => [i.day, i.carriedToId, i.carriedFromId])).toEqual([
    ['2026-03-01', today.id, null],
    [DAY, null, yesterday.id],
  ]);
  const dropped = play(taken, draft('plan.deleted', { planItemId: today.id }));
  expect(dropped.steering?.planItems).toEqual([{ ...yesterday, carriedToId: null }]);
});

test("absences count for the meeting's day only", () => {
  const after = play(
    snapshot({ steering: steering() }),
    draft('absence.changed', { day: DAY, userId: BO, absent: true }),
    draft('absence.changed', { day: '2026-03-03', userId: CARL, absent: true }),
    draft('absence.changed', { day: DAY, userId: BO, absent: true }),
  );
  expect(after.steering?.absences).toEqual([BO]);
  const back = play(after, draft('absence.changed', { day: DAY, userId: BO, absent: false }));
  expect(back.steering?.absences).toEqual([]);
});

test('risks and escalations are upserted by id', () => {
  const lift = risk();
  const escalation = {
    id: id(),
    teamId: TEAM,
    riskId: lift.id,
    riskDescription: lift.description,
    riskType: lift.type,
    status: 'open' as const,
    note: '',
    escalatedById: BO,
    createdAt: T0,
    closedAt: null,
    closedById: null,
    messages: [],
  };
  const after = play(
    snapshot({ steering: steering() }),
    draft('risk.changed', { risk: lift }),
    draft('risk.changed', { risk: { ...lift, severity: 'high' } }),
    draft('escalation.changed', { escalation }),
  );
  expect(after.steering?.risks).toEqual([{ ...lift, severity: 'high' }]);
  expect(after.steering?.escalations).toEqual([escalation]);
});

test('the feedback round shows shared feedback, who received any, and the count; never private feedback', () => {
  const shared: FeedbackDto = {
    id: id(),
    teamId: TEAM,
    giverId: ANNA,
    receiverIds: [BO],
    text: 'Thanks for taking the late shift',
    valueTag: 'Kindness',
    visibility: 'team',
    meetingId: null,
    createdAt: T0,
    reactions: [],
  };
  const after = play(
    snapshot({ steering: steering() }),
    draft('feedback.given', { shared, received: [BO], count: 1 }),
    draft('feedback.given', { shared: null, received: [BO, CARL], count: 2 }),
  );
  expect(after.steering?.feedback).toEqual({ shared: [shared], received: [BO, CARL], count: 2 });
});

test('check-in answers by person; a new day replaces the whole steering state', () => {
  const checkIn = phase('steering-check-in', { prompt: '' }, { answers: {} });
  const s = snapshot({ phases: [checkIn], steering: steering({ planItems: [plan()] }) });
  const answer = { word: 'Calm', scale: 4, at: '2026-03-02T08:31:00.000Z' };
  const nextDay = steering({ day: '2026-03-03' });
  const after = play(
    s,
    draft('steering.checked-in', { phaseId: checkIn.id, userId: BO, answer }),
    draft('steering.day-changed', { steering: nextDay }),
  );
  expect(after.phases[0]?.state).toEqual({ answers: { [BO]: answer } });
  expect(after.steering).toEqual(nextDay);
});

test('a meeting without steering state ignores steering events', () => {
  const s = snapshot();
  const after = play(s, draft('plan.changed', { items: [plan()] }), draft('risk.changed', { risk: risk() }));
  expect(after.steering).toBeUndefined();
  expect({ ...after, lastSeq: 0, serverNow: s.serverNow }).toEqual(s);
});
