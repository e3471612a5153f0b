/**
 * The domain of live forums: forums (a team's recurring ritual), meetings (one occurrence), phases
 * (the steps of a meeting) and items (what a team captures; items belong to the team and outlive meetings).
 * REST bodies are zod schemas (the API parses with them); what the API returns is described by interfaces.
 */
import { z } from 'zod';
import { name, uuid } from '../common.js';
import { LIVE_LIMITS } from './limits.js';
import { rruleProblem } from './rrule.js';
import { PdsaPhaseSettings, type ImprovementState, type PdsaPhaseState } from '../improvement.js';
import {
  STEERING_PHASE_SETTINGS,
  type SteeringMinutesDto,
  type SteeringPhaseStateMap,
  type SteeringSnapshot,
} from '../steering.js';
import { BreakoutSettings, EthicsThemeSettings, type BreakoutState, type EthicsMinutesDto, type EthicsThemeState } from './ethics.js';
import {
  KasamActionsSettings,
  KasamFactorsSettings,
  KasamReflectionSettings,
  type KasamActionsState,
  type KasamFactorsState,
  type KasamMinutesDto,
  type KasamReflectionState,
} from './kasam.js';

/** Multi-line text written by people: trimmed, not empty, bounded. */
export const text = (max: number) => z.string().trim().min(1).max(max);

export const FORUM_KINDS = ['daily-morning', 'daily-afternoon', 'improvement', 'ethics', 'kasam', 'custom'] as const;
export const ForumKind = z.enum(FORUM_KINDS);
export type ForumKind = z.infer<typeof ForumKind>;

/** What a participant can capture. `action` items come out of a discussion and have an owner and due date. */
export const ITEM_KINDS = ['plan', 'risk', 'disturbance', 'idea', 'note', 'action', 'feedback', 'success-factor'] as const;
export const ItemKind = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof ItemKind>;

/** `open` items show up in later meetings' review phases; `done`/`closed` ones are history. */
export const ITEM_STATUSES = ['open', 'done', 'closed'] as const;
export const ItemStatus = z.enum(ITEM_STATUSES);
export type ItemStatus = z.infer<typeof ItemStatus>;

export const MEETING_STATES = ['scheduled', 'live', 'ended'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

export const DEVICE_KINDS = ['phone', 'laptop', 'wall'] as const;
export const DeviceKind = z.enum(DEVICE_KINDS);
export type DeviceKind = z.infer<typeof DeviceKind>;

/** An RRULE (see rrule.ts), e.g. `FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=30`. */
export const RRule = z
  .string()
  .trim()
  .max(300)
  .superRefine((v, ctx) => {
    const problem = rruleProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: `Invalid RRULE: ${problem}` });
  });

const itemKinds = z
  .array(ItemKind)
  .min(1)
  .max(ITEM_KINDS.length)
  .refine((a) => new Set(a).size === a.length, 'item kinds must not repeat');
const prompt = z.string().trim().max(LIVE_LIMITS.prompt);

/* ------------------------------------------------------------------------------------------------ */
/* Phases                                                                                           */
/* ------------------------------------------------------------------------------------------------ */

export const PHASE_KINDS = ['check-in', 'capture', 'review', 'voting', 'discussion', 'summary',
  'ethics-theme', 'breakout', 'kasam-reflection', 'kasam-factors', 'kasam-actions',
  'steering-check-in', 'steering-carry-over', 'steering-plan', 'steering-follow-up', 'steering-risks', 'steering-feedback',
  'pdsa'] as const;
export const PhaseKind = z.enum(PHASE_KINDS);
export type PhaseKind = z.infer<typeof PhaseKind>;

