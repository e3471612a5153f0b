import type { MeetingSnapshot } from '@tillit/protocol';
import { createContext, useContext } from 'react';
import type { Command, LiveMeetingClient, LiveState } from './live/client';
import type { MeetingView } from './live/optimistic';

export type Layout = 'phone' | 'laptop' | 'wall';

/** Everything a part of the meeting room needs, from one place. */
export interface Room {
  view: MeetingView;
  s: MeetingSnapshot;
  me: string;
  /** May send facilitator commands (the facilitator, a team manager or an organisation admin). */
  isFacilitator: boolean;
  /** May change items and answers now (live, and input not locked unless facilitating). */
  canInput: boolean;
  send: (command: Command) => void;
  client: LiveMeetingClient | null;
  live: LiveState;
  nameOf: (userId: string | null | undefined) => string;
  layout: Layout;
  announce: (text: string) => void;
}

export const RoomContext = createContext<Room | null>(null);

export function useRoom(): Room {
  const room = useContext(RoomContext);
  if (!room) throw new Error('useRoom outside the meeting room');
  return room;
}

export function currentPhase(s: MeetingSnapshot) {
  return s.phases[s.meeting.currentPhaseIndex] ?? null;
}
