import { Injectable } from '@nestjs/common';
import {
  BUILTIN_THEME_KEYS,
  type BreakoutState,
  CreateEthicsThemeBody,
  type EthicsThemeDto,
  type EthicsThemeLibraryDto,
  type EthicsThemeRef,
  type GroupNotesDto,
  type ThemeUse,
  UpdateEthicsThemeBody,
} from '@tillit/protocol';
import type { z } from 'zod';
import { forbidden, notFound } from '../common/app-error.js';
import { may } from '../access/access.policy.js';
import { TeamAccessService } from '../access/team-access.service.js';
import type { EthicsTheme } from './ethics.entities.js';
import { EthicsRepository } from './ethics.repository.js';

const toThemeDto = (t: EthicsTheme): EthicsThemeDto => ({
  id: t.id,
  teamId: t.teamId,
  title: t.title,
  case: t.case,
  questions: t.questions,
  createdById: t.createdById,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

@Injectable()
export class EthicsService {
  constructor(
    private readonly ethics: EthicsRepository,
    private readonly access: TeamAccessService,
  ) {}

  /** Our themes and the team's, with when each was last used in the forum, and the one to take up next. */
  async library(userId: string, teamId: string, forumId: string | undefined): Promise<EthicsThemeLibraryDto> {
    await this.access.require(userId, teamId, 'member');
    if (forumId && !(await this.ethics.forumInTeam(teamId, forumId))) throw notFound('No such forum');
    const uses = await this.ethics.themeUses(teamId, forumId ?? null);
    const use = (key: string): ThemeUse => uses.get(key) ?? { lastUsedOn: null, timesUsed: 0 };
    const own = await this.ethics.themesOf(teamId);
    const builtin = BUILTIN_THEME_KEYS.map((key) => ({ key, ...use(`builtin:${key}`) }));
    const team = own.map((t) => ({ ...toThemeDto(t), ...use(`team:${t.id}`) }));

    // Suggest what the forum has not taken up yet (the team's own first), else what it took up longest ago.
    const all: { ref: EthicsThemeRef; use: ThemeUse }[] = [
      ...team.map((t) => ({ ref: { teamThemeId: t.id }, use: t })),
      ...builtin.map((b) => ({ ref: { builtin: b.key }, use: b })),
    ];
    const unused = all.find((x) => x.use.timesUsed === 0);
    const oldest = [...all].sort((a, b) => (a.use.lastUsedOn ?? '').localeCompare(b.use.lastUsedOn ?? ''))[0];
    return { builtin, team, suggestion: (unused ?? oldest)?.ref ?? null };
  }

  /** Any member may add a theme (co-leadership). */
  async createTheme(
    userId: string,
    teamId: string,
    body: z.output<typeof CreateEthicsThemeBody>,
  ): Promise<EthicsThemeDto> {
    await this.access.require(userId, teamId, 'member');
    const theme = await this.ethics.createTheme({
      teamId,
      title: body.title,
      case: body.case,
      questions: body.questions,
      createdById: userId,
    });
    return toThemeDto(theme);
  }

  /** Its author may change or delete a theme; so may facilitators and managers (and organisation admins). */
  private async editable(userId: string, teamId: string, themeId: string): Promise<EthicsTheme> {
    const access = await this.access.require(userId, teamId, 'member');
    const theme = await this.ethics.theme(teamId, themeId);
    if (!theme) throw notFound('No such theme');
    const privileged = may('facilitator', access, 'team');
    if (theme.createdById !== userId && !privileged)
      throw forbidden('Only its author, a facilitator or a manager may change this theme');
    return theme;
  }

  async updateTheme(
    userId: string,
    teamId: string,
    themeId: string,
    body: z.output<typeof UpdateEthicsThemeBody>,
  ): Promise<EthicsThemeDto> {
    const theme = await this.editable(userId, teamId, themeId);
    if (body.title !== undefined) theme.title = body.title;
    if (body.case !== undefined) theme.case = body.case;
    if (body.questions !== undefined) theme.questions = body.questions;
    return toThemeDto(await this.ethics.saveTheme(theme));
  }

  async deleteTheme(userId: string, teamId: string, themeId: string): Promise<void> {
    await this.editable(userId, teamId, themeId);
    await this.ethics.deleteTheme(teamId, themeId);
  }

  /**
   * A breakout group's confidential notes: ONLY for the people in that group now. A manager, an
   * organisation admin or the facilitator outside the group gets 403 like anyone else.
   */
  async groupNotes(userId: string, meetingId: string, phaseId: string, group: number): Promise<GroupNotesDto> {
    const meeting = await this.ethics.meeting(meetingId);
    if (!meeting) throw notFound();
    await this.access.require(userId, meeting.teamId, 'member');
    const phase = await this.ethics.breakoutPhase(meetingId, phaseId);
    if (!phase) throw notFound();
    const g = (phase.state as unknown as BreakoutState).groups[group];
    if (!g) throw notFound();
    if (!g.members.includes(userId)) throw forbidden('Only the members of this group can read its notes');
    const notes = await this.ethics.notes(phaseId, group);
    return { phaseId, group, text: notes?.text ?? '', rev: notes?.rev ?? 0 };
  }
}