/** Settings of each phase kind. Adding a kind: add its settings here, its state to PhaseStateMap below. */
export const PHASE_SETTINGS = {
  /** Each person answers the prompt, in turn (the facilitator gives the turn) or freely; "pass" optional. */
  'check-in': z.strictObject({
    prompt: prompt.default(''),
    mode: z.enum(['in-turn', 'free']).default('free'),
    allowPass: z.boolean().default(true),
  }),
  /** Participants add items of these kinds (the first is the default in the UI). */
  capture: z.strictObject({ itemKinds, prompt: prompt.default('') }),
  /** Walk through the team's open items of these kinds from earlier meetings: done, carry over, close, comment. */
  review: z.strictObject({ itemKinds }),
  /** Dot voting over open items of these kinds; votes stay hidden until the facilitator reveals them. */
  voting: z.strictObject({
    itemKinds,
    votesPerPerson: z.int().min(1).max(LIVE_LIMITS.votesPerPerson).default(3),
    maxPerItem: z.int().min(1).max(LIVE_LIMITS.votesPerPerson).default(3),
  }),
  /** One item at a time (the facilitator picks), shared notes on it, action items with owner and due date. */
  discussion: z.strictObject({ itemKinds }),
  /** What the meeting produced; its text and the meeting's items become the minutes. */
  summary: z.strictObject({ prompt: prompt.default('') }),
  /** Ethics forum (see ethics.ts): the theme with its case and questions; breakout groups and share-back. */
  'ethics-theme': EthicsThemeSettings,
  breakout: BreakoutSettings,
  /** KASAM dialogue (see kasam.ts): anonymous reflection, success factors, actions and their follow-up. */
  'kasam-reflection': KasamReflectionSettings,
  'kasam-factors': KasamFactorsSettings,
  'kasam-actions': KasamActionsSettings,
  /** Improvement meeting (see ../improvement.ts): running cycles, one idea's PDSA cycle and measures, or its actions. */
  pdsa: PdsaPhaseSettings,
  /** Daily steering (see ../steering.ts): check-in, carry-over, plan, follow-up, risks, feedback round. */
  ...STEERING_PHASE_SETTINGS,
} as const;
export type PhaseSettingsMap = { [K in PhaseKind]: z.output<(typeof PHASE_SETTINGS)[K]> };

const timeboxSeconds = z.int().min(0).max(LIVE_LIMITS.timerSeconds).nullable().default(null);
const phaseTemplateOf = <K extends PhaseKind>(kind: K) =>
  z.strictObject({
    kind: z.literal(kind),
    title: name(LIVE_LIMITS.phaseTitle),
    timeboxSeconds,
    settings: PHASE_SETTINGS[kind],
  });

/** One step of a forum's template (and of a meeting, which copies the template when it starts). */
export const PhaseTemplate = z.discriminatedUnion('kind', [
  phaseTemplateOf('check-in'),
  phaseTemplateOf('capture'),
  phaseTemplateOf('review'),
  phaseTemplateOf('voting'),
  phaseTemplateOf('discussion'),
  phaseTemplateOf('summary'),
  phaseTemplateOf('ethics-theme'),
  phaseTemplateOf('breakout'),
  phaseTemplateOf('kasam-reflection'),
  phaseTemplateOf('kasam-factors'),
  phaseTemplateOf('kasam-actions'),
  phaseTemplateOf('steering-check-in'),
  phaseTemplateOf('steering-carry-over'),
  phaseTemplateOf('steering-plan'),
  phaseTemplateOf('steering-follow-up'),
  phaseTemplateOf('steering-risks'),
  phaseTemplateOf('steering-feedback'),
  phaseTemplateOf('pdsa'),
]);
export type PhaseTemplate = z.output<typeof PhaseTemplate>;
export type PhaseTemplateInput = z.input<typeof PhaseTemplate>;
export const PhaseTemplates = z.array(PhaseTemplate).min(1).max(LIVE_LIMITS.phasesPerMeeting);

/** A check-in answer; `text: null` means the person passed. */
export interface CheckInAnswer {
  text: string | null;
  at: string;
}
export const REVIEW_OUTCOMES = ['done', 'carry-over', 'closed'] as const;
export const ReviewOutcome = z.enum(REVIEW_OUTCOMES);
export type ReviewOutcome = z.infer<typeof ReviewOutcome>;
export interface ReviewEntry {
  outcome: ReviewOutcome;
  comment: string | null;
  by: string;
  at: string;
}

