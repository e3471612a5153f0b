/** A valid payload for every registered command (the matrix and the fuzzer start from these). */
import type { CommandPayloadInput, LiveCommandType } from '@tillit/protocol';

export interface SampleContext {
  itemId: string;
  /** An item the sender may delete. */
  deletableItemId: string;
  userId: string;
  /** Daily steering (test/steering/steering-fixtures.ts): a plan item of today, one of yesterday, a risk, an escalation. */
  planItemId?: string;
  pastPlanItemId?: string;
  riskId?: string;
  escalationId?: string;
  /** Improvement work (test/improvement/improvement-fixtures.ts): an idea with a cycle, a measure with a point, a conflict. */
  ideaId?: string;
  cycleId?: string;
  questionId?: string;
  measureId?: string;
  pointId?: string;
  conflictId?: string;
}

const id = (x: string | undefined, fallback: string) => x ?? fallback;

export const SAMPLES: { [K in LiveCommandType]: (c: SampleContext) => CommandPayloadInput<K> } = {
  'item.add': () => ({ kind: 'plan', text: 'Ringa anhöriga' }),
  'item.edit': (c) => ({ itemId: c.itemId, text: 'Ändrad text' }),
  'item.delete': (c) => ({ itemId: c.deletableItemId }),
  'checkin.answer': () => ({ text: 'Bra, tack' }),
  'checkin.turn': (c) => ({ userId: c.userId }),
  'review.update': (c) => ({ itemId: c.itemId, outcome: 'carry-over', comment: 'Tar det imorgon' }),
  'vote.cast': (c) => ({ itemId: c.itemId, delta: 1 }),
  'vote.reveal': () => ({}),
  'discussion.focus': (c) => ({ itemId: c.itemId }),
  'summary.edit': () => ({ text: 'Vi kom överens.' }),
  'ethics.theme.choose': () => ({ theme: { builtin: 'dignity' } }),
  'breakout.form': (c) => ({ mode: 'random', groupSize: 2, userIds: [c.userId] }),
  'breakout.move': (c) => ({ userId: c.userId, group: 0 }),
  'breakout.open': () => ({}),
  'breakout.recall': () => ({}),
  'breakout.share': () => ({ group: 0 }),
  'breakout.summary': () => ({ group: 0, text: 'Vi pratade om att våga säga till.' }),
  'breakout.notes': () => ({ group: 0, text: 'Bara för gruppen' }),
  'breakout.timer': () => ({ group: 0, action: 'start', seconds: 600 }),
  'kasam.answer': () => ({ comprehensibility: 5, manageability: 4, meaningfulness: 6, helps: 'Kollegorna' }),
  'kasam.reveal': () => ({}),
  'kasam.factor.group': (c) => ({ itemId: c.itemId, group: 'Gemenskap' }),
  'kasam.action.add': (c) => ({ text: 'Fika tillsammans på fredagar', ownerId: c.userId }),
  'kasam.followup': (c) => ({ itemId: c.itemId, outcome: 'done' }),
  'steering.checkin': () => ({ word: 'Pigg', scale: 4 }),
  'steering.day': () => ({ day: '2030-06-03' }),
  'plan.add': (c) => ({ title: 'Dusch rum 4', time: '09.00', place: 'Avd 3', assigneeIds: [c.userId] }),
  'plan.edit': (c) => ({ planItemId: id(c.planItemId, c.itemId), title: 'Dusch rum 5' }),
  'plan.delete': (c) => ({ planItemId: id(c.planItemId, c.deletableItemId) }),
  'plan.assign': (c) => ({ planItemId: id(c.planItemId, c.itemId), add: [c.userId] }),
  'plan.follow-up': (c) => ({ planItemId: id(c.planItemId, c.itemId), status: 'carried', reason: 'Hann inte' }),
  'plan.carry': (c) => ({ planItemId: id(c.pastPlanItemId, c.itemId), action: 'take' }),
  'absence.set': (c) => ({ userId: c.userId, absent: true }),
  'risk.add': (c) => ({
    type: 'disturbance',
    description: 'Larmet tystnade',
    severity: 'high',
    ownerId: c.userId,
    category: 'Arbetsmiljö',
  }),
  'risk.edit': (c) => ({ riskId: id(c.riskId, c.itemId), status: 'in-progress', learning: 'Testa larmet varje vecka' }),
  'risk.escalate': (c) => ({ riskId: id(c.riskId, c.itemId), note: 'Behöver beslut' }),
  'escalation.reply': (c) => ({ escalationId: id(c.escalationId, c.itemId), text: 'Jag ordnar det i dag.' }),
  'escalation.close': (c) => ({ escalationId: id(c.escalationId, c.itemId) }),
  'feedback.give': (c) => ({ receiverIds: [c.userId], text: 'Tack för hjälpen i morse!', visibility: 'receivers' }),
  'idea.update': (c) => ({ ideaId: id(c.ideaId, c.itemId), status: 'planning' }),
  'cycle.add': (c) => ({ ideaId: id(c.ideaId, c.itemId) }),
  'cycle.update': (c) => ({ cycleId: id(c.cycleId, c.itemId), addQuestion: true }),
  'field.claim': (c) => ({ key: `c:${id(c.cycleId, c.itemId)}:objective` }),
  'field.save': (c) => ({ key: `c:${id(c.cycleId, c.itemId)}:objective`, text: 'Färre letade nycklar', baseRev: 0 }),
  'field.release': (c) => ({ key: `c:${id(c.cycleId, c.itemId)}:objective` }),
  'conflict.dismiss': (c) => ({ conflictId: id(c.conflictId, c.itemId) }),
  'measure.save': (c) => ({
    ideaId: id(c.ideaId, c.itemId),
    name: 'Minuter att hitta nycklar',
    unit: 'min',
    better: 'down',
  }),
  'point.add': (c) => ({ measureId: id(c.measureId, c.itemId), date: '2030-06-03', value: 12, note: 'Måndag' }),
  'point.delete': (c) => ({ pointId: id(c.pointId, c.itemId) }),
  'pdsa.focus': (c) => ({ ideaId: id(c.ideaId, c.itemId) }),
  'ready.set': () => ({ ready: true }),
  'hand.raise': () => ({}),
  'hand.lower': () => ({}),
  'hand.dismiss': (c) => ({ userId: c.userId }),
  'meeting.start': () => ({}),
  'phase.goto': () => ({ index: 1 }),
  'timer.start': () => ({ seconds: 60 }),
  'timer.pause': () => ({}),
  'timer.resume': () => ({}),
  'timer.extend': () => ({ seconds: 30 }),
  'input.lock': () => ({ locked: true }),
  'facilitator.pass': (c) => ({ userId: c.userId }),
  'facilitator.take': () => ({}),
  'meeting.end': () => ({}),
};

