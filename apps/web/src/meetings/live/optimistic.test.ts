import { describe, expect, it } from 'vitest';
import { ANNA, aSnapshot, anItem, anOp, textsOf } from './meeting.factory';
import { acknowledge } from './outbox';
import { pendingItemId, withPending, type Overlays } from './optimistic';

describe('withPending: what the person sees before the server confirms', () => {
  it('a new item shows at once, marked as waiting to be sent until acknowledged', () => {
    const op = anOp('item.add', { kind: 'idea', text: '  Fler pauser ' });
    const view = withPending(aSnapshot(), [op], ANNA, {});
    const id = pendingItemId(op.opId);
    expect(view.s.items).toMatchObject([{ id, text: 'Fler pauser', authorId: ANNA, status: 'open' }]);
    expect(view.pendingItems.has(id)).toBe(true);
    expect(view.unsentItems.has(id)).toBe(true);

    const acked = withPending(aSnapshot(), acknowledge([op], op.opId, 1, { itemId: 'item-1' }), ANNA, {});
    expect(acked.pendingItems.has(id)).toBe(true);
    expect(acked.unsentItems.size).toBe(0);
  });

  it('an acknowledged item already in the confirmed list is not shown twice', () => {
    const op = anOp('item.add', { kind: 'idea', text: 'Fler pauser' });
    const outbox = acknowledge([op], op.opId, 3, { itemId: 'item-1' });
    // The event is applied (lastSeq 2 < 3 only because a later event is still on its way).
    const confirmed = aSnapshot({ items: [anItem('item-1', 'Fler pauser')], lastSeq: 2 });
    expect(textsOf(withPending(confirmed, outbox, ANNA, {}).s)).toEqual(['Fler pauser']);
  });

  it('ops the confirmed state already holds (ackedSeq <= lastSeq) are not drawn again', () => {
    const op = anOp('hand.raise', {});
    const outbox = acknowledge([op], op.opId, 4, {});
    expect(withPending(aSnapshot({ lastSeq: 3 }), outbox, ANNA, {}).s.hands).toHaveLength(1);
    const confirmed = aSnapshot({ lastSeq: 4 });
    expect(withPending(confirmed, outbox, ANNA, {}).s).toBe(confirmed);
  });

  it("draws a ritual's command with the overlay the ritual brought, and only then", () => {
    const confirmed = aSnapshot();
    const focus = anOp('discussion.focus', { itemId: 'item-1' });
    expect(withPending(confirmed, [focus], ANNA, {}).s).toBe(confirmed);
    const overlays: Overlays = {
      'discussion.focus': (s, op) => ({ ...s, meeting: { ...s.meeting, title: `focus ${op.payload.itemId}` } }),
    };
    expect(withPending(confirmed, [focus], ANNA, overlays).s.meeting.title).toBe('focus item-1');
  });

  it('commands that change everyone’s screen (phase, timer, end) wait for the server', () => {
    const confirmed = aSnapshot();
    expect(withPending(confirmed, [anOp('phase.goto', { index: 1 })], ANNA, {}).s).toBe(confirmed);
  });

  it('edits, deletes and the input lock apply in the order they were made', () => {
    const confirmed = aSnapshot({ items: [anItem('item-1', 'Fler pauser'), anItem('item-2', 'Kortare möten')] });
    const view = withPending(
      confirmed,
      [
        anOp('item.edit', { itemId: 'item-1', text: 'Fler korta pauser' }),
        anOp('item.delete', { itemId: 'item-2' }),
        anOp('input.lock', { locked: true }),
      ],
      ANNA,
      {},
    );
    expect(textsOf(view.s)).toEqual(['Fler korta pauser']);
    expect(view.pendingItems.has('item-1')).toBe(true);
    expect(view.s.meeting.inputLocked).toBe(true);
  });
});