/**
 * What each phase kind holds during a meeting, as every participant sees it. Records are keyed by user id
 * or item id. Voting is per viewer: `mine` is the viewer's own votes; `tallies` stays null until revealed.
 */
export interface PhaseStateMap extends SteeringPhaseStateMap {
  'check-in': { turnUserId: string | null; answers: Record<string, CheckInAnswer> };
  capture: Record<string, never>;
  review: { outcomes: Record<string, ReviewEntry> };
  voting: {
    revealed: boolean;
    /** Votes each person has used (counts only: who voted for what is never shown). */
    used: Record<string, number>;
    tallies: Record<string, number> | null;
    mine: Record<string, number>;
  };
  discussion: { focusItemId: string | null };
  summary: { text: string };
  'ethics-theme': EthicsThemeState;
  breakout: BreakoutState;
  'kasam-reflection': KasamReflectionState;
  'kasam-factors': KasamFactorsState;
  'kasam-actions': KasamActionsState;
  pdsa: PdsaPhaseState;
}

export type PhaseView = {
  [K in PhaseKind]: {
    id: string;
    index: number;
    kind: K;
    title: string;
    timeboxSeconds: number | null;
    settings: PhaseSettingsMap[K];
    state: PhaseStateMap[K];
  };
}[PhaseKind];

/* ------------------------------------------------------------------------------------------------ */
/* Items, timer, presence, meetings                                                                 */
/* ------------------------------------------------------------------------------------------------ */

export interface ItemDto {
  id: string;
  teamId: string;
  kind: ItemKind;
  text: string;
  status: ItemStatus;
  authorId: string | null;
  ownerId: string | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
  /** For actions: the item discussed when it was made. */
  parentId: string | null;
  /** Shared notes written during a discussion. */
  notes: string;
  originMeetingId: string | null;
  originPhaseId: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * The server owns the timer. Running: it ends at `endsAt` (server clock); paused: `remainingMs` are left;
 * idle: not started (`remainingMs` = the phase's time box, or 0). Clients show
 * `Date.parse(endsAt) - (Date.now() + clockOffset)` where `clockOffset = Date.parse(serverNow) - Date.now()`
 * measured when the snapshot (or any event's `at`) arrived.
 */
export type TimerState =
  | { status: 'idle'; remainingMs: number }
  | { status: 'running'; endsAt: string; durationMs: number }
  | { status: 'paused'; remainingMs: number; durationMs: number };

/** One connection in the meeting room (a person may have several: phone and wall screen). */
export interface PresenceEntry {
  connectionId: string;
  userId: string;
  displayName: string;
  device: DeviceKind;
  idle: boolean;
}

export interface ParticipantDto {
  userId: string;
  displayName: string;
  role: 'manager' | 'facilitator' | 'member' | null;
}

export interface MeetingDto {
  id: string;
  teamId: string;
  forumId: string | null;
  forumKind: ForumKind | null;
  title: string;
  state: MeetingState;
  facilitatorId: string | null;
  currentPhaseIndex: number;
  inputLocked: boolean;
  scheduledFor: string | null;
  startedAt: string | null;
  endedAt: string | null;
  createdAt: string;
}

export interface HandDto {
  userId: string;
  at: string;
}

/** The whole state of a meeting as one participant sees it (the answer to a join, and GET /api/meetings/:id). */
export interface MeetingSnapshot {
  meeting: MeetingDto;
  phases: PhaseView[];
  /** The team's open items plus every item made or changed in this meeting. */
  items: ItemDto[];
  timer: TimerState;
  /** Raised hands, first raised first. */
  hands: HandDto[];
  /** Who said "ready" in the current phase (reset on every phase change). */
  ready: string[];
  /** The team's members (and whoever facilitates), for names and the "nobody forgotten" lists. */
  participants: ParticipantDto[];
  /** Who is connected now (empty in REST answers). */
  presence: PresenceEntry[];
  /** For ended meetings: the minutes, frozen when the meeting ended. */
  minutes: MinutesDto | null;
  /** Daily-steering meetings: the day's plan, risks, escalations and the feedback round (see ../steering.ts). */
  steering?: SteeringSnapshot | null;
  /** Improvement meetings (a `pdsa` phase): the team's improvement work (see ../improvement.ts). */
  improvement?: ImprovementState | null;
  lastSeq: number;
  serverNow: string;
}

export interface MinutesDto {
  summary: string;
  /** Items captured in this meeting. */
  created: ItemDto[];
  /** Action items made in this meeting. */
  actions: ItemDto[];
  /** Review outcomes, per reviewed item. */
  reviewed: { itemId: string; text: string; outcome: ReviewOutcome; comment: string | null }[];
  /** Revealed votes per voting phase. */
  votes: { phaseId: string; title: string; tallies: Record<string, number> }[];
  /** Who answered the check-in (no texts: those stay in the meeting). */
  checkIns: { phaseId: string; answered: string[]; passed: string[] }[];
  /** Daily-steering meetings: plan, risks, escalations, the number of feedback messages. */
  steering?: SteeringMinutesDto | null;
  /** Ethics forums: the theme and the groups' shared summaries (never the confidential notes). */
  ethics?: EthicsMinutesDto | null;
  /** KASAM dialogues: the revealed aggregate (only if k was met), success factors, actions with owners. */
  kasam?: KasamMinutesDto | null;
}

/* ------------------------------------------------------------------------------------------------ */
/* REST: forums and meetings                                                                        */
/* ------------------------------------------------------------------------------------------------ */

/** Who facilitates a forum's meetings: always the same person, or the next in a rotation. */
export const Facilitation = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('fixed'), userId: uuid }),
  /** Rotates through `userIds` in order; without it, through all team members in the order they joined. */
  z.strictObject({ mode: z.literal('rotating'), userIds: z.array(uuid).min(1).max(200).optional() }),
]);
export type Facilitation = z.infer<typeof Facilitation>;

