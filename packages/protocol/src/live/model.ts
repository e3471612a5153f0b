/**
 * The engine's model of a live meeting: items (what a team captures; they belong to the team and outlive
 * meetings), phases (the steps of a meeting, of kinds the rituals register), the timer, presence,
 * participants, and the snapshot and minutes that rituals add their parts to. REST bodies are zod schemas
 * (the API parses with them); what the API returns is described by interfaces.
 */
import { z } from 'zod';
import { rruleProblem } from './rrule.js';
import type { Merged } from './tables.js';

/** Multi-line text written by people: trimmed, not empty, bounded. */
export const text = (max: number) => z.string().trim().min(1).max(max);

export const FORUM_KINDS = ['daily-morning', 'daily-afternoon', 'improvement', 'ethics', 'kasam', 'custom'] as const;
export const ForumKind = z.enum(FORUM_KINDS);
export type ForumKind = z.infer<typeof ForumKind>;

/** What a participant can capture. `action` items come out of a discussion and have an owner and due date. */
export const ITEM_KINDS = [
  'plan',
  'risk',
  'disturbance',
  'idea',
  'note',
  'action',
  'feedback',
  'success-factor',
] as const;
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

/* ------------------------------------------------------------------------------------------------ */
/* Phases: the kinds are registered by the rituals                                                  */
/* ------------------------------------------------------------------------------------------------ */

/**
 * Each ritual's phase kinds, under the ritual's name (see tables.ts):
 * `declare module '../live/model.js' { interface PhaseKindTables { kasam: PhaseKindTable<typeof KASAM_PHASE_SETTINGS, KasamPhaseStates> } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the engine has no phase kind of its own: rituals merge theirs in
export interface PhaseKindTables {}

/** A ritual's phase kinds: the zod schema of each kind's settings and what each holds during a meeting. */
export type PhaseKindTable<
  Settings extends Record<string, z.ZodType>,
  States extends { [K in keyof Settings]: unknown },
> = {
  [K in keyof Settings & string]: { settings: Settings[K]; state: States[K] };
};

/** Every phase kind: kind → `{ settings: <zod schema>; state }`. */
export type PhaseKindRegistry = Merged<PhaseKindTables>;
export type PhaseKind = keyof PhaseKindRegistry & string;
type SettingsSchemaOf<S> = S extends { settings: infer T extends z.ZodType } ? T : never;
export type PhaseSettingsMap = { [K in PhaseKind]: z.output<SettingsSchemaOf<PhaseKindRegistry[K]>> };
/**
 * What each phase kind holds during a meeting, as every participant sees it. Records are keyed by user id
 * or item id.
 */
export type PhaseStateMap = { [K in PhaseKind]: PhaseKindRegistry[K] extends { state: infer S } ? S : never };

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

/** How a meeting followed up an item (a review phase, a KASAM dialogue's actions). */
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

/** What rituals add to the snapshot, each under its own field (e.g. `steering?`, `improvement?`). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the rituals' declaration merging
export interface SnapshotParts {}

/** The whole state of a meeting as one participant sees it (the answer to a join, and GET /api/meetings/:id). */
export interface MeetingSnapshot extends SnapshotParts {
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
  lastSeq: number;
  serverNow: string;
}

/** What rituals and phase kinds add to the minutes (e.g. the summary, review outcomes, `steering?`). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the rituals' declaration merging
export interface MinutesParts {}

export interface MinutesDto extends MinutesParts {
  /** Items captured in this meeting. */
  created: ItemDto[];
  /** Action items made in this meeting. */
  actions: ItemDto[];
}
