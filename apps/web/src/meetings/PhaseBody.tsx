import type { PhaseView } from '@tillit/protocol';
import type { ComponentType } from 'react';
import { useRituals } from './ritual';

/** The current phase's UI: the component the phase kind's ritual registered (see README.md, "How to add a ritual"). */
export function PhaseBody({ phase }: { phase: PhaseView }) {
  // The map is keyed by kind, so the component takes exactly this phase's type; TypeScript cannot follow that through a lookup.
  const Phase = useRituals().phases[phase.kind] as ComponentType<{ phase: PhaseView }>;
  return <Phase key={phase.id} phase={phase} />;
}
