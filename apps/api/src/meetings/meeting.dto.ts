import type { MeetingDto, PhaseView } from '@tillit/protocol';
import { type LiveRituals, viewPhaseState } from '../live/ritual.js';
import type { Meeting, MeetingPhase } from './meeting.entity.js';

export const toMeetingDto = (m: Meeting): MeetingDto => ({
  id: m.id,
  teamId: m.teamId,
  forumId: m.forumId,
  forumKind: m.forum?.kind ?? null,
  title: m.title,
  state: m.state,
  facilitatorId: m.facilitatorId,
  currentPhaseIndex: m.currentPhaseIndex,
  inputLocked: m.inputLocked,
  scheduledFor: m.scheduledFor?.toISOString() ?? null,
  startedAt: m.startedAt?.toISOString() ?? null,
  endedAt: m.endedAt?.toISOString() ?? null,
  createdAt: m.createdAt.toISOString(),
});

export const toPhaseView = (rituals: LiveRituals, p: MeetingPhase, viewerId: string): PhaseView =>
  ({
    id: p.id,
    index: p.position,
    kind: p.kind,
    title: p.title,
    timeboxSeconds: p.timeboxSeconds,
    settings: p.settings,
    state: viewPhaseState(rituals, p.kind, p.state, viewerId),
  }) as PhaseView;
