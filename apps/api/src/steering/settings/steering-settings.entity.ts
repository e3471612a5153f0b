import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { Forum } from '../../forums/forum.entity.js';
import { Meeting } from '../../meetings/meeting.entity.js';
import { Team } from '../../teams/team.entity.js';

/**
 * A team's daily-steering settings. Its existence also records that the two ready-made forums were made
 * once (so a team that switched them off does not get them back on its next visit).
 */
@Entity('steering_settings')
export class SteeringSettings {
  @PrimaryColumn({ type: 'uuid' })
  teamId: string;

  @OneToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: Team;

  /** Values the team names in feedback ("omtanke", "samarbete" …). */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  valueTags: string[];

  @Column({ type: 'jsonb', default: () => `'[]'` })
  riskCategories: string[];

  @Column({ type: 'uuid', nullable: true })
  morningForumId: string | null;

  @ManyToOne(() => Forum, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'morning_forum_id' })
  morningForum?: Forum;

  @Column({ type: 'uuid', nullable: true })
  afternoonForumId: string | null;

  @ManyToOne(() => Forum, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'afternoon_forum_id' })
  afternoonForum?: Forum;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** The day a daily-steering meeting plans, when a facilitator set it (else the day the meeting started). */
@Entity('steering_meeting_days')
export class SteeringMeetingDay {
  @PrimaryColumn({ type: 'uuid' })
  meetingId: string;

  @OneToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @Column({ type: 'date' })
  day: string;
}
