/**
 * The two ready-made daily-steering forums every team gets, in the team's language (the creator's, or for
 * an older team whoever opens it first). The team may edit them like any forum, or switch them off.
 */
import { type CreateForumBody, type Locale, PhaseTemplates, type SteeringSettingsDto } from '@tillit/protocol';
import type { EntityManager } from 'typeorm';
import type { Forum } from '../../forums/forum.entity.js';
import { ForumsRepository } from '../../forums/forums.repository.js';
import { UsersRepository } from '../../users/users.repository.js';
import type { SteeringSettings } from './steering-settings.entity.js';
import { SteeringSettingsRepository } from './steering-settings.repository.js';

type Which = 'morning' | 'afternoon';

const TEXT = {
  sv: {
    morning: 'Daglig styrning – morgon',
    afternoon: 'Daglig styrning – eftermiddag',
    checkIn: 'Incheckning',
    checkInPrompt: 'Hur mår du i dag?',
    carryOver: 'Från i går',
    plan: 'Dagens plan',
    planPrompt: 'Vad ska göras i dag, var, och vem gör det?',
    followUp: 'Uppföljning av dagens plan',
    risks: 'Risker och störningar',
    risksPrompt: 'Vad kan hända, vad hände – och vad kan vi lära oss så att det inte händer igen?',
    feedback: 'Positiv återkoppling',
    feedbackPrompt: 'Vem vill du ge positiv återkoppling i dag, och för vad?',
    valueTags: ['Omtanke', 'Samarbete', 'Engagemang', 'Professionalitet'],
    riskCategories: [
      'Brukare/patient',
      'Arbetsmiljö',
      'Bemanning',
      'Lokaler och utrustning',
      'Information och kommunikation',
      'Övrigt',
    ],
  },
  en: {
    morning: 'Daily steering – morning',
    afternoon: 'Daily steering – afternoon',
    checkIn: 'Check-in',
    checkInPrompt: 'How are you today?',
    carryOver: 'From yesterday',
    plan: "Today's plan",
    planPrompt: 'What needs doing today, where, and who does it?',
    followUp: "Follow-up of today's plan",
    risks: 'Risks and disturbances',
    risksPrompt: 'What might happen, what happened – and what can we learn so it does not happen again?',
    feedback: 'Positive feedback',
    feedbackPrompt: 'Who would you like to give positive feedback today, and for what?',
    valueTags: ['Care', 'Collaboration', 'Commitment', 'Professionalism'],
    riskCategories: [
      'Client/patient',
      'Work environment',
      'Staffing',
      'Premises and equipment',
      'Information and communication',
      'Other',
    ],
  },
} as const;

/** The ready-made forum's template (phases with their default time boxes). */
export function readyMadeForum(
  which: Which,
  locale: Locale,
): Required<Pick<CreateForumBody, 'name' | 'schedule' | 'phases'>> {
  const t = TEXT[locale];
  const phases =
    which === 'morning'
      ? [
          { kind: 'steering-check-in', title: t.checkIn, timeboxSeconds: 120, settings: { prompt: t.checkInPrompt } },
          { kind: 'steering-carry-over', title: t.carryOver, timeboxSeconds: 120, settings: {} },
          { kind: 'steering-plan', title: t.plan, timeboxSeconds: 360, settings: { prompt: t.planPrompt } },
        ]
      : [
          { kind: 'steering-follow-up', title: t.followUp, timeboxSeconds: 180, settings: {} },
          { kind: 'steering-risks', title: t.risks, timeboxSeconds: 240, settings: { prompt: t.risksPrompt } },
          { kind: 'steering-feedback', title: t.feedback, timeboxSeconds: 180, settings: { prompt: t.feedbackPrompt } },
        ];
  return {
    name: which === 'morning' ? t.morning : t.afternoon,
    schedule: `FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=${which === 'morning' ? 8 : 14};BYMINUTE=${which === 'morning' ? 15 : 45}`,
    phases: PhaseTemplates.parse(phases),
  };
}

async function createForum(
  m: EntityManager,
  teamId: string,
  which: Which,
  locale: Locale,
  userId: string | null,
): Promise<Forum> {
  const template = readyMadeForum(which, locale);
  return new ForumsRepository(m).create({
    teamId,
    kind: which === 'morning' ? 'daily-morning' : 'daily-afternoon',
    name: template.name,
    schedule: template.schedule,
    phases: template.phases,
    facilitation: { mode: 'rotating' },
    createdById: userId,
  });
}

async function localeOf(m: EntityManager, userId: string): Promise<Locale> {
  return (await new UsersRepository(m).findById(userId))?.locale ?? 'sv';
}

/**
 * Makes the team's steering settings and, the first time only, its two ready-made forums. Safe to call on
 * every visit and concurrently: only the call that inserts the settings row creates the forums.
 */
export async function provisionSteering(m: EntityManager, teamId: string, userId: string): Promise<SteeringSettings> {
  const locale = await localeOf(m, userId);
  const t = TEXT[locale];
  const settings = new SteeringSettingsRepository(m);
  if (await settings.createIfAbsent(teamId, t.valueTags, t.riskCategories)) {
    const morning = await createForum(m, teamId, 'morning', locale, userId);
    const afternoon = await createForum(m, teamId, 'afternoon', locale, userId);
    await settings.update(teamId, { morningForumId: morning.id, afternoonForumId: afternoon.id });
  }
  return settings.get(teamId);
}

/** Switches a ready-made forum on (made anew from the template) or off (deleted; its meetings stay as history). */
export async function switchReadyMade(
  m: EntityManager,
  settings: SteeringSettings,
  which: Which,
  on: boolean,
  userId: string,
): Promise<void> {
  const key = which === 'morning' ? 'morningForumId' : 'afternoonForumId';
  const forums = new ForumsRepository(m);
  const current = settings[key] ? await forums.find(settings.teamId, settings[key]!) : null;
  if (on && !current) {
    const forum = await createForum(m, settings.teamId, which, await localeOf(m, userId), userId);
    settings[key] = forum.id;
  } else if (!on && current) {
    await forums.delete(settings.teamId, current.id);
    settings[key] = null;
  }
  await new SteeringSettingsRepository(m).update(settings.teamId, { [key]: settings[key] });
}

export const toSettingsDto = (s: SteeringSettings): SteeringSettingsDto => ({
  teamId: s.teamId,
  valueTags: s.valueTags,
  riskCategories: s.riskCategories,
  morningForumId: s.morningForumId,
  afternoonForumId: s.afternoonForumId,
});
