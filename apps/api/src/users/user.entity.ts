import { Column, Entity } from 'typeorm';
import { EntityBase } from '../common/base.entity.js';

@Entity('users')
export class User extends EntityBase {
  /** Stored lower-cased; unique. */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text', default: 'sv' })
  locale: 'sv' | 'en';
}
