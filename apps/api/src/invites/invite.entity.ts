import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TeamOwnedEntity } from '../teams/team-owned.entity.js';
import type { TeamRole } from '@tillit/protocol';
import { User } from '../users/user.entity.js';

@Entity('invites')
@Index(['teamId'])
export class Invite extends TeamOwnedEntity {
  /** SHA-256 of the link's token; the token itself is shown once, when the invite is made. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'text' })
  role: TeamRole;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** null: any number of uses until it expires. */
  @Column({ type: 'int', nullable: true })
  maxUses: number | null;

  @Column({ type: 'int', default: 0 })
  uses: number;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;
}
