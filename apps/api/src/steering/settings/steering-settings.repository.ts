import { RepositoryBase } from '../../common/repository.js';
import { SteeringSettings } from './steering-settings.entity.js';

type Changes = Partial<Pick<SteeringSettings, 'valueTags' | 'riskCategories' | 'morningForumId' | 'afternoonForumId'>>;

export class SteeringSettingsRepository extends RepositoryBase {
  find(teamId: string): Promise<SteeringSettings | null> {
    return this.m.findOneBy(SteeringSettings, { teamId });
  }

  get(teamId: string): Promise<SteeringSettings> {
    return this.m.findOneByOrFail(SteeringSettings, { teamId });
  }

  /** Makes the team's settings unless they exist; true only for the call that made them, even when racing. */
  async createIfAbsent(
    teamId: string,
    valueTags: readonly string[],
    riskCategories: readonly string[],
  ): Promise<boolean> {
    const inserted = (await this.m.query(
      `INSERT INTO steering_settings (team_id, value_tags, risk_categories) VALUES ($1, $2, $3)
       ON CONFLICT (team_id) DO NOTHING RETURNING team_id`,
      [teamId, JSON.stringify(valueTags), JSON.stringify(riskCategories)],
    )) as unknown[];
    return inserted.length > 0;
  }

  async update(teamId: string, changes: Changes): Promise<void> {
    await this.m.update(SteeringSettings, { teamId }, changes);
  }
}
