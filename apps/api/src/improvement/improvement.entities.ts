/**
 * Improvement work in the database. An idea is a team item of kind `idea` (`items`), so its row here is keyed
 * by the item's id and is created on the first change (an idea captured in a meeting is on the board at once,
 * as status `idea`). Long texts live in `improvement_fields`, one row per co-edited field, with every saved
 * version and every conflict in `improvement_field_versions` (see README.md).
 */
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { EntityBase } from '../common/base.entity.js';
import { TeamOwnedEditedEntity } from '../teams/team-owned.entity.js';
import type { IdeaStatus, MeasureDirection, PdsaDecision } from '@tillit/protocol';
import { Item } from '../items/item.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { Team } from '../teams/team.entity.js';
import { User } from '../users/user.entity.js';

/** Numeric columns come back from pg as strings; values are doubles. */
const double = {
  type: 'double precision' as const,
  transformer: { to: (v: number | null) => v, from: (v: unknown) => (v === null ? null : Number(v)) },
};

@Entity('improvement_ideas')
@Index(['teamId', 'status'])
export class ImprovementIdea {
  /** The id of the team item (kind `idea`). */
  @PrimaryColumn({ type: 'uuid' })
  itemId: string;

  @ManyToOne(() => Item, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: Item;

  @Column({ type: 'uuid' })
  teamId: string;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: Team;

  @Column({ type: 'text', default: 'idea' })
  status: IdeaStatus;

  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id' })
  owner?: User;

  /**
   * The risk or disturbance the idea came from; null for a free idea. No foreign key: daily steering owns
   * where those live (see improvement.repository.ts); a deleted origin reads as none.
   */
  @Column({ type: 'uuid', nullable: true })
  originId: string | null;

  /** The last meeting that changed it: the meeting's snapshot keeps it even after it is adopted. */
  @Column({ type: 'uuid', nullable: true })
  lastMeetingId: string | null;

  @ManyToOne(() => Meeting, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'last_meeting_id' })
  lastMeeting?: Meeting;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('improvement_cycles')
@Unique(['ideaId', 'number'])
@Index(['teamId'])
export class ImprovementCycle extends TeamOwnedEditedEntity {
  @Column({ type: 'uuid' })
  ideaId: string;

  @ManyToOne(() => ImprovementIdea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id' })
  idea?: ImprovementIdea;

  @Column({ type: 'integer' })
  number: number;

  /** YYYY-MM-DD */
  @Column({ type: 'date' })
  startedOn: string;

  @Column({ type: 'text', nullable: true })
  decision: PdsaDecision | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  questionIds: string[];
}

/** One co-edited text: the three questions of an idea, a cycle's fields, a question's fields. */
@Entity('improvement_fields')
export class ImprovementField {
  /** `i:<ideaId>:aim`, `c:<cycleId>:objective`, `q:<cycleId>:<questionId>:prediction` (see the protocol). */
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Index()
  @Column({ type: 'uuid' })
  ideaId: string;

  @ManyToOne(() => ImprovementIdea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id' })
  idea?: ImprovementIdea;

  @Column({ type: 'uuid', nullable: true })
  cycleId: string | null;

  @ManyToOne(() => ImprovementCycle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: ImprovementCycle;

  @Column({ type: 'text', default: '' })
  text: string;

  @Column({ type: 'integer', default: 0 })
  rev: number;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by_id' })
  updatedBy?: User;

  @Column({ type: 'timestamptz', nullable: true })
  updatedAt: Date | null;

  /** The lease: who is editing, until when. */
  @Column({ type: 'uuid', nullable: true })
  editorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'editor_id' })
  editor?: User;

  @Column({ type: 'timestamptz', nullable: true })
  editorUntil: Date | null;
}

/** A field's history: every saved text (edits by one person in a row are one version) and every conflict. */
@Entity('improvement_field_versions')
@Index(['key', 'createdAt'])
export class ImprovementFieldVersion extends EntityBase {
  @Column({ type: 'text' })
  key: string;

  @Index()
  @Column({ type: 'uuid' })
  ideaId: string;

  @ManyToOne(() => ImprovementIdea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id' })
  idea?: ImprovementIdea;

  @Column({ type: 'uuid', nullable: true })
  cycleId: string | null;

  @ManyToOne(() => ImprovementCycle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: ImprovementCycle;

  /** The revision this text became; null for a conflict (it did not go in). */
  @Column({ type: 'integer', nullable: true })
  rev: number | null;

  @Column({ type: 'text' })
  kind: 'edit' | 'conflict';

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'boolean', default: false })
  dismissed: boolean;

  /** When an edit version last took more typing from the same person. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  touchedAt: Date;
}

@Entity('improvement_measures')
@Index(['teamId'])
export class ImprovementMeasure extends TeamOwnedEditedEntity {
  @Index()
  @Column({ type: 'uuid' })
  ideaId: string;

  @ManyToOne(() => ImprovementIdea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id' })
  idea?: ImprovementIdea;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: '' })
  unit: string;

  @Column({ type: 'text', default: '' })
  definition: string;

  @Column({ type: 'text' })
  better: MeasureDirection;

  @Column({ ...double, nullable: true })
  goal: number | null;

  @Column({ type: 'integer', nullable: true })
  baselinePoints: number | null;
}

@Entity('improvement_points')
@Index(['measureId', 'date'])
export class ImprovementPoint extends EntityBase {
  @Column({ type: 'uuid' })
  measureId: string;

  @ManyToOne(() => ImprovementMeasure, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'measure_id' })
  measure?: ImprovementMeasure;

  /** YYYY-MM-DD */
  @Column({ type: 'date' })
  date: string;

  @Column(double)
  value: number;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: User;
}

export const IMPROVEMENT_ENTITIES = [
  ImprovementIdea,
  ImprovementCycle,
  ImprovementField,
  ImprovementFieldVersion,
  ImprovementMeasure,
  ImprovementPoint,
];
