import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EntityBase } from '../common/base.entity.js';
import type { TeamRole } from '@tillit/protocol';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';

@Entity('teams')
export class Team extends EntityBase {
  @Index()
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'text' })
  name: string;
}

@Entity('team_members')
export class TeamMember {
  @PrimaryColumn({ type: 'uuid' })
  teamId: string;

  @Index()
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: Team;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  role: TeamRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
