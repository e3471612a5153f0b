import type { KasamAggregate } from '@tillit/protocol';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Forum } from '../forums/forum.entity.js';
import { Meeting, MeetingPhase } from '../meetings/meeting.entity.js';
import { Team } from '../teams/team.entity.js';

/** One anonymous answer, as stored: no person, no time. */
export interface BallotAnswer {
  comprehensibility: number;
  manageability: number;
  meaningfulness: number;
  helps: string | null;
  hinders: string | null;
  important: string | null;
}

/**
 * The ballot box of one reflection phase: ONE row per phase holding every answer in a random order (each new
 * answer goes in at a random place). No person, no timestamp, no per-answer row whose physical order or id
 * could be matched to who answered when. Deleted at the reveal, when only the aggregate is kept.
 */
@Entity('kasam_ballots')
export class KasamBallot {
  @PrimaryColumn({ type: 'uuid' })
  phaseId: string;

  @ManyToOne(() => MeetingPhase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'phase_id' })
  phase?: MeetingPhase;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  answers: BallotAnswer[];
}

/** A revealed aggregate (it met k by construction): the KASAM trend is made of these. */
@Entity('kasam_results')
@Unique(['phaseId'])
@Index(['teamId', 'heldOn'])
export class KasamResult {
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

  /** The day only. */
  @Column({ type: 'date' })
  heldOn: string;

  @Column({ type: 'jsonb' })
  aggregate: KasamAggregate;
}
