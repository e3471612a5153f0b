import type { LiveEvent, MeetingSnapshot } from '@tillit/protocol';
import type { TFunction } from 'i18next';
import { themeText } from './ethics.api';

/** What a screen reader hears about ethics-forum and KASAM events (never the contents of anyone's answer). */
export function describeRitualEvent(e: LiveEvent, before: MeetingSnapshot, me: string, t: TFunction, lang: string): string | null {
  switch (e.type) {
    case 'ethics.theme.chosen':
      return e.payload.theme ? t('ethicsForum.theme.chosen', { title: themeText(e.payload.theme, lang).title }) : null;
    case 'breakout.changed': {
      const prev = before.phases.find((p) => p.id === e.payload.phaseId);
      const was = prev?.kind === 'breakout' ? prev.state : null;
      const next = e.payload.state;
      if (next.stage === 'running' && was?.stage !== 'running') {
        const mine = next.groups.findIndex((g) => g.members.includes(me));
        return mine >= 0 ? t('ethicsForum.groups.announceOpen', { n: mine + 1 }) : t('ethicsForum.groups.running');
      }
      if (next.stage === 'recalled' && was?.stage === 'running') return t('ethicsForum.groups.announceRecall');
      if (next.stage === 'share-back' && next.sharing !== null && (was?.sharing !== next.sharing || was?.stage !== 'share-back')) {
        return t('ethicsForum.groups.announceShare', { n: next.sharing + 1 });
      }
      if (next.stage === 'setup' && next.groups.length > 0 && was?.groups.length === 0) return t('ethicsForum.groups.formed', { count: next.groups.length });
      return null;
    }
    case 'kasam.answered':
      return t('kasam.announceAnswered', { count: e.payload.answered });
    case 'kasam.revealed':
      return t('kasam.announceRevealed');
    default:
      return null;
  }
}
