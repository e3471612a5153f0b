import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANNA, aSnapshot, BERTIL, MEETING_ID, anOp, textsOf } from './meeting.factory';
import { withPending } from './optimistic';
import { acknowledge, confirmedUpTo, loadOutbox, nextToSend, refuse, saveOutbox, unacknowledged } from './outbox';

/** sessionStorage as a browser tab has it (Node has none). */
function aTabStorage(): Storage {
  const values = new Map<string, string>();
  return {
    get length() {
      return values.size;
    },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (i) => [...values.keys()][i] ?? null,
    removeItem: (key) => void values.delete(key),
    setItem: (key, value) => void values.set(key, value),
  };
}

describe('the outbox', () => {
  let storage: Storage;
  beforeEach(() => {
    storage = aTabStorage();
    vi.stubGlobal('sessionStorage', storage);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lives in sessionStorage per person and meeting: a reload finds it, someone else does not', () => {
    const ops = [anOp('item.add', { kind: 'idea', text: 'Fler pauser' }), anOp('hand.raise', {})];
    saveOutbox(ANNA, MEETING_ID, ops);
    expect(loadOutbox(ANNA, MEETING_ID)).toEqual(ops);
    expect(loadOutbox(BERTIL, MEETING_ID)).toEqual([]);
    saveOutbox(ANNA, MEETING_ID, []);
    expect(storage.length).toBe(0);
  });

  it('after a reload the unanswered command is sent again with the SAME opId (the server applies it once)', () => {
    const op = anOp('item.add', { kind: 'idea', text: 'Fler pauser' });
    saveOutbox(ANNA, MEETING_ID, [op]);
    const afterReload = loadOutbox(ANNA, MEETING_ID);
    expect(nextToSend(afterReload)?.opId).toBe(op.opId);
  });

  it('sends one at a time, oldest first: the next is the oldest the server has not acknowledged', () => {
    const first = anOp('item.add', { kind: 'idea', text: 'Ett' });
    const second = anOp('item.add', { kind: 'idea', text: 'Två' });
    let outbox = [first, second];
    expect(nextToSend(outbox)?.opId).toBe(first.opId);
    outbox = acknowledge(outbox, first.opId, 7, { itemId: 'item-7' });
    expect(nextToSend(outbox)?.opId).toBe(second.opId);
    expect(unacknowledged(outbox)).toBe(1);
  });

  it('an acknowledged command stays on screen until the event with its seq is applied (no flicker)', () => {
    const op = anOp('item.add', { kind: 'idea', text: 'Fler pauser' });
    const outbox = acknowledge([op], op.opId, 7, { itemId: 'item-7' });
    expect(unacknowledged(outbox)).toBe(0);

    const beforeEvent = aSnapshot({ lastSeq: 6 });
    expect(confirmedUpTo(outbox, beforeEvent.lastSeq)).toHaveLength(1);
    const view = withPending(beforeEvent, outbox, ANNA, {});
    expect(textsOf(view.s)).toEqual(['Fler pauser']);
    // Acknowledged: sent, though not confirmed yet.
    expect(view.unsentItems.size).toBe(0);

    expect(confirmedUpTo(outbox, 7)).toEqual([]);
  });

  it('a refused command leaves at once and the screen rolls back by itself', () => {
    const confirmed = aSnapshot();
    const op = anOp('item.add', { kind: 'idea', text: 'Fler pauser' });
    expect(textsOf(withPending(confirmed, [op], ANNA, {}).s)).toEqual(['Fler pauser']);
    const outbox = refuse([op], op.opId);
    expect(outbox).toEqual([]);
    expect(withPending(confirmed, outbox, ANNA, {}).s).toBe(confirmed);
  });

  it('a broken or foreign entry in storage is no outbox', () => {
    storage.setItem(`tillit.outbox.${ANNA}.${MEETING_ID}`, '{not json');
    expect(loadOutbox(ANNA, MEETING_ID)).toEqual([]);
    storage.setItem(
      `tillit.outbox.${ANNA}.${MEETING_ID}`,
      JSON.stringify([{ ...anOp('hand.raise', {}), meetingId: 'another' }]),
    );
    expect(loadOutbox(ANNA, MEETING_ID)).toEqual([]);
  });
});
