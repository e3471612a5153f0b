/** Improvement work through applyEvent: ideas (which ARE items), cycles, co-edited fields, measures. */
import { fieldKey, type FieldDto, type IdeaDto, type ImprovementState } from '../src/index.js';
import { ANNA, BO, draft, id, item, phase, play, snapshot, T0, TEAM } from './factories.js';

const empty = (): ImprovementState => ({ ideas: [], cycles: [], fields: {}, measures: [], conflicts: [] });
const field = (key: string, rev: number, text: string, editor: FieldDto['editor'] = null): FieldDto => ({
  key,
  text,
  rev,
  updatedBy: BO,
  updatedAt: T0,
  editor,
});

test('an idea captured as an item appears on the board; renaming the item renames the idea', () => {
  const idea = item({ kind: 'idea', text: 'Gloves in every room' });
  const added = play(snapshot({ improvement: empty() }), draft('item.added', { item: idea }));
  expect(added.improvement?.ideas).toEqual([
    {
      id: idea.id,
      teamId: TEAM,
      title: 'Gloves in every room',
      status: 'idea',
      authorId: ANNA,
      ownerId: null,
      origin: null,
      createdAt: T0,
      updatedAt: T0,
    },
  ]);
  const renamed = play(
    added,
    draft('item.updated', {
      item: { ...idea, text: 'Glove boxes by every door', updatedAt: '2026-03-02T09:00:00.000Z' },
    }),
  );
  expect(renamed.improvement?.ideas[0]).toMatchObject({
    title: 'Glove boxes by every door',
    updatedAt: '2026-03-02T09:00:00.000Z',
  });
});

test('a note is not an idea', () => {
  const after = play(snapshot({ improvement: empty() }), draft('item.added', { item: item({ kind: 'note' }) }));
  expect(after.improvement?.ideas).toEqual([]);
});

test("deleting an idea's item takes its cycles, fields, measures and conflicts with it", () => {
  const ideaItem = item({ kind: 'idea' });
  const other = item({ kind: 'idea' });
  const idea: IdeaDto = {
    id: ideaItem.id,
    teamId: TEAM,
    title: ideaItem.text,
    status: 'testing',
    authorId: ANNA,
    ownerId: BO,
    origin: null,
    createdAt: T0,
    updatedAt: T0,
  };
  const otherIdea: IdeaDto = { ...idea, id: other.id };
  const cycle = {
    id: id(),
    ideaId: idea.id,
    number: 1,
    startedOn: '2026-03-02',
    decision: null,
    questionIds: [],
    createdAt: T0,
    updatedAt: T0,
  };
  const aim = field(fieldKey.idea(idea.id, 'aim'), 1, 'Fewer trips');
  const objective = field(fieldKey.cycle(cycle.id, 'objective'), 2, 'Try in house B');
  const keep = field(fieldKey.idea(other.id, 'aim'), 1, 'Other');
  const measure = {
    id: id(),
    ideaId: idea.id,
    name: 'Trips',
    unit: '',
    definition: '',
    better: 'down' as const,
    goal: null,
    baselinePoints: null,
    points: [],
    createdAt: T0,
    updatedAt: T0,
  };
  const conflict = { id: id(), key: objective.key, userId: ANNA, text: 'Try in house A', at: T0 };
  const s = snapshot({
    items: [ideaItem, other],
    improvement: {
      ideas: [idea, otherIdea],
      cycles: [cycle],
      fields: { [aim.key]: aim, [objective.key]: objective, [keep.key]: keep },
      measures: [measure],
      conflicts: [conflict],
    },
  });
  const after = play(s, draft('item.deleted', { itemId: ideaItem.id }));
  expect(after.improvement).toEqual({
    ideas: [otherIdea],
    cycles: [],
    fields: { [keep.key]: keep },
    measures: [],
    conflicts: [],
  });
});

test('a field only moves forward; a conflict is kept beside the field', () => {
  const key = fieldKey.idea(id(), 'aim');
  const s = snapshot({ improvement: empty() });
  const conflict = { id: id(), key, userId: ANNA, text: 'My version', at: T0 };
  const after = play(
    s,
    draft('improvement.field', { field: field(key, 2, 'Second') }),
    draft('improvement.field', { field: field(key, 1, 'First, arriving late') }),
    draft('improvement.conflict', {
      conflict,
      field: field(key, 2, 'Second', { userId: BO, until: '2026-03-02T08:31:00.000Z' }),
    }),
  );
  expect(after.improvement?.fields[key]).toEqual(
    field(key, 2, 'Second', { userId: BO, until: '2026-03-02T08:31:00.000Z' }),
  );
  expect(after.improvement?.conflicts).toEqual([conflict]);
  const dismissed = play(after, draft('improvement.conflict-dismissed', { conflictId: conflict.id }));
  expect(dismissed.improvement?.conflicts).toEqual([]);
});

test('the pdsa phase follows the idea in focus', () => {
  const pdsa = phase('pdsa', { part: 'cycle' }, { ideaId: null });
  const ideaId = id();
  const after = play(
    snapshot({ phases: [pdsa], improvement: empty() }),
    draft('pdsa.focused', { phaseId: pdsa.id, ideaId }),
  );
  expect(after.phases[0]?.state).toEqual({ ideaId });
});
