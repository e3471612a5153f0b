import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { EntityBase } from '../../common/base.entity.js';
import { TeamOwnedEditedEntity } from '../../teams/team-owned.entity.js';
import type { RiskSeverity, RiskStatus, RiskType } from '@tillit/protocol';
import { Meeting } from '../../meetings/meeting.entity.js';
import { User } from '../../users/user.entity.js';

/** A risk (might happen) or a disturbance (happened), with its owner, follow-up and what the team learned. */
@Entity('risks')
@Index(['teamId', 'status'])
export class Risk extends TeamOwnedEditedEntity {
  @Column({ type: 'text' })
  type: RiskType;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', nullable: true })
  category: string | null;

  @Column({ type: 'text' })
  severity: RiskSeverity;

  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id' })
  owner?: User;

  @Column({ type: 'date', nullable: true })
  followUpDate: string | null;

  @Column({ type: 'text', default: 'open' })
  status: RiskStatus;

  @Column({ type: 'text', default: '' })
  learning: string;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  originMeetingId: string | null;

  @ManyToOne(() => Meeting, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'origin_meeting_id' })
  originMeeting?: Meeting;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  lastMeetingId: string | null;

  @ManyToOne(() => Meeting, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'last_meeting_id' })
  lastMeeting?: Meeting;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}

/** A risk escalated to the team's manager: the strategic room answers the operational room. */
@Entity('escalations')
@Index(['teamId', 'status'])
export class Escalation extends TeamOwnedEditedEntity {
  @Index()
  @Column({ type: 'uuid' })
  riskId: string;

  @ManyToOne(() => Risk, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'risk_id' })
  risk?: Risk;

  @Column({ type: 'text', default: 'open' })
  status: 'open' | 'closed';

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'uuid', nullable: true })
  escalatedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'escalated_by_id' })
  escalatedBy?: User;

  @Column({ type: 'uuid', nullable: true })
  closedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'closed_by_id' })
  closedBy?: User;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  lastMeetingId: string | null;

  @ManyToOne(() => Meeting, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'last_meeting_id' })
  lastMeeting?: Meeting;
}

@Entity('escalation_messages')
export class EscalationMessage extends EntityBase {
  @Index()
  @Column({ type: 'uuid' })
  escalationId: string;

  @ManyToOne(() => Escalation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'escalation_id' })
  escalation?: Escalation;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @Column({ type: 'text' })
  text: string;
}
