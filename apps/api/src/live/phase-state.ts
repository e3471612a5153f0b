/** A phase's stored state: what each kind keeps in `meeting_phases.state`, read and written by its commands. */
import type { EntityManager } from 'typeorm';
import { MeetingPhase } from '../meetings/meeting.entity.js';

/**
 * What the database holds per phase kind (may include what not everyone may see). Empty here: each ritual adds
 * its kinds where it defines them, by declaration merging —
 * `declare module '../live/phase-state.js' { interface StoredPhaseState { 'my-kind': MyState } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the rituals' declaration merging
export interface StoredPhaseState {}

export const stateOf = <K extends keyof StoredPhaseState>(phase: MeetingPhase, _kind: K) =>
  phase.state as unknown as StoredPhaseState[K];

export async function savePhaseState<K extends keyof StoredPhaseState>(
  m: EntityManager,
  phase: MeetingPhase,
  state: StoredPhaseState[K],
): Promise<void> {
  phase.state = state as unknown as Record<string, unknown>;
  await m.update(MeetingPhase, { id: phase.id }, { state: state as never });
}
