import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError, DeviceKind, MeetingSnapshot } from '@tillit/protocol';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { api } from '../../lib/api';
import { LiveMeetingClient, meetingKeys, type Command, type LiveState } from './client';

import { withPending, type MeetingView, type Overlays } from './optimistic';

export type { Command };

export class CommandRefused extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/**
 * The meeting as the server last confirmed it. The first answer may come from REST or from the socket's
 * join, whichever is first; a later REST answer never replaces newer live state.
 */
export function useMeetingSnapshot(meetingId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: meetingKeys.one(meetingId),
    queryFn: async () => {
      const fresh = await api<MeetingSnapshot>('GET', `/api/meetings/${encodeURIComponent(meetingId)}`);
      const current = queryClient.getQueryData<MeetingSnapshot>(meetingKeys.one(meetingId));
      if (current && current.lastSeq >= fresh.lastSeq) return current;
      return current ? { ...fresh, presence: current.presence } : fresh;
    },
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/** One live client per mounted meeting page (and per person). */
export function useLiveClient(
  meetingId: string,
  userId: string | undefined,
  device: DeviceKind,
): LiveMeetingClient | null {
  const queryClient = useQueryClient();
  const [client, setClient] = useState<LiveMeetingClient | null>(null);
  useEffect(() => {
    if (!userId) return;
    const c = new LiveMeetingClient(meetingId, userId, queryClient, device);
    c.start();
    setClient(c);
    return () => {
      c.stop();
      setClient(null);
    };
    // The device is updated below without reconnecting.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meetingId, userId, queryClient]);
  useEffect(() => client?.setDevice(device), [client, device]);
  return client;
}

const NO_STATE: LiveState = {
  status: 'connecting',
  error: null,
  outbox: [],
  waiting: 0,
  typing: new Map(),
  clockOffsetMs: 0,
};
const noop = () => () => {};

export function useLiveState(client: LiveMeetingClient | null): LiveState {
  return useSyncExternalStore(client?.subscribe ?? noop, client?.getState ?? (() => NO_STATE));
}

/** What the screen shows: the confirmed snapshot with the person's unconfirmed commands on top. */
export function useMeetingView(
  snapshot: MeetingSnapshot | undefined,
  live: LiveState,
  me: string | undefined,
  overlays: Overlays,
): MeetingView | null {
  return useMemo(
    () => (snapshot && me ? withPending(snapshot, live.outbox, me, overlays) : null),
    [snapshot, live.outbox, me, overlays],
  );
}

/**
 * Sends live commands. `onMutate` is the optimistic write: the command enters the outbox and the screen
 * shows it at once; the promise settles when the server answers (after reconnects, if need be). A refusal
 * removes it from the outbox, which rolls the screen back; the client reports it (see onRefused).
 */
export function useSendCommand(client: LiveMeetingClient | null) {
  const mutation = useMutation({
    networkMode: 'always',
    mutationFn: async ({ opId }: { opId: string; command: Command }) => {
      if (!client) throw new CommandRefused({ code: 'INTERNAL', message: 'Not connected' });
      const ack = await client.settled(opId);
      if (!ack.ok) throw new CommandRefused(ack.error);
      return ack;
    },
    onMutate: ({ opId, command }) => {
      client?.enqueue(command, opId);
    },
  });
  const { mutate } = mutation;
  return useMemo(() => (command: Command) => mutate({ opId: crypto.randomUUID(), command }), [mutate]);
}
