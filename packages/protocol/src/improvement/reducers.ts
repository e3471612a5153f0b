/** The improvement reducer cases: they change `MeetingSnapshot.improvement` (and the `pdsa` phase). */
import { type Followers, type Reducers, upsertById } from '../live/apply.js';
import type { ItemDto, MeetingSnapshot } from '../live/model.js';
import type { FieldDto } from './co-editing.js';
import type { ImprovementEventType } from './events.js';
import { ideaFromItem, type ImprovementState } from './model.js';

const withImprovement = (s: MeetingSnapshot, f: (i: ImprovementState) => ImprovementState): MeetingSnapshot =>
  s.improvement ? { ...s, improvement: f(s.improvement) } : s;

/** A field event only moves a field forward (a later revision, or the same revision with a new editor). */
export function applyFieldChange(state: ImprovementState, field: FieldDto): ImprovementState {
  const old = state.fields[field.key];
  if (old && old.rev > field.rev) return state;
  return { ...state, fields: { ...state.fields, [field.key]: field } };
}

export const IMPROVEMENT_REDUCERS: Reducers<ImprovementEventType> = {
  'improvement.idea': (s, e) => ({
    ...withImprovement(s, (i) => ({ ...i, ideas: upsertById(i.ideas, e.payload.idea) })),
    items: upsertById(s.items, e.payload.item),
  }),
  'improvement.cycle': (s, e) => withImprovement(s, (i) => ({ ...i, cycles: upsertById(i.cycles, e.payload.cycle) })),
  'improvement.field': (s, e) => withImprovement(s, (i) => applyFieldChange(i, e.payload.field)),
  'improvement.conflict': (s, e) =>
    withImprovement(s, (i) => ({
      ...applyFieldChange(i, e.payload.field),
      conflicts: upsertById(i.conflicts, e.payload.conflict),
    })),
  'improvement.conflict-dismissed': (s, e) =>
    withImprovement(s, (i) => ({ ...i, conflicts: i.conflicts.filter((c) => c.id !== e.payload.conflictId) })),
  'improvement.measure': (s, e) =>
    withImprovement(s, (i) => ({ ...i, measures: upsertById(i.measures, e.payload.measure) })),
  'pdsa.focused': (s, e) => ({
    ...s,
    phases: s.phases.map((p) =>
      p.id === e.payload.phaseId && p.kind === 'pdsa' ? { ...p, state: { ...p.state, ideaId: e.payload.ideaId } } : p,
    ),
  }),
};

/**
 * Ideas ARE items of kind `idea`: applyEvent calls this after every item event (IMPROVEMENT_FOLLOWERS) so that an idea captured,
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
    const gone = (key: string) =>
      key.startsWith(`i:${id}:`) || [...cycles].some((c) => key.startsWith(`c:${c}:`) || key.startsWith(`q:${c}:`));
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
  return { ...s, improvement: { ...imp, ideas: upsertById(imp.ideas, { ...idea, title: item.text, updatedAt }) } };
}

export const IMPROVEMENT_FOLLOWERS: Followers = {
  'item.added': followIdeaItem,
  'item.updated': followIdeaItem,
  'item.deleted': followIdeaItem,
};
