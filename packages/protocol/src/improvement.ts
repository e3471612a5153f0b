/**
 * Improvement work (PDSA): the team's improvement board, chained PDSA cycles, measures with data points for
 * run charts, and the live commands and events of the improvement meeting's `pdsa` phase.
 *
 * An improvement idea IS a team item of kind `idea` (its id is the item's id, its title the item's text), so
 * ideas captured and dot-voted in a meeting are on the board at once; the board adds the Model for
 * Improvement's three questions, origin, owner, status, cycles and measures.
 *
 * Long texts (the three questions and every PDSA field) are co-edited field by field: see FieldDto and
 * apps/api/src/improvement/README.md (a short lease shows who is editing; a save based on an old revision,
 * or while someone else holds the lease, never overwrites: it is kept as a visible conflict in the history).
 *
 * This file imports no runtime values from live/: the live registry imports from here.
 */
import { z } from 'zod';
import { name, uuid } from './common.js';
import type { CommandSpec } from './live/commands.js';
import type { LiveEventOf } from './live/events.js';
import type { ItemDto, ItemKind, MeetingSnapshot } from './live/model.js';

export const IMPROVEMENT_LIMITS = {
  /** The idea's title is its item's text. */
  title: 500,
  field: 5000,
  measureName: 120,
  unit: 40,
  definition: 2000,
  note: 500,
  questionsPerCycle: 10,
  cyclesPerIdea: 50,
  measuresPerIdea: 10,
  pointsPerMeasure: 1000,
  /** Seconds a field stays "being edited by" someone after their last keystroke save or claim. */
  leaseSeconds: 45,
} as const;

export const IDEA_STATUSES = ['idea', 'planning', 'testing', 'adopted', 'abandoned'] as const;
export const IdeaStatus = z.enum(IDEA_STATUSES);
export type IdeaStatus = z.infer<typeof IdeaStatus>;
/** Ideas still being worked on (the others are history). */
export const ACTIVE_IDEA_STATUSES: readonly IdeaStatus[] = ['idea', 'planning', 'testing'];

export const PDSA_DECISIONS = ['adopt', 'adapt', 'abandon'] as const;
export const PdsaDecision = z.enum(PDSA_DECISIONS);
export type PdsaDecision = z.infer<typeof PdsaDecision>;

export const MEASURE_DIRECTIONS = ['up', 'down'] as const;
export const MeasureDirection = z.enum(MEASURE_DIRECTIONS);
export type MeasureDirection = z.infer<typeof MeasureDirection>;

/** What an idea may come from (daily steering's risks and disturbances). */
export const ORIGIN_ITEM_KINDS = ['risk', 'disturbance'] as const satisfies readonly ItemKind[];

/* ------------------------------------------------------------------------------------------------ */
/* Co-edited fields                                                                                 */
/* ------------------------------------------------------------------------------------------------ */

/** The Model for Improvement's three questions. */
export const IDEA_FIELDS = ['aim', 'measure', 'change'] as const;
/** Plan (objective, who, where, when, data plan), Do (observations, deviations), Study (learning), Act (next step). */
export const CYCLE_FIELDS = ['objective', 'who', 'where', 'when', 'dataPlan', 'observations', 'deviations', 'learning', 'nextStep'] as const;
/** Per question of a cycle: the question (Plan), its prediction (Plan) and the result against it (Study). */
export const QUESTION_FIELDS = ['question', 'prediction', 'result'] as const;
export type IdeaField = (typeof IDEA_FIELDS)[number];
export type CycleField = (typeof CYCLE_FIELDS)[number];
export type QuestionField = (typeof QUESTION_FIELDS)[number];

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const KEY_RE = new RegExp(
  `^(?:i:(${UUID}):(${IDEA_FIELDS.join('|')})|c:(${UUID}):(${CYCLE_FIELDS.join('|')})|q:(${UUID}):(${UUID}):(${QUESTION_FIELDS.join('|')}))$`,
);

