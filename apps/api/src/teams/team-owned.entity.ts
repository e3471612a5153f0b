import { Column, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { EntityBase } from '../common/base.entity.js';
import { Team } from './team.entity.js';

/**
 * A row that belongs to one team and goes with it (`team_id`, cascading). The team column is not indexed
 * here: each table declares the index its queries need (`@Index(['teamId'])` or a composite one).
 */
export abstract class TeamOwnedEntity extends EntityBase {
  @Column({ type: 'uuid' })
  teamId: string;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: Team;
}

/** A team's row that is changed after it is made. */
export abstract class TeamOwnedEditedEntity extends TeamOwnedEntity {
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
