/** Live commands of the ethics forum: the theme, breakout groups, their summaries, notes and timers. */
import { type BreakoutGroup, type BreakoutState, type ChosenTheme, ErrorCode, type TimerState } from '@tillit/protocol';
import { In, type EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { conflict, forbidden } from '../live/command-errors.js';
import { type CommandDef, type CommandContext, type CommandTable, event } from '../live/live.types.js';
import { savePhaseState, stateOf } from '../live/phase-state.js';
import { Meeting, MeetingPhase } from '../meetings/meeting.entity.js';
import { TeamMember } from '../teams/team.entity.js';
import { BreakoutNotes, EthicsTheme, EthicsThemeUse } from './ethics.entities.js';
import { type Candidate, formGroups, pairsOf, repeatedPairs } from './grouping.js';

const invalid = (path: string, message: string) =>
  new AppError(ErrorCode.ValidationFailed, message, { issues: [{ path, message }] });

const today = (now: Date) => now.toISOString().slice(0, 10);

export const ethicsThemeChoose: CommandDef<'ethics.theme.choose'> = {
  phase: 'ethics-theme',
  async handle({ m, meeting, phase, payload, now }) {
    let theme: ChosenTheme | null = null;
    let themeKey: string | null = null;
    if (payload.theme && 'builtin' in payload.theme) {
      theme = { source: 'builtin', key: payload.theme.builtin };
      themeKey = `builtin:${payload.theme.builtin}`;
    } else if (payload.theme) {
      const own = await m.findOneBy(EthicsTheme, { id: payload.theme.teamThemeId, teamId: meeting.teamId });
      if (!own) throw new AppError(ErrorCode.NotFound, 'No such theme');
      theme = { source: 'team', id: own.id, title: own.title, case: own.case, questions: own.questions };
      themeKey = `team:${own.id}`;
    }
    await savePhaseState<'ethics-theme'>(m, phase, { theme });
    // The forum remembers what it took up (one use per theme phase: choosing again replaces it).
    await m.delete(EthicsThemeUse, { phaseId: phase.id });
    if (themeKey) {
      await m.insert(EthicsThemeUse, {
        teamId: meeting.teamId,
        forumId: meeting.forumId,
        meetingId: meeting.id,
        phaseId: phase.id,
        themeKey,
        usedOn: today(now),
      });
    }
    return { event: event('ethics.theme.chosen', { phaseId: phase.id, theme }), result: {} };
  },
};

/* Breakout groups ---------------------------------------------------------------------------------- */

const idleTimer = (): TimerState => ({ status: 'idle', remainingMs: 0 });
const newGroup = (members: string[]): BreakoutGroup => ({ members, summary: '', timer: idleTimer(), notesRev: 0 });

async function saveBreakout(ctx: { m: EntityManager; phase: MeetingPhase }, state: BreakoutState) {
  await savePhaseState<'breakout'>(ctx.m, ctx.phase, state);
  return event('breakout.changed', { phaseId: ctx.phase.id, state });
}

function groupAt(state: BreakoutState, group: number): BreakoutGroup {
  const g = state.groups[group];
  if (!g) throw invalid('group', 'no such group');
  return g;
}

/** Pairs from the most recent earlier breakout of this forum (or this team, for meetings without a forum). */
async function lastPairs(m: EntityManager, meeting: Meeting, phaseId: string): Promise<Set<string>> {
  const rows = (await m.query(
    `SELECT p.state FROM meeting_phases p JOIN meetings mt ON mt.id = p.meeting_id
      WHERE mt.team_id = $1 AND ($2::uuid IS NULL OR mt.forum_id = $2) AND p.kind = 'breakout' AND p.id <> $3
        AND jsonb_array_length(p.state->'groups') > 0
      ORDER BY mt.created_at DESC, p.position DESC LIMIT 1`,
    [meeting.teamId, meeting.forumId, phaseId],
  )) as { state: BreakoutState }[];
  const last = rows[0]?.state;
  return last ? pairsOf(last.groups.map((g) => g.members)) : new Set();
}

async function teamMembers(m: EntityManager, teamId: string, ids: string[]): Promise<TeamMember[]> {
  if (ids.length === 0) return [];
  const found = await m.find(TeamMember, { where: { teamId, userId: In(ids) } });
  if (found.length !== new Set(ids).size) throw invalid('userIds', 'not a member of the team');
  return found;
}

export const breakoutForm: CommandDef<'breakout.form'> = {
  phase: 'breakout',
  async handle(ctx) {
    const { m, meeting, phase, payload } = ctx;
    const state = stateOf(phase, 'breakout');
    if (state.stage !== 'setup')
      throw conflict('Groups can only be formed before they start (call everyone back first)');
    const last = await lastPairs(m, meeting, phase.id);
    let groups: string[][];
    let repeats: number;
    if (payload.mode === 'manual') {
      await teamMembers(m, meeting.teamId, payload.groups.flat());
      groups = payload.groups;
      repeats = repeatedPairs(groups, last);
    } else {
      const members = await teamMembers(m, meeting.teamId, payload.userIds);
      const everyone = await m.find(TeamMember, {
        where: { teamId: meeting.teamId },
        order: { createdAt: 'ASC', userId: 'ASC' },
      });
      const seniority = new Map(everyone.map((tm, i) => [tm.userId, i]));
      const candidates: Candidate[] = members.map((tm) => ({
        userId: tm.userId,
        role: tm.role,
        seniority: seniority.get(tm.userId) ?? 0,
      }));
      const formed = formGroups(candidates, payload.groupSize, payload.mode, last);
      groups = formed.groups;
      repeats = formed.repeatedPairs;
    }
    const next: BreakoutState = {
      stage: 'setup',
      groups: groups.map(newGroup),
      sharing: null,
      formedBy: payload.mode,
      repeatedPairs: repeats,
    };
    return { event: await saveBreakout(ctx, next), result: { groups: groups.length, repeatedPairs: repeats } };
  },
};

export const breakoutMove: CommandDef<'breakout.move'> = {
  phase: 'breakout',
  async handle(ctx) {
    const { m, meeting, phase, payload } = ctx;
    await teamMembers(m, meeting.teamId, [payload.userId]);
    const state = stateOf(phase, 'breakout');
    if (payload.group !== null && payload.group > state.groups.length) throw invalid('group', 'no such group');
    const groups = state.groups.map((g) => ({ ...g, members: g.members.filter((u) => u !== payload.userId) }));
    if (payload.group !== null) {
      if (payload.group === groups.length) groups.push({ ...newGroup([]), timer: groups[0]?.timer ?? idleTimer() });
      groups[payload.group]!.members.push(payload.userId);
    }
    return { event: await saveBreakout(ctx, { ...state, groups }), result: {} };
  },
};

export const breakoutOpen: CommandDef<'breakout.open'> = {
  phase: 'breakout',
  async handle(ctx) {
    const { phase, now } = ctx;
    const state = stateOf(phase, 'breakout');
    if (state.stage === 'running') throw conflict('The groups are already running');
    if (!state.groups.some((g) => g.members.length > 0)) throw conflict('Form the groups first');
    const box = (phase.timeboxSeconds ?? 0) * 1000;
    const groups = state.groups.map((g) => {
      // First opening: every group's clock starts with the phase's time box; reopening resumes paused clocks.
      if (state.stage === 'setup' && box > 0) {
        return {
          ...g,
          timer: {
            status: 'running',
            endsAt: new Date(now.getTime() + box).toISOString(),
            durationMs: box,
          } as TimerState,
        };
      }
      if (g.timer.status === 'paused') {
        return {
          ...g,
          timer: {
            status: 'running',
            endsAt: new Date(now.getTime() + g.timer.remainingMs).toISOString(),
            durationMs: g.timer.durationMs,
          } as TimerState,
        };
      }
      return g;
    });
    return { event: await saveBreakout(ctx, { ...state, stage: 'running', sharing: null, groups }), result: {} };
  },
};

const paused = (t: TimerState, now: Date): TimerState =>
  t.status === 'running'
    ? { status: 'paused', remainingMs: Math.max(0, Date.parse(t.endsAt) - now.getTime()), durationMs: t.durationMs }
    : t;

export const breakoutRecall: CommandDef<'breakout.recall'> = {
  phase: 'breakout',
  async handle(ctx) {
    const state = stateOf(ctx.phase, 'breakout');
    if (state.stage !== 'running') throw conflict('The groups are not running');
    const groups = state.groups.map((g) => ({ ...g, timer: paused(g.timer, ctx.now) }));
    return { event: await saveBreakout(ctx, { ...state, stage: 'recalled', groups }), result: {} };
  },
};

export const breakoutShare: CommandDef<'breakout.share'> = {
  phase: 'breakout',
  async handle(ctx) {
    const state = stateOf(ctx.phase, 'breakout');
    if (state.stage === 'setup') throw conflict('The groups have not met yet');
    if (ctx.payload.group !== null) groupAt(state, ctx.payload.group);
    // Share-back happens in plenary: sharing while groups still run calls them back.
    const groups = state.groups.map((g) => ({ ...g, timer: paused(g.timer, ctx.now) }));
    return {
      event: await saveBreakout(ctx, { ...state, stage: 'share-back', sharing: ctx.payload.group, groups }),
      result: {},
    };
  },
};

type GroupCtx = Pick<CommandContext<'breakout.summary'>, 'phase' | 'actor'>;

/** The group, when the actor may act for it (members; the facilitator too unless `membersOnly`). */
function ownGroup(ctx: GroupCtx, group: number, membersOnly: boolean): { state: BreakoutState; g: BreakoutGroup } {
  const state = stateOf(ctx.phase, 'breakout');
  if (state.stage === 'setup') throw conflict('The groups have not started yet');
  const g = groupAt(state, group);
  const member = g.members.includes(ctx.actor.userId);
  if (!member && (membersOnly || !ctx.actor.isFacilitator)) {
    throw forbidden(
      membersOnly ? 'Only the members of this group may do this' : 'Only this group or the facilitator may do this',
    );
  }
  return { state, g };
}

export const breakoutSummary: CommandDef<'breakout.summary'> = {
  phase: 'breakout',
  lockable: true,
  async handle(ctx) {
    const { payload, phase, m } = ctx;
    const { state } = ownGroup(ctx, payload.group, false);
    const groups = state.groups.map((g, i) => (i === payload.group ? { ...g, summary: payload.text } : g));
    await savePhaseState<'breakout'>(m, phase, { ...state, groups });
    return {
      event: event('breakout.summary.edited', { phaseId: phase.id, group: payload.group, text: payload.text }),
      result: {},
    };
  },
};

/**
 * Confidential notes: only the group's members, never the facilitator or a manager from outside it. The text
 * goes to `breakout_notes`; the event and the result carry only the revision number.
 */
export const breakoutNotes: CommandDef<'breakout.notes'> = {
  phase: 'breakout',
  async handle(ctx) {
    const { payload, phase, m, meeting } = ctx;
    const { state } = ownGroup(ctx, payload.group, true);
    const existing = await m.findOneBy(BreakoutNotes, { phaseId: phase.id, groupIndex: payload.group });
    const rev = (existing?.rev ?? 0) + 1;
    if (existing) await m.update(BreakoutNotes, { id: existing.id }, { text: payload.text, rev });
    else
      await m.insert(BreakoutNotes, {
        meetingId: meeting.id,
        phaseId: phase.id,
        groupIndex: payload.group,
        text: payload.text,
        rev,
      });
    const groups = state.groups.map((g, i) => (i === payload.group ? { ...g, notesRev: rev } : g));
    await savePhaseState<'breakout'>(m, phase, { ...state, groups });
    return {
      event: event('breakout.notes.changed', { phaseId: phase.id, group: payload.group, rev }),
      result: { rev },
    };
  },
};

export const breakoutTimer: CommandDef<'breakout.timer'> = {
  phase: 'breakout',
  async handle(ctx) {
    const { payload, phase, m, now } = ctx;
    const { state, g } = ownGroup(ctx, payload.group, false);
    let timer: TimerState;
    if (payload.action === 'start') {
      const durationMs = payload.seconds * 1000;
      timer = { status: 'running', endsAt: new Date(now.getTime() + durationMs).toISOString(), durationMs };
    } else if (payload.action === 'pause') {
      if (g.timer.status !== 'running') throw conflict('The timer is not running');
      timer = paused(g.timer, now);
    } else {
      if (g.timer.status !== 'paused') throw conflict('The timer is not paused');
      timer = {
        status: 'running',
        endsAt: new Date(now.getTime() + g.timer.remainingMs).toISOString(),
        durationMs: g.timer.durationMs,
      };
    }
    const groups = state.groups.map((x, i) => (i === payload.group ? { ...x, timer } : x));
    await savePhaseState<'breakout'>(m, phase, { ...state, groups });
    return { event: event('breakout.timer.changed', { phaseId: phase.id, group: payload.group, timer }), result: {} };
  },
};

export type EthicsCommandType =
  | 'ethics.theme.choose'
  | 'breakout.form'
  | 'breakout.move'
  | 'breakout.open'
  | 'breakout.recall'
  | 'breakout.share'
  | 'breakout.summary'
  | 'breakout.notes'
  | 'breakout.timer';

export const ETHICS_HANDLERS: CommandTable<EthicsCommandType> = {
  'ethics.theme.choose': ethicsThemeChoose,
  'breakout.form': breakoutForm,
  'breakout.move': breakoutMove,
  'breakout.open': breakoutOpen,
  'breakout.recall': breakoutRecall,
  'breakout.share': breakoutShare,
  'breakout.summary': breakoutSummary,
  'breakout.notes': breakoutNotes,
  'breakout.timer': breakoutTimer,
};
