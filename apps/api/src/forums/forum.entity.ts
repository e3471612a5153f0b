import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TeamOwnedEditedEntity } from '../teams/team-owned.entity.js';
import type { Facilitation, ForumKind, PhaseTemplate } from '@tillit/protocol';
import { User } from '../users/user.entity.js';

/** A team's recurring ritual: its kind, schedule, phase template and who facilitates. */
@Entity('forums')
@Index(['teamId'])
export class Forum extends TeamOwnedEditedEntity {
  @Column({ type: 'text' })
  kind: ForumKind;

  @Column({ type: 'text' })
  name: string;

  /** An RRULE, validated by the protocol schema; null: no fixed schedule. */
  @Column({ type: 'text', nullable: true })
  schedule: string | null;

  /** The ordered phases every meeting of this forum starts with (a copy is made per meeting). */
  @Column({ type: 'jsonb' })
  phases: PhaseTemplate[];

  @Column({ type: 'jsonb' })
  facilitation: Facilitation;

  /** For rotating facilitation: how many meetings have been started (the next facilitator's position). */
  @Column({ type: 'integer', default: 0 })
  rotationIndex: number;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;
}
