/**
 * Live commands of the KASAM dialogue. `kasam.answer` is ANONYMOUS (see protocol live/kasam.ts): read the
 * comments there before changing anything here.
 */
import { randomInt } from 'node:crypto';
import {
  ErrorCode,
  KASAM_DIMENSIONS,
  KASAM_TEXTS,
  type KasamAggregate,
  type KasamDimension,
  type KasamDimensionAggregate,
  type KasamTextKind,
  median,
  type PhaseSettingsMap,
} from '@tillit/protocol';
import { AppError } from '../common/app-error.js';
import { Item } from '../items/item.entity.js';
import { toItemDto } from '../items/item.dto.js';
import { conflict } from '../live/command-errors.js';
import { type CommandDef, type CommandTable, event } from '../live/live.types.js';
import { savePhaseState, stateOf } from '../live/phase-state.js';
import { assertTeamMember, reloadItem, teamItem } from '../live/team-lookups.js';
import { type BallotAnswer, KasamBallot, KasamResult } from './kasam.entities.js';

const invalid = (path: string, message: string) =>
  new AppError(ErrorCode.ValidationFailed, message, { issues: [{ path, message }] });

/** Fisher–Yates with a cryptographic source: the order of texts says nothing about who wrote them or when. */
export function secureShuffle<T>(items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/**
 * The only thing ever computed from answers: per dimension the distribution over 1–7 and the median, and
 * the texts, shuffled. Callers make sure `answers.length >= k` first.
 */
export function aggregate(answers: BallotAnswer[], k: number): KasamAggregate {
  const dimensions = {} as Record<KasamDimension, KasamDimensionAggregate>;
  for (const d of KASAM_DIMENSIONS) {
    const values = answers.map((a) => a[d]);
    const distribution = [0, 0, 0, 0, 0, 0, 0];
    for (const v of values) distribution[v - 1]!++;
    dimensions[d] = { distribution, median: median(values) };
  }
  const texts = {} as Record<KasamTextKind, string[]>;
  for (const t of KASAM_TEXTS) texts[t] = secureShuffle(answers.map((a) => a[t]).filter((x): x is string => !!x));
  return { n: answers.length, k, dimensions, texts };
}

export const kasamAnswer: CommandDef<'kasam.answer'> = {
  phase: 'kasam-reflection',
  anonymous: true,
  async handle({ m, phase, actor, payload }) {
    const state = stateOf(phase, 'kasam-reflection');
    if (state.revealed) throw conflict('The answers have been revealed; answering has closed');
    if (state.answeredBy.includes(actor.userId)) throw conflict('You have already answered');
    const answer: BallotAnswer = {
      comprehensibility: payload.comprehensibility,
      manageability: payload.manageability,
      meaningfulness: payload.meaningfulness,
      helps: payload.helps || null,
      hinders: payload.hinders || null,
      important: payload.important || null,
    };
    // The ballot: one row per phase; the answer goes in at a random place, with no person and no time.
    const ballot = await m.findOneBy(KasamBallot, { phaseId: phase.id });
    const answers = [...(ballot?.answers ?? [])];
    answers.splice(randomInt(answers.length + 1), 0, answer);
    if (ballot) await m.update(KasamBallot, { phaseId: phase.id }, { answers: answers as never });
    else await m.insert(KasamBallot, { phaseId: phase.id, answers: answers as never });
    // The "has answered" mark, apart from the answer, sorted so that it keeps no order of answering.
    const answeredBy = [...state.answeredBy, actor.userId].sort();
    await savePhaseState<'kasam-reflection'>(m, phase, { ...state, answeredBy, answered: answeredBy.length });
    return { event: event('kasam.answered', { phaseId: phase.id, answered: answeredBy.length }), result: {} };
  },
};

export const kasamReveal: CommandDef<'kasam.reveal'> = {
  phase: 'kasam-reflection',
  async handle({ m, meeting, phase, now }) {
    const state = stateOf(phase, 'kasam-reflection');
    if (state.revealed) throw conflict('Already revealed');
    const { k } = phase.settings as PhaseSettingsMap['kasam-reflection'];
    const ballot = await m.findOneBy(KasamBallot, { phaseId: phase.id });
    const answers = ballot?.answers ?? [];
    if (answers.length < k) throw conflict(`At least ${k} answers are needed before anything can be shown`);
    const result = aggregate(answers, k);
    // The marks go: from now on only the count and the aggregate are kept, never beside people's ids.
    await savePhaseState<'kasam-reflection'>(m, phase, {
      answeredBy: [],
      answered: answers.length,
      revealed: true,
      result,
    });
    await m.insert(KasamResult, {
      teamId: meeting.teamId,
      forumId: meeting.forumId,
      meetingId: meeting.id,
      phaseId: phase.id,
      heldOn: now.toISOString().slice(0, 10),
      aggregate: result as never,
    });
    // Only the aggregate is kept: single answers are gone once shown.
    await m.delete(KasamBallot, { phaseId: phase.id });
    return { event: event('kasam.revealed', { phaseId: phase.id, result }), result: {} };
  },
};

export const kasamFactorGroup: CommandDef<'kasam.factor.group'> = {
  phase: 'kasam-factors',
  lockable: true,
  async handle({ m, meeting, phase, payload }) {
    const item = await teamItem(m, meeting.teamId, payload.itemId);
    if (item.kind !== 'success-factor') throw invalid('itemId', 'not a success factor');
    const state = stateOf(phase, 'kasam-factors');
    const groups = { ...state.groups };
    if (payload.group === null) delete groups[item.id];
    else groups[item.id] = payload.group;
    await savePhaseState<'kasam-factors'>(m, phase, { groups });
    return {
      event: event('kasam.factor.grouped', { phaseId: phase.id, itemId: item.id, group: payload.group }),
      result: {},
    };
  },
};

export const kasamActionAdd: CommandDef<'kasam.action.add'> = {
  phase: 'kasam-actions',
  lockable: true,
  async handle({ m, meeting, phase, actor, payload }) {
    await assertTeamMember(m, meeting.teamId, payload.ownerId, 'ownerId');
    if (payload.factorId) await teamItem(m, meeting.teamId, payload.factorId);
    const { maxActions } = phase.settings as PhaseSettingsMap['kasam-actions'];
    const count = await m.countBy(Item, { originPhaseId: phase.id, kind: 'action' });
    if (count >= maxActions) throw conflict(`At most ${maxActions} actions: pick the ones that matter most`);
    const saved = await m.save(
      m.create(Item, {
        teamId: meeting.teamId,
        kind: 'action',
        text: payload.text,
        status: 'open',
        authorId: actor.userId,
        ownerId: payload.ownerId,
        dueDate: payload.dueDate ?? null,
        parentId: payload.factorId ?? null,
        notes: '',
        originMeetingId: meeting.id,
        originPhaseId: phase.id,
        lastMeetingId: meeting.id,
      }),
    );
    const item = toItemDto(await reloadItem(m, saved.id));
    return { event: event('kasam.action.added', { phaseId: phase.id, item }), result: { itemId: item.id } };
  },
};

const STATUS_AFTER = { done: 'done', 'carry-over': 'open', closed: 'closed' } as const;

export const kasamFollowup: CommandDef<'kasam.followup'> = {
  phase: 'kasam-actions',
  lockable: true,
  async handle({ m, meeting, phase, actor, payload, now }) {
    const item = await teamItem(m, meeting.teamId, payload.itemId);
    const [origin] = (await m.query(
      `SELECT 1 FROM meeting_phases p JOIN meetings mt ON mt.id = p.meeting_id
        WHERE p.id = $1 AND p.kind = 'kasam-actions' AND mt.team_id = $2 AND mt.id <> $3
          AND ($4::uuid IS NULL OR mt.forum_id = $4)`,
      [item.originPhaseId, meeting.teamId, meeting.id, meeting.forumId],
    )) as unknown[];
    if (item.kind !== 'action' || !origin) throw invalid('itemId', 'not an action from an earlier KASAM dialogue');
    await m.update(Item, { id: item.id }, { status: STATUS_AFTER[payload.outcome], lastMeetingId: meeting.id });
    const entry = {
      outcome: payload.outcome,
      comment: payload.comment || null,
      by: actor.userId,
      at: now.toISOString(),
    };
    const state = stateOf(phase, 'kasam-actions');
    await savePhaseState<'kasam-actions'>(m, phase, { outcomes: { ...state.outcomes, [item.id]: entry } });
    const updated = toItemDto(await reloadItem(m, item.id));
    return {
      event: event('kasam.followed-up', { phaseId: phase.id, itemId: item.id, entry, item: updated }),
      result: { itemId: item.id },
    };
  },
};

export type KasamCommandType =
  'kasam.answer' | 'kasam.reveal' | 'kasam.factor.group' | 'kasam.action.add' | 'kasam.followup';

export const KASAM_HANDLERS: CommandTable<KasamCommandType> = {
  'kasam.answer': kasamAnswer,
  'kasam.reveal': kasamReveal,
  'kasam.factor.group': kasamFactorGroup,
  'kasam.action.add': kasamActionAdd,
  'kasam.followup': kasamFollowup,
};
