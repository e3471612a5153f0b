import type { PlanItemDto, SteeringSnapshot } from '@tillit/protocol';
import { useRoom } from '../../meetings/room';
import type { Person } from '../../ui/ActionForm';

/** The meeting room, plus what every daily-steering phase needs from it. */
export function useSteeringRoom() {
  const room = useRoom();
  const st: SteeringSnapshot | null = room.s.steering ?? null;
  const people: Person[] = room.s.participants.map((p) => ({ userId: p.userId, displayName: p.displayName }));
  const managers = new Set(room.s.participants.filter((p) => p.role === 'manager').map((p) => p.userId));
  const nameOf = (id: string | null) => room.nameOf(id);
  const today: PlanItemDto[] = st ? st.planItems.filter((i) => i.day === st.day) : [];
  const earlier: PlanItemDto[] = st ? st.planItems.filter((i) => i.day < st.day) : [];
  const inputs = room.layout !== 'wall' && room.canInput;
  return { room, st, people, managers, nameOf, today, earlier, inputs };
}
