import { RepositoryBase } from '../common/repository.js';
import { Invite } from './invite.entity.js';

export class InvitesRepository extends RepositoryBase {
  create(
    fields: Pick<
      Invite,
      'teamId' | 'tokenHash' | 'role' | 'expiresAt' | 'maxUses' | 'uses' | 'revokedAt' | 'createdById'
    >,
  ): Promise<Invite> {
    return this.m.save(this.m.create(Invite, fields));
  }

  ofTeam(teamId: string): Promise<Invite[]> {
    return this.m.find(Invite, { where: { teamId }, order: { createdAt: 'DESC' } });
  }

  /** True when the team had such an invite. */
  async revoke(teamId: string, id: string, at: Date): Promise<boolean> {
    return !!(await this.m.update(Invite, { id, teamId }, { revokedAt: at })).affected;
  }

  /** The invite with this token hash; locked for the rest of the transaction when `lock`. */
  byTokenHash(tokenHash: string, lock: boolean): Promise<Invite | null> {
    return this.m.findOne(Invite, {
      where: { tokenHash },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async countUse(id: string): Promise<void> {
    await this.m.increment(Invite, { id }, 'uses', 1);
  }
}
