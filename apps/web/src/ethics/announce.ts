import type { LiveEvent, MeetingSnapshot } from '@tillit/protocol';
import i18n, { currentLocale } from '../lib/i18n';
import { themeText } from './ethics.api';

/** What a screen reader hears about ethics-forum events made by others (never the contents of a group's notes). */
export function describeEthicsEvent(e: LiveEvent, before: MeetingSnapshot, me: string): string | null {
  const t = i18n.getFixedT(null, 'ethics');
  switch (e.type) {
    case 'ethics.theme.chosen':
      return e.payload.theme ? t('theme.chosen', { title: themeText(e.payload.theme, currentLocale()).title }) : null;
    case 'breakout.changed': {
      const prev = before.phases.find((p) => p.id === e.payload.phaseId);
      const was = prev?.kind === 'breakout' ? prev.state : null;
      const next = e.payload.state;
      if (next.stage === 'running' && was?.stage !== 'running') {
        const mine = next.groups.findIndex((g) => g.members.includes(me));
        return mine >= 0 ? t('groups.announceOpen', { n: mine + 1 }) : t('groups.running');
      }
      if (next.stage === 'recalled' && was?.stage === 'running') return t('groups.announceRecall');
      if (
        next.stage === 'share-back' &&
        next.sharing !== null &&
        (was?.sharing !== next.sharing || was?.stage !== 'share-back')
      ) {
        return t('groups.announceShare', { n: next.sharing + 1 });
      }
      if (next.stage === 'setup' && next.groups.length > 0 && was?.groups.length === 0)
        return t('groups.formed', { count: next.groups.length });
      return null;
    }
    default:
      return null;
  }
}
