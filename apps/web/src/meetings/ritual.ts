/**
 * What a ritual hands the meeting room. The room (this folder) renders whatever the rituals registered and
 * imports none of them: each ritual folder exports one `RitualUi`, the app root assembles them
 * (`src/rituals.ts`) and gives them to the meeting page.
 */
import type { LiveEvent, MeetingSnapshot, MinutesDto, PhaseKind, PhaseView } from '@tillit/protocol';
import { createContext, useContext, type ComponentType } from 'react';
import type { LocaleNamespace } from '../locales/strings';
import type { Overlays } from './live/optimistic';

/** The UI of one phase kind, given the current phase of that kind. */
export type PhaseComponent<K extends PhaseKind> = ComponentType<{ phase: Extract<PhaseView, { kind: K }> }>;
export type PhaseComponents = { [K in PhaseKind]?: PhaseComponent<K> };

export interface MinutesProps {
  s: MeetingSnapshot;
  minutes: MinutesDto;
  nameOf: (userId: string | null) => string;
}

/** What a screen reader hears about an event someone else made; null for nothing (or not this ritual's event). */
export type Announcer = (e: LiveEvent, before: MeetingSnapshot, me: string) => string | null;

export interface RitualUi {
  /** One component per phase kind this ritual brings. */
  phases: PhaseComponents;
  /** What its commands look like on screen before the server confirms them. */
  overlays?: Overlays;
  /** Shown above the minutes' summary. */
  minutesLead?: ComponentType<MinutesProps>;
  /** Its part of an ended meeting's minutes, after the summary. */
  minutes?: ComponentType<MinutesProps>;
  announce?: Announcer;
  /** Its strings: an i18next namespace, registered when the app starts. */
  locales: LocaleNamespace;
}

/** The rituals as the room uses them: a component for every phase kind, the rest in the order given. */
export interface Rituals {
  phases: { [K in PhaseKind]: PhaseComponent<K> };
  overlays: Overlays;
  minutesLeads: ComponentType<MinutesProps>[];
  minutes: ComponentType<MinutesProps>[];
  announcers: Announcer[];
}

/**
 * Puts the rituals together. Two rituals claiming one phase kind or one command's overlay is a mistake that
 * would silently hide one of them: it throws when the app loads (and in the unit tests).
 */
export function assembleRituals(list: readonly RitualUi[]): Rituals {
  const phases: Record<string, unknown> = {};
  const overlays: Record<string, unknown> = {};
  const claim = (into: Record<string, unknown>, what: string, from: object) => {
    for (const [key, value] of Object.entries(from)) {
      if (key in into) throw new Error(`Two rituals bring the ${what} ${key}`);
      into[key] = value;
    }
  };
  for (const ritual of list) {
    claim(phases, 'phase kind', ritual.phases);
    claim(overlays, 'overlay of', ritual.overlays ?? {});
  }
  const present = <T>(values: (T | undefined)[]) => values.filter((v): v is T => v !== undefined);
  return {
    // Every kind is there: src/rituals.ts does not compile otherwise, and its unit test checks PHASE_KINDS.
    phases: phases as Rituals['phases'],
    overlays: overlays as Overlays,
    minutesLeads: present(list.map((r) => r.minutesLead)),
    minutes: present(list.map((r) => r.minutes)),
    announcers: present(list.map((r) => r.announce)),
  };
}

export const RitualsContext = createContext<Rituals | null>(null);

export function useRituals(): Rituals {
  const rituals = useContext(RitualsContext);
  if (!rituals) throw new Error('useRituals outside the meeting room');
  return rituals;
}
