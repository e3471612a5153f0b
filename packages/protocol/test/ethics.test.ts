/** The ethics forum through applyEvent: the theme, breakout groups, their summaries, timers and notes. */
import type { BreakoutState } from '../src/index.js';
import { ANNA, BO, CARL, draft, phase, play, snapshot } from './factories.js';

const formed: BreakoutState = {
  stage: 'setup',
  groups: [
    { members: [ANNA, BO], summary: '', timer: { status: 'idle', remainingMs: 600_000 }, notesRev: 0 },
    { members: [CARL], summary: '', timer: { status: 'idle', remainingMs: 600_000 }, notesRev: 0 },
  ],
  sharing: null,
  formedBy: 'balanced',
  repeatedPairs: 0,
};

test('the chosen theme shows in the theme phase', () => {
  const theme = phase('ethics-theme', {}, { theme: null });
  const after = play(
    snapshot({ phases: [theme] }),
    draft('ethics.theme.chosen', { phaseId: theme.id, theme: { source: 'builtin', key: 'dignity' } }),
  );
  expect(after.phases[0]?.state).toEqual({ theme: { source: 'builtin', key: 'dignity' } });
});

test("groups: formed, each group's summary, timer and notes revision, then share-back", () => {
  const breakout = phase(
    'breakout',
    { groupSize: 2, mode: 'balanced' },
    { stage: 'setup', groups: [], sharing: null, formedBy: null, repeatedPairs: null },
  );
  const running = { status: 'running', endsAt: '2026-03-02T08:45:00.000Z', durationMs: 600_000 } as const;
  const working = play(
    snapshot({ phases: [breakout] }),
    draft('breakout.changed', { phaseId: breakout.id, state: formed }),
    draft('breakout.timer.changed', { phaseId: breakout.id, group: 0, timer: running }),
    draft('breakout.summary.edited', { phaseId: breakout.id, group: 1, text: 'Ask Elsa first' }),
    draft('breakout.notes.changed', { phaseId: breakout.id, group: 0, rev: 3 }),
  );
  expect(working.phases[0]?.state).toEqual({
    ...formed,
    groups: [
      { ...formed.groups[0], timer: running, notesRev: 3 },
      { ...formed.groups[1], summary: 'Ask Elsa first' },
    ],
  });
  const sharing = { ...formed, stage: 'share-back' as const, sharing: 1 };
  const after = play(working, draft('breakout.changed', { phaseId: breakout.id, state: sharing }));
  expect(after.phases[0]?.state).toEqual(sharing);
});
