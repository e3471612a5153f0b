import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TeamOwnedEditedEntity } from '../teams/team-owned.entity.js';
import { Forum } from '../forums/forum.entity.js';
import { Meeting, MeetingPhase } from '../meetings/meeting.entity.js';
import { Team } from '../teams/team.entity.js';
import { User } from '../users/user.entity.js';

/** A theme a team wrote for its ethics forum (the built-in ones live in the protocol). */
@Entity('ethics_themes')
@Index(['teamId'])
export class EthicsTheme extends TeamOwnedEditedEntity {
  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  case: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  questions: string[];

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;
}

/** A theme taken up in a meeting's theme phase: the forum's memory of what it has discussed. */
@Entity('ethics_theme_uses')
@Unique(['phaseId'])
@Index(['teamId', 'forumId'])
export class EthicsThemeUse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  teamId: string;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: Team;

  @Column({ type: 'uuid', nullable: true })
  forumId: string | null;

  @ManyToOne(() => Forum, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'forum_id' })
  forum?: Forum;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @Column({ type: 'uuid' })
  phaseId: string;

  @ManyToOne(() => MeetingPhase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'phase_id' })
  phase?: MeetingPhase;

  /** `builtin:<key>` or `team:<uuid>`. */
  @Column({ type: 'text' })
  themeKey: string;

  /** The day it was taken up. */
  @Column({ type: 'date' })
  usedOn: string;
}

/**
 * A breakout group's CONFIDENTIAL notes. Kept apart from the phase state on purpose: nothing that builds
 * snapshots, events, minutes or exports reads this table. Only `EthicsService.groupNotes` does, for members
 * of that group.
 */
@Entity('breakout_notes')
@Unique(['phaseId', 'groupIndex'])
export class BreakoutNotes {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @Column({ type: 'uuid' })
  phaseId: string;

  @ManyToOne(() => MeetingPhase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'phase_id' })
  phase?: MeetingPhase;

  @Column({ type: 'integer' })
  groupIndex: number;

  @Column({ type: 'text', default: '' })
  text: string;

  @Column({ type: 'integer', default: 0 })
  rev: number;
}
