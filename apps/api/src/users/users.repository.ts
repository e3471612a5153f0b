import { In } from 'typeorm';
import { RepositoryBase } from '../common/repository.js';
import { User } from './user.entity.js';

export class UsersRepository extends RepositoryBase {
  findById(id: string): Promise<User | null> {
    return this.m.findOneBy(User, { id });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.m.findOneBy(User, { email });
  }

  findMany(ids: string[]): Promise<User[]> {
    return ids.length ? this.m.findBy(User, { id: In(ids) }) : Promise.resolve([]);
  }

  /** Fails with the driver's unique violation (23505) when the email address is taken. */
  create(fields: Pick<User, 'email' | 'passwordHash' | 'displayName' | 'locale'>): Promise<User> {
    return this.m.save(this.m.create(User, fields));
  }

  save(user: User): Promise<User> {
    return this.m.save(user);
  }
}
