import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { EntityBase } from '../common/base.entity.js';
import { User } from '../users/user.entity.js';

/** A signed-in browser. Its `id` is public, used to list and revoke; never the secret. */
@Entity('sessions')
export class Session extends EntityBase {
  /** SHA-256 of the cookie token: a leaked table does not let anyone sign in. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'timestamptz' })
  lastSeenAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'text', nullable: true })
  userAgent: string | null;
}
