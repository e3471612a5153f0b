import { PHASE_KINDS } from '@tillit/protocol';
import { describe, expect, it } from 'vitest';
import { assembleRituals, type RitualUi } from './meetings/ritual';
import { RITUAL_LIST, RITUALS } from './rituals';
import { RITUAL_LOCALES } from './rituals.locales';

describe('the rituals the meeting room renders', () => {
  it('bring a component for every phase kind of the protocol', () => {
    for (const kind of PHASE_KINDS) expect(RITUALS.phases[kind], kind).toBeTypeOf('function');
    expect(Object.keys(RITUALS.phases).sort()).toEqual([...PHASE_KINDS].sort());
  });

  it('each register their strings when the app starts', () => {
    expect(RITUAL_LIST.map((r) => r.locales)).toEqual(expect.arrayContaining([...RITUAL_LOCALES]));
    expect(RITUAL_LOCALES).toHaveLength(RITUAL_LIST.length);
    expect(new Set(RITUAL_LOCALES.map((l) => l.ns)).size).toBe(RITUAL_LOCALES.length);
  });

  it('may not both claim one phase kind or one command', () => {
    const [steering] = RITUAL_LIST;
    const copy: RitualUi = { ...steering, locales: { ...steering.locales, ns: 'copy' } };
    expect(() => assembleRituals([steering, copy])).toThrow(/steering-check-in/);
    expect(() =>
      assembleRituals([steering, { phases: {}, overlays: steering.overlays, locales: copy.locales }]),
    ).toThrow(/plan.assign/);
  });
});
