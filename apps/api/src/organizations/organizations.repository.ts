import type { OrgRole } from '@tillit/protocol';
import { RepositoryBase } from '../common/repository.js';
import { Organization, OrganizationMember } from './organization.entity.js';

export class OrganizationsRepository extends RepositoryBase {
  create(name: string): Promise<Organization> {
    return this.m.save(this.m.create(Organization, { name }));
  }

  get(id: string): Promise<Organization> {
    return this.m.findOneByOrFail(Organization, { id });
  }

  async rename(id: string, name: string): Promise<void> {
    await this.m.update(Organization, { id }, { name });
  }

  async addMember(organizationId: string, userId: string, role: OrgRole): Promise<void> {
    await this.m.insert(OrganizationMember, { organizationId, userId, role });
  }

  /** Adds the person as a member unless they already belong (with whatever role they have). */
  async addMemberIfAbsent(organizationId: string, userId: string): Promise<void> {
    await this.m
      .createQueryBuilder()
      .insert()
      .into(OrganizationMember)
      .values({ organizationId, userId, role: 'member' })
      .orIgnore()
      .execute();
  }

  /** The person's memberships with their organisations, oldest first. */
  membershipsOf(userId: string): Promise<OrganizationMember[]> {
    return this.m.find(OrganizationMember, {
      where: { userId },
      relations: { organization: true },
      order: { createdAt: 'ASC' },
    });
  }

  async adminOf(userId: string): Promise<Set<string>> {
    return new Set(
      (await this.m.find(OrganizationMember, { where: { userId, role: 'admin' } })).map((o) => o.organizationId),
    );
  }
}
