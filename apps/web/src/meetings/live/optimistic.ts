/**
 * The optimistic layer. The React Query cache holds only what the server confirmed (snapshot + events, in
 * seq order, through the protocol's one `applyEvent`); what the person did that is not confirmed yet is
 * the outbox. The screen shows `withPending(confirmed, outbox)`: when the server refuses a command it
 * leaves the outbox and the screen rolls back by itself (and the person is told why).
 */
import type { ItemDto, MeetingSnapshot, PhaseView } from '@tillit/protocol';
import { applySteeringOp } from '../../steering/optimistic';
import type { PendingOp } from './outbox';

export interface MeetingView {
  s: MeetingSnapshot;
  /** Items (by id) with changes not yet confirmed; new items have the id `pending:<opId>`. */
  pendingItems: Set<string>;
  /** Items that only exist in the outbox so far (not yet sent or not yet confirmed). */
  unsentItems: Set<string>;
}

export const pendingItemId = (opId: string) => `pending:${opId}`;

function mapPhase(s: MeetingSnapshot, phaseId: string | null, f: (p: PhaseView) => PhaseView): MeetingSnapshot {
  return { ...s, phases: s.phases.map((p) => (p.id === phaseId ? f(p) : p)) };
}

function mapItem(s: MeetingSnapshot, itemId: string, f: (i: ItemDto) => ItemDto): MeetingSnapshot {
  return { ...s, items: s.items.map((i) => (i.id === itemId ? f(i) : i)) };
}

/** What one not-yet-confirmed command looks like on screen. */
function applyOp(s: MeetingSnapshot, op: PendingOp, me: string, view: MeetingView): MeetingSnapshot {
  switch (op.type) {
    case 'item.add': {
      const id = pendingItemId(op.opId);
      // Confirmed already (ack came first and named the item)? Then it is in the list.
      const realId = op.result && 'itemId' in op.result ? op.result.itemId : null;
      if (realId && s.items.some((i) => i.id === realId)) return s;
      view.pendingItems.add(id);
      if (op.ackedSeq === undefined) view.unsentItems.add(id);
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
    }
    case 'item.edit': {
      const { itemId, ...fields } = op.payload;
      view.pendingItems.add(itemId);
      const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<ItemDto>;
      return mapItem(s, itemId, (i) => ({ ...i, ...defined }));
    }
    case 'item.delete':
      return { ...s, items: s.items.filter((i) => i.id !== op.payload.itemId) };
    case 'checkin.answer': {
      const answer = { text: 'text' in op.payload ? op.payload.text.trim() : null, at: op.at };
      return mapPhase(s, op.phaseId, (p) =>
        p.kind === 'check-in' ? { ...p, state: { ...p.state, answers: { ...p.state.answers, [me]: answer } } } : p,
      );
    }
    case 'review.update': {
      const { itemId, outcome, comment } = op.payload;
      view.pendingItems.add(itemId);
      const status = outcome === 'done' ? 'done' : outcome === 'closed' ? 'closed' : 'open';
      const next = mapPhase(s, op.phaseId, (p) =>
        p.kind === 'review'
          ? { ...p, state: { outcomes: { ...p.state.outcomes, [itemId]: { outcome, comment: comment ?? null, by: me, at: op.at } } } }
          : p,
      );
      return mapItem(next, itemId, (i) => ({ ...i, status }));
    }
    case 'vote.cast': {
      const { itemId, delta } = op.payload;
      return mapPhase(s, op.phaseId, (p) => {
        if (p.kind !== 'voting') return p;
        // Once acknowledged, `mine` came from the server (applyMyVotes); only `used` waits for the event.
        const mine = op.ackedSeq === undefined ? { ...p.state.mine, [itemId]: Math.max(0, (p.state.mine[itemId] ?? 0) + delta) } : p.state.mine;
        const used = { ...p.state.used, [me]: Math.max(0, (p.state.used[me] ?? 0) + delta) };
        return { ...p, state: { ...p.state, mine, used } };
      });
    }
    case 'discussion.focus':
      return mapPhase(s, op.phaseId, (p) => (p.kind === 'discussion' ? { ...p, state: { focusItemId: op.payload.itemId } } : p));
    case 'summary.edit':
      return mapPhase(s, op.phaseId, (p) => (p.kind === 'summary' ? { ...p, state: { text: op.payload.text } } : p));
    case 'ready.set':
      return { ...s, ready: op.payload.ready ? [...s.ready.filter((u) => u !== me), me] : s.ready.filter((u) => u !== me) };
    case 'hand.raise':
      return s.hands.some((h) => h.userId === me) ? s : { ...s, hands: [...s.hands, { userId: me, at: op.at }] };
    case 'hand.lower':
      return { ...s, hands: s.hands.filter((h) => h.userId !== me) };
    case 'hand.dismiss':
      return { ...s, hands: s.hands.filter((h) => h.userId !== op.payload.userId) };
    case 'input.lock':
      return { ...s, meeting: { ...s.meeting, inputLocked: op.payload.locked } };
    // Phase, timer, handover and start/end change everyone's screen: shown when the server confirms.
    default:
      return applySteeringOp(s, op, me);
  }
}

export function withPending(confirmed: MeetingSnapshot, outbox: readonly PendingOp[], me: string): MeetingView {
  const view: MeetingView = { s: confirmed, pendingItems: new Set(), unsentItems: new Set() };
  let s = confirmed;
  for (const op of outbox) {
    if (op.ackedSeq !== undefined && op.ackedSeq <= confirmed.lastSeq) continue;
    s = applyOp(s, op, me, view);
  }
  view.s = s;
  return view;
}
