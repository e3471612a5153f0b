import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
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
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { forbidden, notFound } from '../common/app-error.js';
import { Forum } from '../forums/forum.entity.js';
import { Meeting, MeetingPhase } from '../meetings/meeting.entity.js';
import { may } from '../access/access.policy.js';
import { TeamAccessService } from '../access/team-access.service.js';
import { BreakoutNotes, EthicsTheme } from './ethics.entities.js';

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
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: TeamAccessService,
  ) {}

  /** Our themes and the team's, with when each was last used in the forum, and the one to take up next. */
  async library(userId: string, teamId: string, forumId: string | undefined): Promise<EthicsThemeLibraryDto> {
    await this.access.require(userId, teamId, 'member');
    if (forumId && !(await this.db.manager.existsBy(Forum, { id: forumId, teamId }))) throw notFound('No such forum');
    const rows = (await this.db.query(
      `SELECT theme_key, to_char(max(used_on), 'YYYY-MM-DD') AS last, count(*)::int AS n FROM ethics_theme_uses
        WHERE team_id = $1 AND ($2::uuid IS NULL OR forum_id = $2) GROUP BY theme_key`,
      [teamId, forumId ?? null],
    )) as { theme_key: string; last: string; n: number }[];
    const uses = new Map(rows.map((r) => [r.theme_key, { lastUsedOn: r.last, timesUsed: r.n } as ThemeUse]));
    const use = (key: string): ThemeUse => uses.get(key) ?? { lastUsedOn: null, timesUsed: 0 };
    const own = await this.db.manager.find(EthicsTheme, { where: { teamId }, order: { createdAt: 'ASC', id: 'ASC' } });
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
  async createTheme(userId: string, teamId: string, body: z.output<typeof CreateEthicsThemeBody>): Promise<EthicsThemeDto> {
    await this.access.require(userId, teamId, 'member');
    const theme = await this.db.manager.save(
      this.db.manager.create(EthicsTheme, { teamId, title: body.title, case: body.case, questions: body.questions, createdById: userId }),
    );
    return toThemeDto(theme);
  }

  /** Its author may change or delete a theme; so may facilitators and managers (and organisation admins). */
  private async editable(userId: string, teamId: string, themeId: string): Promise<EthicsTheme> {
    const access = await this.access.require(userId, teamId, 'member');
    const theme = await this.db.manager.findOneBy(EthicsTheme, { id: themeId, teamId });
    if (!theme) throw notFound('No such theme');
    const privileged = may('facilitator', access, 'team');
    if (theme.createdById !== userId && !privileged) throw forbidden('Only its author, a facilitator or a manager may change this theme');
    return theme;
  }

  async updateTheme(userId: string, teamId: string, themeId: string, body: z.output<typeof UpdateEthicsThemeBody>): Promise<EthicsThemeDto> {
    const theme = await this.editable(userId, teamId, themeId);
    if (body.title !== undefined) theme.title = body.title;
    if (body.case !== undefined) theme.case = body.case;
    if (body.questions !== undefined) theme.questions = body.questions;
    return toThemeDto(await this.db.manager.save(theme));
  }

  async deleteTheme(userId: string, teamId: string, themeId: string): Promise<void> {
    await this.editable(userId, teamId, themeId);
    await this.db.manager.delete(EthicsTheme, { id: themeId, teamId });
  }

  /**
   * A breakout group's confidential notes: ONLY for the people in that group now. A manager, an
   * organisation admin or the facilitator outside the group gets 403 like anyone else.
   */
  async groupNotes(userId: string, meetingId: string, phaseId: string, group: number): Promise<GroupNotesDto> {
    const meeting = await this.db.manager.findOneBy(Meeting, { id: meetingId });
    if (!meeting) throw notFound();
    await this.access.require(userId, meeting.teamId, 'member');
    const phase = await this.db.manager.findOneBy(MeetingPhase, { id: phaseId, meetingId, kind: 'breakout' });
    if (!phase) throw notFound();
    const g = (phase.state as unknown as BreakoutState).groups[group];
    if (!g) throw notFound();
    if (!g.members.includes(userId)) throw forbidden('Only the members of this group can read its notes');
    const notes = await this.db.manager.findOneBy(BreakoutNotes, { phaseId, groupIndex: group });
    return { phaseId, group, text: notes?.text ?? '', rev: notes?.rev ?? 0 };
  }
}
