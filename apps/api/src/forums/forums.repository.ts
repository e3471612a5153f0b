import type { DeepPartial } from 'typeorm';
import { RepositoryBase } from '../common/repository.js';
import { Forum } from './forum.entity.js';

export class ForumsRepository extends RepositoryBase {
  ofTeam(teamId: string): Promise<Forum[]> {
    return this.m.find(Forum, { where: { teamId }, order: { createdAt: 'ASC' } });
  }

  find(teamId: string, id: string): Promise<Forum | null> {
    return this.m.findOneBy(Forum, { id, teamId });
  }

  exists(teamId: string, id: string): Promise<boolean> {
    return this.m.existsBy(Forum, { id, teamId });
  }

  create(fields: DeepPartial<Forum>): Promise<Forum> {
    return this.m.save(this.m.create(Forum, fields));
  }

  save(forum: Forum): Promise<Forum> {
    return this.m.save(forum);
  }

  /** True when the team had such a forum. */
  async delete(teamId: string, id: string): Promise<boolean> {
    return !!(await this.m.delete(Forum, { id, teamId })).affected;
  }
}
