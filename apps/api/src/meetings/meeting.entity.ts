import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { HandDto, MeetingState, PhaseKind, TimerState } from '@tillit/protocol';
import { Forum } from '../forums/forum.entity.js';
import { Team } from '../teams/team.entity.js';
import { User } from '../users/user.entity.js';

/** One occurrence of a forum (or an ad-hoc meeting): scheduled → live → ended. */
@Entity('meetings')
@Index(['teamId', 'createdAt'])
export class Meeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  teamId: string;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: Team;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  forumId: string | null;

  @ManyToOne(() => Forum, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'forum_id' })
  forum?: Forum;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  state: MeetingState;

  @Column({ type: 'uuid', nullable: true })
  facilitatorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'facilitator_id' })
  facilitator?: User;

  /** When the facilitator was last seen arriving or leaving (or got the role): the 30 s take-over clock. */
  @Column({ type: 'timestamptz' })
  facilitatorSeenAt: Date;

  @Column({ type: 'integer', default: 0 })
  currentPhaseIndex: number;

  @Column({ type: 'boolean', default: false })
  inputLocked: boolean;

  @Column({ type: 'jsonb' })
  timer: TimerState;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  hands: HandDto[];

  @Column({ type: 'jsonb', default: () => `'[]'` })
  ready: string[];

  /** The seq of the last event; incremented in the same transaction that appends it (gap-free). */
  @Column({ type: 'integer', default: 0 })
  lastSeq: number;

  /** Frozen at the end (see MinutesDto). */
  @Column({ type: 'jsonb', nullable: true })
  minutes: unknown;

  @Column({ type: 'timestamptz', nullable: true })
  scheduledFor: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A step of a meeting: its kind, settings (copied from the template) and live state (see live/phase-state.ts). */
@Entity('meeting_phases')
@Unique(['meetingId', 'position'])
export class MeetingPhase {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  kind: PhaseKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'integer', nullable: true })
  timeboxSeconds: number | null;

  @Column({ type: 'jsonb' })
  settings: Record<string, unknown>;

  /** The phase kind's stored state (private parts included, e.g. who voted for what). */
  @Column({ type: 'jsonb' })
  state: Record<string, unknown>;
}

/**
 * The meeting's event log: one row per accepted command, with a per-meeting gap-free `seq` and the client's
 * operation id (a retried opId finds its row and gets the stored `result`).
 */
@Entity('meeting_events')
@Unique(['meetingId', 'seq'])
@Unique(['meetingId', 'opId'])
export class MeetingEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'uuid' })
  opId: string;

  /** The command that made it (a retried opId must name the same command). */
  @Column({ type: 'text' })
  command: string;

  /** The event type. */
  @Column({ type: 'text' })
  type: string;

  /** The broadcast payload (whitelisted fields only). */
  @Column({ type: 'jsonb' })
  payload: unknown;

  /** The sender's ack result. */
  @Column({ type: 'jsonb' })
  result: unknown;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
