import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EntityBase } from '../common/base.entity.js';
import type { OrgRole } from '@tillit/protocol';
import { User } from '../users/user.entity.js';

@Entity('organizations')
export class Organization extends EntityBase {
  @Column({ type: 'text' })
  name: string;
}

@Entity('organization_members')
export class OrganizationMember {
  @PrimaryColumn({ type: 'uuid' })
  organizationId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  role: OrgRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
