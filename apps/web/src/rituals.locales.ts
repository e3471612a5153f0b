/**
 * Every ritual's strings, registered as i18next namespaces when the app starts (main.tsx): their screens load
 * later, with the meeting room or their pages, but forums, the team page and the templates use some of their
 * strings before that. rituals.test.ts checks that each ritual's namespace is here.
 */
import { ethicsLocales } from './ethics/ethics.locales';
import { improvementLocales } from './improvement/improvement.locales';
import { kasamLocales } from './kasam/kasam.locales';
import type { sv } from './locales/sv';
import { phasesLocales } from './phases/phases.locales';
import { steeringLocales } from './steering/steering.locales';

export const RITUAL_LOCALES = [
  steeringLocales,
  ethicsLocales,
  kasamLocales,
  improvementLocales,
  phasesLocales,
] as const;

type RitualNamespaces = { [L in (typeof RITUAL_LOCALES)[number] as L['ns']]: L['sv'] };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof sv } & RitualNamespaces;
  }
}
