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
  }
}

function phase(kind: PhaseKind, title: string, minutes: number | null, itemKinds?: ItemKind[], prompt?: string): PhaseTemplate {
  const p = defaultSettings(kind, itemKinds);
  const withPrompt = prompt !== undefined && 'prompt' in p.settings ? { ...p, settings: { ...p.settings, prompt } } : p;
  return { ...withPrompt, title, timeboxSeconds: minutes === null ? null : minutes * 60 } as PhaseTemplate;
}

export function defaultPhases(kind: ForumKind, t: TFunction): PhaseTemplate[] {
  const T = (key: `templates.${keyof Translation['templates']}`) => t(key);
  switch (kind) {
    case 'daily-morning':
      return [
        phase('check-in', T('templates.checkIn'), 2, undefined, T('templates.checkInPrompt')),
        phase('review', T('templates.fromYesterday'), 3, ['plan', 'risk']),
        phase('capture', T('templates.todaysPlan'), 5, ['plan'], T('templates.todaysPlanPrompt')),
      ];
    case 'daily-afternoon':
      return [
        phase('review', T('templates.followUpPlan'), 3, ['plan']),
        phase('capture', T('templates.risksAndDisturbances'), 4, ['risk', 'disturbance'], T('templates.risksPrompt')),
        phase('check-in', T('templates.feedbackRound'), 3, undefined, T('templates.feedbackPrompt')),
      ];
    case 'improvement':
      return [
        phase('review', T('templates.lastActions'), 5, ['action']),
        phase('capture', T('templates.ideas'), 5, ['idea'], T('templates.ideasPrompt')),
        phase('voting', T('templates.prioritise'), 3, ['idea']),
        phase('discussion', T('templates.discuss'), 15, ['idea']),
        phase('summary', T('templates.summary'), 2),
      ];
    case 'ethics':
      return [
        phase('check-in', T('templates.checkIn'), 3, undefined, T('templates.checkInPrompt')),
        phase('capture', T('templates.dilemmas'), 5, ['note'], T('templates.dilemmasPrompt')),
        phase('discussion', T('templates.reflect'), 20, ['note']),
        phase('summary', T('templates.summary'), 3),
      ];
    case 'kasam':
      return [
        phase('check-in', T('templates.checkIn'), 3, undefined, T('templates.kasamPrompt')),
        phase('capture', T('templates.successFactors'), 10, ['note'], T('templates.successFactorsPrompt')),
        phase('discussion', T('templates.actions'), 15, ['note']),
        phase('summary', T('templates.summary'), 3),
      ];
    case 'custom':
      return [phase('capture', T('templates.capture'), null, ['note']), phase('summary', T('templates.summary'), null)];
  }
}
