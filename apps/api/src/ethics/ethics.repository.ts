import type { ThemeUse } from '@tillit/protocol';
import type { DeepPartial } from 'typeorm';
import { RepositoryBase } from '../common/repository.js';
import { Forum } from '../forums/forum.entity.js';
import { Meeting, MeetingPhase } from '../meetings/meeting.entity.js';
import { BreakoutNotes, EthicsTheme } from './ethics.entities.js';

export class EthicsRepository extends RepositoryBase {
  forumInTeam(teamId: string, forumId: string): Promise<boolean> {
    return this.m.existsBy(Forum, { id: forumId, teamId });
  }

  /** When each theme (`builtin:<key>` or `team:<id>`) was last taken up and how often: in the team, or in one forum. */
  async themeUses(teamId: string, forumId: string | null): Promise<Map<string, ThemeUse>> {
    const rows = (await this.m.query(
      `SELECT theme_key, to_char(max(used_on), 'YYYY-MM-DD') AS last, count(*)::int AS n FROM ethics_theme_uses
        WHERE team_id = $1 AND ($2::uuid IS NULL OR forum_id = $2) GROUP BY theme_key`,
      [teamId, forumId],
    )) as { theme_key: string; last: string; n: number }[];
    return new Map(rows.map((r) => [r.theme_key, { lastUsedOn: r.last, timesUsed: r.n }]));
  }

  themesOf(teamId: string): Promise<EthicsTheme[]> {
    return this.m.find(EthicsTheme, { where: { teamId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  theme(teamId: string, id: string): Promise<EthicsTheme | null> {
    return this.m.findOneBy(EthicsTheme, { id, teamId });
  }

  createTheme(fields: DeepPartial<EthicsTheme>): Promise<EthicsTheme> {
    return this.m.save(this.m.create(EthicsTheme, fields));
  }

  saveTheme(theme: EthicsTheme): Promise<EthicsTheme> {
    return this.m.save(theme);
  }

  async deleteTheme(teamId: string, id: string): Promise<void> {
    await this.m.delete(EthicsTheme, { id, teamId });
  }

  meeting(id: string): Promise<Meeting | null> {
    return this.m.findOneBy(Meeting, { id });
  }

  breakoutPhase(meetingId: string, phaseId: string): Promise<MeetingPhase | null> {
    return this.m.findOneBy(MeetingPhase, { id: phaseId, meetingId, kind: 'breakout' });
  }

  notes(phaseId: string, groupIndex: number): Promise<BreakoutNotes | null> {
    return this.m.findOneBy(BreakoutNotes, { phaseId, groupIndex });
  }
}
