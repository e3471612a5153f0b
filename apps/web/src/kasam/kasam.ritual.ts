/** The KASAM dialogue in the meeting room: anonymous reflection, success factors, actions and follow-up. */
import type { RitualUi } from '../meetings/ritual';
import { describeKasamEvent } from './announce';
import { KasamActionsPhase } from './KasamActionsPhase';
import { KasamFactorsPhase } from './KasamFactorsPhase';
import { kasamLocales } from './kasam.locales';
import { KasamMinutes } from './KasamMinutes';
import { KasamReflectionPhase } from './KasamReflectionPhase';

export const kasamRitual = {
  phases: {
    'kasam-reflection': KasamReflectionPhase,
    'kasam-factors': KasamFactorsPhase,
    'kasam-actions': KasamActionsPhase,
  },
  minutes: KasamMinutes,
  announce: describeKasamEvent,
  locales: kasamLocales,
} satisfies RitualUi;