export const CreateForumBody = z.strictObject({
  kind: ForumKind,
  name: name(LIVE_LIMITS.forumName),
  /** null: no fixed schedule (ad-hoc ritual). */
  schedule: RRule.nullable().default(null),
  phases: PhaseTemplates,
  facilitation: Facilitation.default({ mode: 'rotating' }),
});
export type CreateForumBody = z.input<typeof CreateForumBody>;

export const UpdateForumBody = z.strictObject({
  kind: ForumKind.optional(),
  name: name(LIVE_LIMITS.forumName).optional(),
  schedule: RRule.nullable().optional(),
  phases: PhaseTemplates.optional(),
  facilitation: Facilitation.optional(),
});
export type UpdateForumBody = z.input<typeof UpdateForumBody>;

export interface ForumDto {
  id: string;
  teamId: string;
  kind: ForumKind;
  name: string;
  schedule: string | null;
  phases: PhaseTemplate[];
  facilitation: Facilitation;
  /** Who facilitates the next meeting started from this forum, when known. */
  nextFacilitatorId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/teams/:teamId/forums/:forumId/meetings */
export const StartMeetingBody = z.strictObject({
  title: name(LIVE_LIMITS.meetingTitle).optional(),
  /** Overrides the forum's facilitation for this meeting; must be a team member. */
  facilitatorId: uuid.optional(),
  /** Given: the meeting is `scheduled` and goes live with the `meeting.start` command; else it starts live. */
  scheduledFor: z.iso.datetime({ offset: true }).optional(),
});
export type StartMeetingBody = z.input<typeof StartMeetingBody>;

/** POST /api/teams/:teamId/meetings: an ad-hoc meeting without a forum. */
export const StartAdHocMeetingBody = StartMeetingBody.extend({
  title: name(LIVE_LIMITS.meetingTitle),
  phases: PhaseTemplates,
});
export type StartAdHocMeetingBody = z.input<typeof StartAdHocMeetingBody>;

/** GET /api/teams/:teamId/meetings?forumId=&state=&limit= */
export const MeetingHistoryQuery = z.strictObject({
  forumId: uuid.optional(),
  state: z.enum(MEETING_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type MeetingHistoryQuery = z.input<typeof MeetingHistoryQuery>;
