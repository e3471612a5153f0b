import { Injectable } from '@nestjs/common';
import type { UpdateMeBody, UserDto } from '@tillit/protocol';
import { notFound } from '../common/app-error.js';
import type { User } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

export const toUserDto = (u: User): UserDto => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  locale: u.locale,
});

@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  findByEmail(email: string): Promise<User | null> {
    return this.users.findByEmail(email);
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw notFound();
    return user;
  }

  async update(id: string, body: UpdateMeBody): Promise<User> {
    const user = await this.get(id);
    if (body.displayName !== undefined) user.displayName = body.displayName;
    if (body.locale !== undefined) user.locale = body.locale;
    return this.users.save(user);
  }

  /** Display names of these people, whether or not they are still in any team. */
  async displayNames(ids: string[]): Promise<Map<string, string>> {
    return new Map((await this.users.findMany(ids)).map((u) => [u.id, u.displayName]));
  }

  /** The person's language, Swedish when unknown. */
  async locale(id: string): Promise<User['locale']> {
    return (await this.users.findById(id))?.locale ?? 'sv';
  }
}
