/** Meetings, events and outbox ops for the client's unit tests: small, valid, and changed only where a test cares. */
import type { ItemDto, LiveEvent, LiveEventOf, MeetingSnapshot, PhaseView } from '@tillit/protocol';
import type { PendingOp } from './outbox';

export const MEETING_ID = '00000000-0000-4000-8000-000000000001';
export const TEAM_ID = '00000000-0000-4000-8000-000000000002';
export const ANNA = '00000000-0000-4000-8000-0000000000a1';
export const BERTIL = '00000000-0000-4000-8000-0000000000b1';
const AT = '2026-12-02T08:00:00.000Z';

export function aVotingPhase(): Extract<PhaseView, { kind: 'voting' }> {
  return {
    id: 'phase-voting',
    index: 0,
    kind: 'voting',
    title: 'Prioritera',
    timeboxSeconds: null,
    settings: { itemKinds: ['idea'], votesPerPerson: 3, maxPerItem: 3 },
    state: { revealed: false, used: {}, tallies: null, mine: {} },
  };
}

export function aSnapshot(patch: Partial<MeetingSnapshot> = {}): MeetingSnapshot {
  return {
    meeting: {
      id: MEETING_ID,
      teamId: TEAM_ID,
      forumId: null,
      forumKind: null,
      title: 'Förbättringsträff',
      state: 'live',
      facilitatorId: ANNA,
      currentPhaseIndex: 0,
      inputLocked: false,
      scheduledFor: null,
      startedAt: AT,
      endedAt: null,
      createdAt: AT,
    },
    phases: [aVotingPhase()],
    items: [],
    timer: { status: 'idle', remainingMs: 0 },
    hands: [],
    ready: [],
    participants: [],
    presence: [],
    minutes: null,
    lastSeq: 0,
    serverNow: AT,
    ...patch,
  };
}

export function anItem(id: string, text: string): ItemDto {
  return {
    id,
    teamId: TEAM_ID,
    kind: 'idea',
    text,
    status: 'open',
    authorId: BERTIL,
    ownerId: null,
    dueDate: null,
    parentId: null,
    notes: '',
    originMeetingId: MEETING_ID,
    originPhaseId: 'phase-voting',
    createdAt: AT,
    updatedAt: AT,
  };
}

/** Event `seq`: Bertil adds an idea with the text `idea <seq>`. */
export function itemAdded(seq: number): LiveEventOf<'item.added'> {
  return {
    meetingId: MEETING_ID,
    seq,
    type: 'item.added',
    payload: { item: anItem(`item-${seq}`, `idea ${seq}`) },
    at: AT,
  };
}

export const textsOf = (s: MeetingSnapshot) => s.items.map((i) => i.text);
export const seqsOf = (events: LiveEvent[]) => events.map((e) => e.seq);

let ops = 0;
/** Anna's command, as the screen made it and the client put it in the outbox. */
export function anOp<T extends PendingOp['type']>(
  type: T,
  payload: Extract<PendingOp, { type: T }>['payload'],
): PendingOp {
  ops += 1;
  return {
    opId: `00000000-0000-4000-8000-${String(ops).padStart(12, '0')}`,
    meetingId: MEETING_ID,
    type,
    payload,
    phaseId: 'phase-voting',
    at: AT,
  } as PendingOp;
}