/**
 * A field's key: `i:<ideaId>:aim`, `c:<cycleId>:objective`, `q:<cycleId>:<questionId>:prediction`.
 * Keys are unique within the whole system (they embed the owner's id).
 */
export const fieldKey = {
  idea: (ideaId: string, field: IdeaField) => `i:${ideaId}:${field}`,
  cycle: (cycleId: string, field: CycleField) => `c:${cycleId}:${field}`,
  question: (cycleId: string, questionId: string, field: QuestionField) => `q:${cycleId}:${questionId}:${field}`,
};

export type ParsedFieldKey =
  | { scope: 'idea'; ideaId: string; field: IdeaField }
  | { scope: 'cycle'; cycleId: string; field: CycleField }
  | { scope: 'question'; cycleId: string; questionId: string; field: QuestionField };

export function parseFieldKey(key: string): ParsedFieldKey | null {
  const m = KEY_RE.exec(key);
  if (!m) return null;
  if (m[1]) return { scope: 'idea', ideaId: m[1], field: m[2] as IdeaField };
  if (m[3]) return { scope: 'cycle', cycleId: m[3], field: m[4] as CycleField };
  return { scope: 'question', cycleId: m[5]!, questionId: m[6]!, field: m[7] as QuestionField };
}

export const FieldKey = z.string().max(120).refine((k) => KEY_RE.test(k), 'not a field key');

/** A co-edited text. A field never written has no entry: read it as text '', rev 0, no editor. */
export interface FieldDto {
  key: string;
  text: string;
  /** Goes up by one with every saved change. */
  rev: number;
  updatedBy: string | null;
  updatedAt: string | null;
  /** Who is editing it now (a lease, renewed by every save; expired leases count as free). */
  editor: { userId: string; until: string } | null;
}

/** A text that was NOT put into its field (someone else changed it meanwhile): kept, shown, never lost. */
export interface ConflictDto {
  id: string;
  key: string;
  userId: string;
  text: string;
  at: string;
}

/** One entry of a field's history. */
export interface FieldVersionDto {
  id: string;
  key: string;
  /** The field's revision this text became; null for a conflict (it did not go in). */
  rev: number | null;
  kind: 'edit' | 'conflict';
  text: string;
  userId: string | null;
  at: string;
  /** For conflicts: dismissed from view (still here). */
  dismissed: boolean;
}

/* ------------------------------------------------------------------------------------------------ */
/* Ideas, cycles, measures                                                                          */
/* ------------------------------------------------------------------------------------------------ */

/**
 * A risk or disturbance an idea came from. It is looked up by id wherever daily steering keeps them (today
 * the `risks` table, and team items of kind risk/disturbance), so no foreign key ties the two domains.
 */
export interface IdeaOriginDto {
  id: string;
  kind: (typeof ORIGIN_ITEM_KINDS)[number];
  text: string;
}

export interface IdeaDto {
  /** The id of the team item (kind `idea`) this idea is. */
  id: string;
  teamId: string;
  title: string;
  status: IdeaStatus;
  authorId: string | null;
  ownerId: string | null;
  /** null: a free idea; otherwise the risk or disturbance it came from. */
  origin: IdeaOriginDto | null;
  createdAt: string;
  updatedAt: string;
}