/** Everything a team's meetings consist of in the database, to prove a refused command changed nothing. */
export async function fingerprint(
  db: { query(sql: string, params?: unknown[]): Promise<unknown[]> },
  teamId: string,
): Promise<string> {
  const parts = await Promise.all([
    db.query(`SELECT * FROM meetings WHERE team_id = $1 ORDER BY id`, [teamId]),
    db.query(
      `SELECT p.* FROM meeting_phases p JOIN meetings m ON m.id = p.meeting_id WHERE m.team_id = $1 ORDER BY p.id`,
      [teamId],
    ),
    db.query(`SELECT * FROM items WHERE team_id = $1 ORDER BY id`, [teamId]),
    db.query(
      `SELECT e.id, e.seq, e.op_id, e.command, e.type, e.payload, e.result FROM meeting_events e
         JOIN meetings m ON m.id = e.meeting_id WHERE m.team_id = $1 ORDER BY e.id`,
      [teamId],
    ),
    db.query(`SELECT user_id, role FROM team_members WHERE team_id = $1 ORDER BY user_id`, [teamId]),
    // Daily steering.
    db.query(
      `SELECT p.*, ARRAY(SELECT user_id::text FROM plan_item_assignees a WHERE a.plan_item_id = p.id ORDER BY 1) AS people
                FROM plan_items p WHERE team_id = $1 ORDER BY id`,
      [teamId],
    ),
    db.query(`SELECT * FROM steering_absences WHERE team_id = $1 ORDER BY day, user_id`, [teamId]),
    db.query(`SELECT * FROM risks WHERE team_id = $1 ORDER BY id`, [teamId]),
    db.query(
      `SELECT e.*, ARRAY(SELECT x.text FROM escalation_messages x WHERE x.escalation_id = e.id ORDER BY x.id) AS thread
                FROM escalations e WHERE team_id = $1 ORDER BY id`,
      [teamId],
    ),
    db.query(
      `SELECT f.*, ARRAY(SELECT user_id::text FROM feedback_receivers r WHERE r.feedback_id = f.id ORDER BY 1) AS receivers
                FROM feedback f WHERE team_id = $1 ORDER BY id`,
      [teamId],
    ),
    db.query(
      `SELECT d.* FROM steering_meeting_days d JOIN meetings m ON m.id = d.meeting_id WHERE m.team_id = $1 ORDER BY d.meeting_id`,
      [teamId],
    ),
  ]);
  return JSON.stringify(parts);
}
