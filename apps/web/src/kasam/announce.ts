import type { LiveEvent } from '@tillit/protocol';
import i18n from '../lib/i18n';

/** What a screen reader hears about a KASAM dialogue: how many answered, and the reveal (never an answer). */
export function describeKasamEvent(e: LiveEvent): string | null {
  const t = i18n.getFixedT(null, 'kasam');
  switch (e.type) {
    case 'kasam.answered':
      return t('announceAnswered', { count: e.payload.answered });
    case 'kasam.revealed':
      return t('announceRevealed');
    default:
      return null;
  }
}