export interface CycleDto {
  id: string;
  ideaId: string;
  /** 1, 2, 3 … per idea. */
  number: number;
  /** YYYY-MM-DD: where the run charts mark the cycle's start. */
  startedOn: string;
  /** Act: null while the cycle is running. */
  decision: PdsaDecision | null;
  /** The questions this cycle answers, in order (their texts are fields `q:<cycleId>:<questionId>:…`). */
  questionIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface PointDto {
  id: string;
  measureId: string;
  /** YYYY-MM-DD */
  date: string;
  value: number;
  note: string;
  authorId: string | null;
  createdAt: string;
}

export interface MeasureDto {
  id: string;
  ideaId: string;
  name: string;
  unit: string;
  /** Operational definition: exactly what is counted, how and when. */
  definition: string;
  /** Which direction is better. */
  better: MeasureDirection;
  goal: number | null;
  /** Freeze the median after this many points (a baseline), extended; null: the median of all points. */
  baselinePoints: number | null;
  /** In time order (date, then when entered). */
  points: PointDto[];
  createdAt: string;
  updatedAt: string;
}

/** Everything of a team's improvement work that a board or an improvement meeting shows. */
export interface ImprovementState {
  ideas: IdeaDto[];
  cycles: CycleDto[];
  /** By field key; fields never written are absent. */
  fields: Record<string, FieldDto>;
  measures: MeasureDto[];
  /** Conflicts not yet dismissed. */
  conflicts: ConflictDto[];
}

/** GET /api/teams/:teamId/improvement: the board, plus what an idea may be linked to. */
export interface ImprovementBoardDto extends ImprovementState {
  origins: IdeaOriginDto[];
}

/** Result of saving a field (REST, and the live command's ack carries the same facts). */
export interface SaveFieldResultDto {
  applied: boolean;
  field: FieldDto;
  /** When not applied: the kept version. */
  conflict: ConflictDto | null;
}

/* ------------------------------------------------------------------------------------------------ */
/* REST bodies                                                                                      */
/* ------------------------------------------------------------------------------------------------ */

const title = z.string().trim().min(1).max(IMPROVEMENT_LIMITS.title);
const longText = z.string().max(IMPROVEMENT_LIMITS.field);
const isoDate = z.iso.date();
const finite = z.number().refine((n) => Number.isFinite(n), 'must be a finite number');

/** POST /api/teams/:teamId/improvement/ideas */
export const CreateIdeaBody = z.strictObject({
  title,
  aim: longText.optional(),
  measure: longText.optional(),
  change: longText.optional(),
  ownerId: uuid.nullable().optional(),
  originId: uuid.nullable().optional(),
});
export type CreateIdeaBody = z.input<typeof CreateIdeaBody>;

const ideaChanges = {
  title: title.optional(),
  ownerId: uuid.nullable().optional(),
  originId: uuid.nullable().optional(),
  status: IdeaStatus.optional(),
};
/** PATCH /api/teams/:teamId/improvement/ideas/:ideaId */
export const UpdateIdeaBody = z.strictObject(ideaChanges);
export type UpdateIdeaBody = z.input<typeof UpdateIdeaBody>;

/** POST /api/teams/:teamId/improvement/ideas/:ideaId/cycles */
export const CreateCycleBody = z.strictObject({ startedOn: isoDate.optional() });
export type CreateCycleBody = z.input<typeof CreateCycleBody>;

const cycleChanges = {
  startedOn: isoDate.optional(),
  decision: PdsaDecision.nullable().optional(),
  /** Adds an empty question (its texts are fields). */
  addQuestion: z.literal(true).optional(),
  removeQuestionId: uuid.optional(),
};
/** PATCH /api/teams/:teamId/improvement/cycles/:cycleId */
export const UpdateCycleBody = z.strictObject(cycleChanges);
export type UpdateCycleBody = z.input<typeof UpdateCycleBody>;

/** PUT /api/teams/:teamId/improvement/fields/:key — `baseRev`: the revision the text was written from. */
export const SaveFieldBody = z.strictObject({ text: longText, baseRev: z.int().min(0).max(1_000_000_000) });
export type SaveFieldBody = z.input<typeof SaveFieldBody>;

const measureFields = {
  name: name(IMPROVEMENT_LIMITS.measureName),
  unit: z.string().trim().max(IMPROVEMENT_LIMITS.unit).default(''),
  definition: z.string().trim().max(IMPROVEMENT_LIMITS.definition).default(''),
  better: MeasureDirection,
  goal: finite.nullable().default(null),
  baselinePoints: z.int().min(2).max(IMPROVEMENT_LIMITS.pointsPerMeasure).nullable().default(null),
};
/** POST /api/teams/:teamId/improvement/ideas/:ideaId/measures */
export const CreateMeasureBody = z.strictObject(measureFields);
export type CreateMeasureBody = z.input<typeof CreateMeasureBody>;
/** PATCH /api/teams/:teamId/improvement/measures/:measureId */
export const UpdateMeasureBody = z.strictObject({
  name: measureFields.name.optional(),
  unit: z.string().trim().max(IMPROVEMENT_LIMITS.unit).optional(),
  definition: z.string().trim().max(IMPROVEMENT_LIMITS.definition).optional(),
  better: MeasureDirection.optional(),
  goal: finite.nullable().optional(),
  baselinePoints: z.int().min(2).max(IMPROVEMENT_LIMITS.pointsPerMeasure).nullable().optional(),
});
export type UpdateMeasureBody = z.input<typeof UpdateMeasureBody>;

/** POST /api/teams/:teamId/improvement/measures/:measureId/points */
export const AddPointBody = z.strictObject({
  date: isoDate,
  value: finite,
  note: z.string().trim().max(IMPROVEMENT_LIMITS.note).default(''),
});
export type AddPointBody = z.input<typeof AddPointBody>;

/* ------------------------------------------------------------------------------------------------ */
/* Live: the improvement meeting                                                                    */
/* ------------------------------------------------------------------------------------------------ */

/** Parts of the meeting a `pdsa` phase can be: review running cycles, work on one idea's cycle, or actions. */
export const PDSA_PARTS = ['review', 'cycle', 'actions'] as const;
export const PdsaPhaseSettings = z.strictObject({ part: z.enum(PDSA_PARTS).default('cycle') });
export type PdsaPhaseSettings = z.output<typeof PdsaPhaseSettings>;
/** The idea the phase works on (the facilitator picks; the UI suggests the most voted). */
export interface PdsaPhaseState {
  ideaId: string | null;
}

/** The improvement commands of the live registry (spread into LIVE_COMMANDS). Rules as in commands.ts. */
export const IMPROVEMENT_COMMANDS = {
  /** Change an idea: title, owner, origin, status (moves it on the board). Any member (co-leadership). */
  'idea.update': { rule: 'member', payload: UpdateIdeaBody.extend({ ideaId: uuid }) },
  /** Start the idea's next PDSA cycle (number = last + 1, started today unless `startedOn`). */
  'cycle.add': { rule: 'member', payload: z.strictObject({ ideaId: uuid, startedOn: isoDate.optional() }) },
  /** Set when a cycle started, its Act decision, or add / remove a question. */
  'cycle.update': { rule: 'member', payload: z.strictObject({ cycleId: uuid, ...cycleChanges }) },
  /** "I'm editing this field": a lease of IMPROVEMENT_LIMITS.leaseSeconds; refused while someone else holds it. */
  'field.claim': { rule: 'member', payload: z.strictObject({ key: FieldKey }) },
  /**
   * Save a field's text written from revision `baseRev`. Applied when nobody else changed the field since and
   * nobody else holds its lease; otherwise the text is kept as a conflict (event `improvement.conflict`).
   * `release: true` also gives up the lease (leaving the field).
   */
  'field.save': {
    rule: 'member',
    payload: z.strictObject({ key: FieldKey, text: longText, baseRev: z.int().min(0).max(1_000_000_000), release: z.boolean().optional() }),
  },
  /** Give up your lease on a field (the facilitator may free anyone's). */
  'field.release': { rule: 'member', payload: z.strictObject({ key: FieldKey }) },
  /** Hide a conflict from view (it stays in the field's history). Its author or the facilitator. */
  'conflict.dismiss': { rule: 'member', payload: z.strictObject({ conflictId: uuid }) },
  /** Add a measure to an idea, or change one (`measureId`). */
  'measure.save': {
    rule: 'member',
    payload: z.strictObject({ ideaId: uuid, measureId: uuid.optional(), ...measureFields }),
  },
  /** Enter a data point. */
  'point.add': { rule: 'member', payload: AddPointBody.extend({ measureId: uuid }) },
  /** Remove a data point: its author or the facilitator. */
  'point.delete': { rule: 'member', payload: z.strictObject({ pointId: uuid }) },
  /** Choose the idea the `pdsa` phase works on. */
  'pdsa.focus': { rule: 'facilitator', payload: z.strictObject({ ideaId: uuid.nullable() }) },
} as const satisfies Record<string, CommandSpec>;

export interface ImprovementCommandResults {
  'idea.update': { ideaId: string };
  'cycle.add': { cycleId: string };
  'cycle.update': { cycleId: string; questionId: string | null };
  'field.claim': { rev: number };
  'field.save': { applied: boolean; rev: number; conflictId: string | null };
  'field.release': Record<string, never>;
  'conflict.dismiss': Record<string, never>;
  'measure.save': { measureId: string };
  'point.add': { pointId: string };
  'point.delete': { pointId: string };
  'pdsa.focus': Record<string, never>;
}

export interface ImprovementEventPayloads {
  /** The idea, and its item (title = text, status open / done / closed). */
  'improvement.idea': { idea: IdeaDto; item: ItemDto };
  'improvement.cycle': { cycle: CycleDto };
  /** A field's text or its editor changed. */
  'improvement.field': { field: FieldDto };
  /** A save that did not go in: the kept text, and the field as it is. */
  'improvement.conflict': { conflict: ConflictDto; field: FieldDto };
  'improvement.conflict-dismissed': { conflictId: string };
  /** A measure, with all its points (also after a point was added or removed). */
  'improvement.measure': { measure: MeasureDto };
  'pdsa.focused': { phaseId: string; ideaId: string | null };
}
type ImprovementEventType = keyof ImprovementEventPayloads;

/* ------------------------------------------------------------------------------------------------ */
/* Reducers (used by apply.ts) and helpers shared by the server and the web                          */
/* ------------------------------------------------------------------------------------------------ */

const upsert = <T extends { id: string }>(list: T[], x: T): T[] =>
  list.some((y) => y.id === x.id) ? list.map((y) => (y.id === x.id ? x : y)) : [...list, x];

const withImprovement = (s: MeetingSnapshot, f: (i: ImprovementState) => ImprovementState): MeetingSnapshot =>
  s.improvement ? { ...s, improvement: f(s.improvement) } : s;

/** A field event only moves a field forward (a later revision, or the same revision with a new editor). */
export function applyFieldChange(state: ImprovementState, field: FieldDto): ImprovementState {
  const old = state.fields[field.key];
  if (old && old.rev > field.rev) return state;
  return { ...state, fields: { ...state.fields, [field.key]: field } };
}

export const IMPROVEMENT_REDUCERS: { [K in ImprovementEventType]: (s: MeetingSnapshot, e: LiveEventOf<K>) => MeetingSnapshot } = {
  'improvement.idea': (s, e) => ({
    ...withImprovement(s, (i) => ({ ...i, ideas: upsert(i.ideas, e.payload.idea) })),
    items: upsert(s.items, e.payload.item),
  }),
  'improvement.cycle': (s, e) => withImprovement(s, (i) => ({ ...i, cycles: upsert(i.cycles, e.payload.cycle) })),
  'improvement.field': (s, e) => withImprovement(s, (i) => applyFieldChange(i, e.payload.field)),
  'improvement.conflict': (s, e) =>
    withImprovement(s, (i) => ({ ...applyFieldChange(i, e.payload.field), conflicts: upsert(i.conflicts, e.payload.conflict) })),
  'improvement.conflict-dismissed': (s, e) =>
    withImprovement(s, (i) => ({ ...i, conflicts: i.conflicts.filter((c) => c.id !== e.payload.conflictId) })),
  'improvement.measure': (s, e) => withImprovement(s, (i) => ({ ...i, measures: upsert(i.measures, e.payload.measure) })),
  'pdsa.focused': (s, e) => ({
    ...s,
    phases: s.phases.map((p) =>
      p.id === e.payload.phaseId && p.kind === 'pdsa' ? { ...p, state: { ...p.state, ideaId: e.payload.ideaId } } : p,
    ),
  }),
};

/** An idea nobody has worked on yet reads its status from its item (open / done / closed). */
export const ideaStatusFromItem = (status: ItemDto['status']): IdeaStatus =>
  status === 'done' ? 'adopted' : status === 'closed' ? 'abandoned' : 'idea';

/** What an idea looks like before anyone worked on it: exactly what the server reports for such an item. */
export const ideaFromItem = (item: ItemDto): IdeaDto => ({
  id: item.id,
  teamId: item.teamId,
  title: item.text,
  status: ideaStatusFromItem(item.status),
  authorId: item.authorId,
  ownerId: null,
  origin: null,
  createdAt: item.createdAt,
  updatedAt: item.updatedAt,
});

/**
 * Ideas ARE items of kind `idea`: applyEvent calls this after every item event so that an idea captured,
 * renamed or deleted through the item commands shows on the improvement state too (a deleted idea takes its
 * cycles, fields, measures and conflicts with it, as the database's cascade does).
 */
export function followIdeaItem(s: MeetingSnapshot, e: { type: string; payload: unknown }): MeetingSnapshot {
  const imp = s.improvement;
  if (!imp) return s;
  if (e.type === 'item.deleted') {
    const id = (e.payload as { itemId: string }).itemId;
    if (!imp.ideas.some((i) => i.id === id)) return s;
    const cycles = new Set(imp.cycles.filter((c) => c.ideaId === id).map((c) => c.id));
    const gone = (key: string) => key.startsWith(`i:${id}:`) || [...cycles].some((c) => key.startsWith(`c:${c}:`) || key.startsWith(`q:${c}:`));
    return {
      ...s,
      improvement: {
        ideas: imp.ideas.filter((i) => i.id !== id),
        cycles: imp.cycles.filter((c) => c.ideaId !== id),
        fields: Object.fromEntries(Object.entries(imp.fields).filter(([k]) => !gone(k))),
        measures: imp.measures.filter((m) => m.ideaId !== id),
        conflicts: imp.conflicts.filter((c) => !gone(c.key)),
      },
    };
  }
  if (e.type !== 'item.added' && e.type !== 'item.updated') return s;
  const item = (e.payload as { item: ItemDto }).item;
  if (item.kind !== 'idea') return s;
  const idea = imp.ideas.find((i) => i.id === item.id);
  if (!idea) return { ...s, improvement: { ...imp, ideas: [...imp.ideas, ideaFromItem(item)] } };
  const updatedAt = item.updatedAt > idea.updatedAt ? item.updatedAt : idea.updatedAt;
  return { ...s, improvement: { ...imp, ideas: upsert(imp.ideas, { ...idea, title: item.text, updatedAt }) } };
}

/** A field as it is now, empty when never written. */
export function improvementField(state: Pick<ImprovementState, 'fields'>, key: string): FieldDto {
  return state.fields[key] ?? { key, text: '', rev: 0, updatedBy: null, updatedAt: null, editor: null };
}

/** Who holds the field's lease at `nowMs` (server time), or null. */
export function fieldEditor(field: FieldDto, nowMs: number): string | null {
  return field.editor && Date.parse(field.editor.until) > nowMs ? field.editor.userId : null;
}

/** The idea's cycles, first to last. */
export function ideaCycles(state: Pick<ImprovementState, 'cycles'>, ideaId: string): CycleDto[] {
  return state.cycles.filter((c) => c.ideaId === ideaId).sort((a, b) => a.number - b.number);
}
