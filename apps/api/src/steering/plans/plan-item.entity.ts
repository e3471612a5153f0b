import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TeamOwnedEditedEntity } from '../../teams/team-owned.entity.js';
import type { PlanStatus } from '@tillit/protocol';
import { Meeting } from '../../meetings/meeting.entity.js';
import { Team } from '../../teams/team.entity.js';
import { User } from '../../users/user.entity.js';

/** One thing to do on one day ("what, when, where"), assigned to one or more people. */
@Entity('plan_items')
@Index(['teamId', 'day'])
export class PlanItem extends TeamOwnedEditedEntity {
  /** YYYY-MM-DD, in the team's time zone. */
  @Column({ type: 'date' })
  day: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  time: string;

  @Column({ type: 'text', default: '' })
  place: string;

  @Column({ type: 'text', default: '' })
  notes: string;

  @Column({ type: 'text', default: 'open' })
  status: PlanStatus;

  @Column({ type: 'text', nullable: true })
  carryReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  carriedFromId: string | null;

  @ManyToOne(() => PlanItem, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'carried_from_id' })
  carriedFrom?: PlanItem;

  @Column({ type: 'uuid', nullable: true })
  carriedToId: string | null;

  @ManyToOne(() => PlanItem, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'carried_to_id' })
  carriedTo?: PlanItem;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  /** The last meeting that changed it (its snapshot keeps showing it, its minutes list it). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  lastMeetingId: string | null;

  @ManyToOne(() => Meeting, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'last_meeting_id' })
  lastMeeting?: Meeting;
}

@Entity('plan_item_assignees')
export class PlanItemAssignee {
  @PrimaryColumn({ type: 'uuid' })
  planItemId: string;

  @Index()
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => PlanItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_item_id' })
  planItem?: PlanItem;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;
}

/** Someone is away on a day (marked by themselves or a facilitator). */
@Entity('steering_absences')
export class Absence {
  @PrimaryColumn({ type: 'uuid' })
  teamId: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: Team;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'uuid', nullable: true })
  markedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'marked_by_id' })
  markedBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
