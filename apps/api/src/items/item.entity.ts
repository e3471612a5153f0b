import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TeamOwnedEditedEntity } from '../teams/team-owned.entity.js';
import type { ItemKind, ItemStatus } from '@tillit/protocol';
import { Meeting } from '../meetings/meeting.entity.js';
import { User } from '../users/user.entity.js';

/** What a team captures (plan items, risks, ideas, actions …). Belongs to the team and outlives meetings. */
@Entity('items')
@Index(['teamId', 'status'])
export class Item extends TeamOwnedEditedEntity {
  @Column({ type: 'text' })
  kind: ItemKind;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text', default: 'open' })
  status: ItemStatus;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id' })
  owner?: User;

  /** YYYY-MM-DD */
  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Item, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Item;

  @Column({ type: 'text', default: '' })
  notes: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  originMeetingId: string | null;

  @ManyToOne(() => Meeting, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'origin_meeting_id' })
  originMeeting?: Meeting;

  @Column({ type: 'uuid', nullable: true })
  originPhaseId: string | null;

  /** The last meeting that changed it: snapshots include every item a meeting touched. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  lastMeetingId: string | null;

  @ManyToOne(() => Meeting, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'last_meeting_id' })
  lastMeeting?: Meeting;
}
