/**
 * Starting points for a forum's phases, per forum kind. Titles and prompts are written in the language of
 * the person who creates the forum (they are the team's own words from then on and can be edited).
 */
import type { ForumKind, ItemKind, PhaseKind, PhaseTemplate } from '@tillit/protocol';
import type { TFunction } from 'i18next';
import type { Translation } from '../locales/sv';

export function defaultSettings(kind: PhaseKind, itemKinds: ItemKind[] = ['note']): PhaseTemplate {
  const base = { title: '', timeboxSeconds: null };
  switch (kind) {
    case 'check-in':
      return { ...base, kind, settings: { prompt: '', mode: 'free', allowPass: true } };
    case 'capture':
      return { ...base, kind, settings: { itemKinds, prompt: '' } };
    case 'review':
      return { ...base, kind, settings: { itemKinds } };
    case 'voting':
      return { ...base, kind, settings: { itemKinds, votesPerPerson: 3, maxPerItem: 3 } };
    case 'discussion':
      return { ...base, kind, settings: { itemKinds } };
    case 'summary':
      return { ...base, kind, settings: { prompt: '' } };
    case 'ethics-theme':
      return { ...base, kind, settings: {} };
    case 'breakout':
      return { ...base, kind, settings: { groupSize: 4, mode: 'balanced' } };
    case 'kasam-reflection':
      return { ...base, kind, settings: { k: 5 } };
    case 'kasam-factors':
      return { ...base, kind, settings: { prompt: '' } };
    case 'kasam-actions':
      return { ...base, kind, settings: { maxActions: 3 } };
    case 'pdsa':
      return { ...base, kind, settings: { part: 'review' } };
    case 'steering-check-in':
    case 'steering-plan':
    case 'steering-risks':
    case 'steering-feedback':
      return { ...base, kind, settings: { prompt: '' } } as PhaseTemplate;
    case 'steering-carry-over':
    case 'steering-follow-up':
      return { ...base, kind, settings: {} } as PhaseTemplate;
  }
}

function phase(
  kind: PhaseKind,
  title: string,
  minutes: number | null,
  itemKinds?: ItemKind[],
  prompt?: string,
): PhaseTemplate {
  const p = defaultSettings(kind, itemKinds);
  const withPrompt = prompt !== undefined && 'prompt' in p.settings ? { ...p, settings: { ...p.settings, prompt } } : p;
  return { ...withPrompt, title, timeboxSeconds: minutes === null ? null : minutes * 60 } as PhaseTemplate;
}

export function defaultPhases(kind: ForumKind, t: TFunction): PhaseTemplate[] {
  const T = (key: `templates.${keyof Translation['templates']}`) => t(key);
  switch (kind) {
    // The same phases as the ready-made forums every team gets (apps/api/src/steering/settings/ready-made.ts).
    case 'daily-morning':
      return [
        phase('steering-check-in', T('templates.checkIn'), 2, undefined, T('templates.checkInPrompt')),
        phase('steering-carry-over', T('templates.fromYesterday'), 2),
        phase('steering-plan', T('templates.todaysPlan'), 6, undefined, T('templates.todaysPlanPrompt')),
      ];
    case 'daily-afternoon':
      return [
        phase('steering-follow-up', T('templates.followUpPlan'), 3),
        phase('steering-risks', T('templates.risksAndDisturbances'), 4, undefined, T('templates.risksPrompt')),
        phase('steering-feedback', T('templates.feedbackRound'), 3, undefined, T('templates.feedbackPrompt')),
      ];
    case 'improvement':
      // The ready-made "Förbättringsträff" (see src/improvement): open actions and running cycles from last
      // time → new ideas → dot vote → the chosen idea's PDSA cycle → actions with owner and due date → summary.
      return [
        phase('review', t('template.review', { ns: 'improvement' }), 5, ['action']),
        phase('pdsa', t('template.running', { ns: 'improvement' }), 5),
        phase(
          'capture',
          t('template.ideas', { ns: 'improvement' }),
          5,
          ['idea'],
          t('template.ideasPrompt', { ns: 'improvement' }),
        ),
        phase('voting', t('template.vote', { ns: 'improvement' }), 3, ['idea']),
        {
          ...phase('pdsa', t('template.cycle', { ns: 'improvement' }), 20),
          settings: { part: 'cycle' },
        } as PhaseTemplate,
        {
          ...phase('pdsa', t('template.actions', { ns: 'improvement' }), 5),
          settings: { part: 'actions' },
        } as PhaseTemplate,
        phase('summary', t('template.summary', { ns: 'improvement' }), 2),
      ];
    // The ready-made "Etikforum" and "KASAM-samtal" (see src/ethics and src/kasam).
    case 'ethics':
      return [
        phase('check-in', T('templates.checkIn'), 3, undefined, T('templates.checkInPrompt')),
        phase('ethics-theme', t('template.theme', { ns: 'ethics' }), 5),
        phase('breakout', t('template.groups', { ns: 'ethics' }), 20),
        phase(
          'summary',
          t('template.summary', { ns: 'ethics' }),
          10,
          undefined,
          t('template.summaryPrompt', { ns: 'ethics' }),
        ),
      ];
    case 'kasam':
      return [
        phase('kasam-reflection', t('template.reflection', { ns: 'kasam' }), 10),
        phase(
          'kasam-factors',
          t('template.factors', { ns: 'kasam' }),
          15,
          undefined,
          t('template.factorsPrompt', { ns: 'kasam' }),
        ),
        phase('voting', t('template.vote', { ns: 'kasam' }), 5, ['success-factor']),
        phase('kasam-actions', t('template.followUp', { ns: 'kasam' }), 15),
        phase('summary', t('template.summary', { ns: 'kasam' }), 5),
      ];
    case 'custom':
      return [phase('capture', T('templates.capture'), null, ['note']), phase('summary', T('templates.summary'), null)];
  }
}
