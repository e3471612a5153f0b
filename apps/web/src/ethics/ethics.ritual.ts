/** The ethics forum in the meeting room: choosing the theme and the conversations in small groups. */
import type { RitualUi } from '../meetings/ritual';
import { describeEthicsEvent } from './announce';
import { BreakoutPhase } from './BreakoutPhase';
import { ethicsLocales } from './ethics.locales';
import { EthicsMinutes } from './EthicsMinutes';
import { EthicsThemePhase } from './EthicsThemePhase';

export const ethicsRitual = {
  phases: { 'ethics-theme': EthicsThemePhase, breakout: BreakoutPhase },
  minutes: EthicsMinutes,
  announce: describeEthicsEvent,
  locales: ethicsLocales,
} satisfies RitualUi;
