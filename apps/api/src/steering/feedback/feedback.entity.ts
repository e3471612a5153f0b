import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TeamOwnedEntity } from '../../teams/team-owned.entity.js';
import type { FeedbackReaction, FeedbackVisibility } from '@tillit/protocol';
import { Meeting } from '../../meetings/meeting.entity.js';
import { User } from '../../users/user.entity.js';

/**
 * Positive feedback from one person to one or more colleagues. `receivers`-visibility feedback is read only
 * by its giver and its receivers (feedback.service.ts is the one place that decides who sees what).
 */
@Entity('feedback')
@Index(['teamId', 'createdAt'])
export class Feedback extends TeamOwnedEntity {
  @Index()
  @Column({ type: 'uuid', nullable: true })
  giverId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'giver_id' })
  giver?: User;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text', nullable: true })
  valueTag: string | null;

  @Column({ type: 'text' })
  visibility: FeedbackVisibility;

  /** Given in this meeting's feedback round. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  meetingId: string | null;

  @ManyToOne(() => Meeting, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;
}

@Entity('feedback_receivers')
export class FeedbackReceiver {
  @PrimaryColumn({ type: 'uuid' })
  feedbackId: string;

  @Index()
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => Feedback, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'feedback_id' })
  feedback?: Feedback;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;
}

@Entity('feedback_reactions')
export class FeedbackReactionRow {
  @PrimaryColumn({ type: 'uuid' })
  feedbackId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'text' })
  reaction: FeedbackReaction;

  @ManyToOne(() => Feedback, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'feedback_id' })
  feedback?: Feedback;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
