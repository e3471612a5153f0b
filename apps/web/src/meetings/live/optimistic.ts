/**
 * The optimistic layer. The React Query cache holds only what the server confirmed (snapshot + events, in
 * seq order, through the protocol's one `applyEvent`); what the person did that is not confirmed yet is
 * the outbox. The screen shows `withPending(confirmed, outbox, me, overlays)`: when the server refuses a
 * command it leaves the outbox and the screen rolls back by itself (and the person is told why).
 *
 * The room's own commands (items, hands, ready, the input lock) are drawn here; every ritual brings the
 * overlays of its commands (`RitualUi.overlays`). A command without an overlay shows when it is confirmed.
 */
import type { ItemDto, LiveCommandType, MeetingSnapshot } from '@tillit/protocol';
import type { PendingOp } from './outbox';

export interface MeetingView {
  s: MeetingSnapshot;
  /** Items (by id) with changes not yet confirmed; new items have the id `pending:<opId>`. */
  pendingItems: Set<string>;
  /** Items that only exist in the outbox so far (not yet sent or not yet confirmed). */
  unsentItems: Set<string>;
}

export type PendingOpOf<T extends LiveCommandType> = Extract<PendingOp, { type: T }>;

export interface OverlayContext {
  me: string;
  /** The item shows as changed but not confirmed yet. */
  markPending(itemId: string): void;
  /** The item exists only in the outbox so far ("waiting to be sent"). */
  markUnsent(itemId: string): void;
}

/** What one not-yet-confirmed command of type `T` looks like on screen. */
export type Overlay<T extends LiveCommandType> = (
  s: MeetingSnapshot,
  op: PendingOpOf<T>,
  ctx: OverlayContext,
) => MeetingSnapshot;
export type Overlays = { [T in LiveCommandType]?: Overlay<T> };

export const pendingItemId = (opId: string) => `pending:${opId}`;

function mapItem(s: MeetingSnapshot, itemId: string, f: (i: ItemDto) => ItemDto): MeetingSnapshot {
  return { ...s, items: s.items.map((i) => (i.id === itemId ? f(i) : i)) };
}

/** The meeting room's own commands. Phase, timer, handover and start/end change everyone's screen: shown when confirmed. */
export const ROOM_OVERLAYS: Overlays = {
  'item.add': (s, op, { me, markPending, markUnsent }) => {
    const id = pendingItemId(op.opId);
    // Confirmed already (ack came first and named the item)? Then it is in the list.
    const realId = op.result && 'itemId' in op.result ? op.result.itemId : null;
    if (realId && s.items.some((i) => i.id === realId)) return s;
    markPending(id);
    if (op.ackedSeq === undefined) markUnsent(id);
    const p = op.payload;
    const item: ItemDto = {
      id,
      teamId: s.meeting.teamId,
      kind: p.kind,
      text: p.text.trim(),
      status: 'open',
      authorId: me,
      ownerId: p.ownerId ?? null,
      dueDate: p.dueDate ?? null,
      parentId: p.parentId ?? null,
      notes: '',
      originMeetingId: s.meeting.id,
      originPhaseId: op.phaseId,
      createdAt: op.at,
      updatedAt: op.at,
    };
    return { ...s, items: [...s.items, item] };
  },
  'item.edit': (s, op, { markPending }) => {
    const { itemId, ...fields } = op.payload;
    markPending(itemId);
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<ItemDto>;
    return mapItem(s, itemId, (i) => ({ ...i, ...defined }));
  },
  'item.delete': (s, op) => ({ ...s, items: s.items.filter((i) => i.id !== op.payload.itemId) }),
  'ready.set': (s, op, { me }) => ({
    ...s,
    ready: op.payload.ready ? [...s.ready.filter((u) => u !== me), me] : s.ready.filter((u) => u !== me),
  }),
  'hand.raise': (s, op, { me }) =>
    s.hands.some((h) => h.userId === me) ? s : { ...s, hands: [...s.hands, { userId: me, at: op.at }] },
  'hand.lower': (s, _op, { me }) => ({ ...s, hands: s.hands.filter((h) => h.userId !== me) }),
  'hand.dismiss': (s, op) => ({ ...s, hands: s.hands.filter((h) => h.userId !== op.payload.userId) }),
  'input.lock': (s, op) => ({ ...s, meeting: { ...s.meeting, inputLocked: op.payload.locked } }),
};

/** The overlay of `op`'s type, if the room or a ritual drew one. */
function overlayOf(op: PendingOp, overlays: Overlays): Overlay<LiveCommandType> | undefined {
  return (ROOM_OVERLAYS[op.type] ?? overlays[op.type]) as Overlay<LiveCommandType> | undefined;
}

export function withPending(
  confirmed: MeetingSnapshot,
  outbox: readonly PendingOp[],
  me: string,
  overlays: Overlays,
): MeetingView {
  const view: MeetingView = { s: confirmed, pendingItems: new Set(), unsentItems: new Set() };
  const ctx: OverlayContext = {
    me,
    markPending: (itemId) => view.pendingItems.add(itemId),
    markUnsent: (itemId) => view.unsentItems.add(itemId),
  };
  let s = confirmed;
  for (const op of outbox) {
    if (op.ackedSeq !== undefined && op.ackedSeq <= confirmed.lastSeq) continue;
    s = overlayOf(op, overlays)?.(s, op as PendingOpOf<LiveCommandType>, ctx) ?? s;
  }
  view.s = s;
  return view;
}
