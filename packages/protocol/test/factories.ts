/**
 * Factories for the reducer tests: a small meeting as a participant would see it, and events in seq order.
 * Each test builds the snapshot it needs from these (nothing is shared between tests).
 */
import {
  applyEvent,
  type ItemDto,
  type LiveEvent,
  type LiveEventPayloads,
  type LiveEventType,
  type MeetingSnapshot,
  type PhaseKind,
  type PhaseView,
} from '../src/index.js';

export const TEAM = '00000000-0000-4000-8000-00000000000a';
export const MEETING = '00000000-0000-4000-8000-00000000000b';
export const ANNA = '00000000-0000-4000-8000-000000000001';
export const BO = '00000000-0000-4000-8000-000000000002';
export const CARL = '00000000-0000-4000-8000-000000000003';
export const T0 = '2026-03-02T08:30:00.000Z';

let ids = 0;
/** A fresh uuid-shaped id (the reducer only compares ids). */
export const id = () => `10000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

export function item(over: Partial<ItemDto> = {}): ItemDto {
  return {
    id: id(),
    teamId: TEAM,
    kind: 'note',
    text: 'Ordering gloves takes too long',
    status: 'open',
    authorId: ANNA,
    ownerId: null,
    dueDate: null,
    parentId: null,
    notes: '',
    originMeetingId: MEETING,
    originPhaseId: null,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

type PhaseOf<K extends PhaseKind> = Extract<PhaseView, { kind: K }>;
export function phase<K extends PhaseKind>(
  kind: K,
  settings: PhaseOf<K>['settings'],
  state: PhaseOf<K>['state'],
  index = 0,
): PhaseOf<K> {
  return { id: id(), index, kind, title: kind, timeboxSeconds: 300, settings, state } as PhaseOf<K>;
}

export function snapshot(over: Partial<MeetingSnapshot> = {}): MeetingSnapshot {
  return {
    meeting: {
      id: MEETING,
      teamId: TEAM,
      forumId: null,
      forumKind: 'custom',
      title: 'Monday retro',
      state: 'live',
      facilitatorId: ANNA,
      currentPhaseIndex: 0,
      inputLocked: false,
      scheduledFor: null,
      startedAt: T0,
      endedAt: null,
      createdAt: T0,
    },
    phases: [],
    items: [],
    timer: { status: 'idle', remainingMs: 300_000 },
    hands: [],
    ready: [],
    participants: [
      { userId: ANNA, displayName: 'Anna', role: 'facilitator' },
      { userId: BO, displayName: 'Bo', role: 'member' },
      { userId: CARL, displayName: 'Carl', role: 'member' },
    ],
    presence: [],
    minutes: null,
    lastSeq: 0,
    serverNow: T0,
    ...over,
  };
}

/** Events as the server sends them: seq 1, 2, 3 … after the snapshot's, a second apart. */
export function events(
  from: MeetingSnapshot,
  ...drafts: { [K in LiveEventType]: [K, LiveEventPayloads[K]] }[LiveEventType][]
): LiveEvent[] {
  return drafts.map(
    ([type, payload], i) =>
      ({
        meetingId: MEETING,
        seq: from.lastSeq + i + 1,
        type,
        payload,
        at: new Date(Date.parse(from.serverNow) + (i + 1) * 1000).toISOString(),
      }) as LiveEvent,
  );
}

export const draft = <K extends LiveEventType>(type: K, payload: LiveEventPayloads[K]): [K, LiveEventPayloads[K]] => [
  type,
  payload,
];

/** Applies the drafts in seq order, checking on the way that no input snapshot was changed. */
export function play(s: MeetingSnapshot, ...drafts: Parameters<typeof events>[1][]): MeetingSnapshot {
  return events(s, ...drafts).reduce((acc, e) => {
    const before = JSON.stringify(acc);
    const next = applyEvent(deepFreeze(acc), e);
    if (JSON.stringify(acc) !== before) throw new Error(`${e.type} changed its input`);
    return next;
  }, s);
}

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}
