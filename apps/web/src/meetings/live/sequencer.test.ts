import { afterEach, describe, expect, it, vi } from 'vitest';
import { aSnapshot, itemAdded, seqsOf, textsOf } from './meeting.factory';
import { EventSequencer, GAP_WAIT_MS } from './sequencer';

describe('EventSequencer: events in seq order', () => {
  afterEach(() => vi.useRealTimers());

  it('applies events in seq order, whatever order they arrive in', () => {
    const sequencer = new EventSequencer(() => {});
    let s = aSnapshot();
    sequencer.hold(itemAdded(3), s.lastSeq);
    sequencer.hold(itemAdded(2), s.lastSeq);
    let drained = sequencer.drain(s);
    expect(drained.applied).toEqual([]);
    expect(sequencer.waiting).toBe(2);

    sequencer.hold(itemAdded(1), s.lastSeq);
    drained = sequencer.drain(s);
    s = drained.s;
    expect(seqsOf(drained.applied)).toEqual([1, 2, 3]);
    expect(textsOf(s)).toEqual(['idea 1', 'idea 2', 'idea 3']);
    expect(s.lastSeq).toBe(3);
    expect(sequencer.waiting).toBe(0);
  });

  it('drops an event it has already applied (a broadcast and a catch-up of the same seq)', () => {
    const sequencer = new EventSequencer(() => {});
    sequencer.hold(itemAdded(1), 0);
    const { s } = sequencer.drain(aSnapshot());
    expect(sequencer.hold(itemAdded(1), s.lastSeq)).toBe(false);
    expect(sequencer.drain(s).applied).toEqual([]);
    expect(textsOf(s)).toEqual(['idea 1']);
  });

  it('holds events that come before the first snapshot, and applies them on top of it', () => {
    const sequencer = new EventSequencer(() => {});
    expect(sequencer.hold(itemAdded(5), undefined)).toBe(true);
    expect(sequencer.hold(itemAdded(6), undefined)).toBe(true);
    const { s, applied } = sequencer.drain(aSnapshot({ lastSeq: 4 }));
    expect(seqsOf(applied)).toEqual([5, 6]);
    expect(s.lastSeq).toBe(6);
  });

  it('forgets what a fresh snapshot already holds', () => {
    const sequencer = new EventSequencer(() => {});
    sequencer.hold(itemAdded(2), 0);
    sequencer.hold(itemAdded(3), 0);
    sequencer.forget(2);
    expect(sequencer.waiting).toBe(1);
    const { applied } = sequencer.drain(aSnapshot({ lastSeq: 2 }));
    expect(seqsOf(applied)).toEqual([3]);
  });

  it('a gap that stays for a second asks for what was missed (the client re-joins with lastSeq)', () => {
    vi.useFakeTimers();
    const onGap = vi.fn();
    const sequencer = new EventSequencer(onGap);
    sequencer.hold(itemAdded(2), 0);
    sequencer.drain(aSnapshot());
    vi.advanceTimersByTime(GAP_WAIT_MS - 1);
    expect(onGap).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onGap).toHaveBeenCalledTimes(1);
  });

  it('a gap that closes in time asks for nothing', () => {
    vi.useFakeTimers();
    const onGap = vi.fn();
    const sequencer = new EventSequencer(onGap);
    const s = aSnapshot();
    sequencer.hold(itemAdded(2), s.lastSeq);
    sequencer.drain(s);
    vi.advanceTimersByTime(GAP_WAIT_MS / 2);
    sequencer.hold(itemAdded(1), s.lastSeq);
    expect(seqsOf(sequencer.drain(s).applied)).toEqual([1, 2]);
    vi.advanceTimersByTime(GAP_WAIT_MS * 2);
    expect(onGap).not.toHaveBeenCalled();
  });

  it('stop() ends the wait', () => {
    vi.useFakeTimers();
    const onGap = vi.fn();
    const sequencer = new EventSequencer(onGap);
    sequencer.hold(itemAdded(2), 0);
    sequencer.drain(aSnapshot());
    sequencer.stop();
    vi.advanceTimersByTime(GAP_WAIT_MS * 2);
    expect(onGap).not.toHaveBeenCalled();
  });
});
