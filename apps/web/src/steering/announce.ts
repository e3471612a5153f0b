import type { LiveEvent, MeetingSnapshot } from '@tillit/protocol';
import i18n from '../lib/i18n';
import { formatDay } from './steering.i18n';

/**
 * What a screen reader hears about daily-steering events made by others: new plan items and risks,
 * escalations and their answers, new feedback in the round (never its text or who gave it), a new day.
 */
export function describeSteeringEvent(e: LiveEvent, before: MeetingSnapshot, me: string): string | null {
  const t = i18n.getFixedT(null, 'steering');
  const name = (id: string | null) => before.participants.find((p) => p.userId === id)?.displayName ?? '…';
  const st = before.steering;
  switch (e.type) {
    case 'plan.changed': {
      const added = e.payload.items.filter((i) => !st?.planItems.some((x) => x.id === i.id) && i.authorId !== me);
      return added.length
        ? added.map((i) => t('announce.planAdded', { name: name(i.authorId), title: i.title })).join(' ')
        : null;
    }
    case 'risk.changed': {
      const r = e.payload.risk;
      if (st?.risks.some((x) => x.id === r.id) || r.authorId === me) return null;
      return t('announce.riskAdded', { type: t(`risks.typeShort.${r.type}`).toLowerCase(), text: r.description });
    }
    case 'escalation.changed': {
      const x = e.payload.escalation;
      const was = st?.escalations.find((y) => y.id === x.id);
      if (!was) return x.escalatedById === me ? null : t('announce.escalated', { text: x.riskDescription });
      const last = x.messages[x.messages.length - 1];
      return x.messages.length > was.messages.length && last?.authorId !== me
        ? t('announce.replied', { text: x.riskDescription })
        : null;
    }
    case 'feedback.given':
      return t('announce.feedback');
    case 'steering.day-changed':
      return t('announce.day', { date: formatDay(e.payload.steering.day) });
    default:
      return null;
  }
}
