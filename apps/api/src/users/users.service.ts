import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { UpdateMeBody, UserDto } from '@tillit/protocol';
import { Repository } from 'typeorm';
import { notFound } from '../common/app-error.js';
import { User } from './user.entity.js';

export const toUserDto = (u: User): UserDto => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  locale: u.locale,
});

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email });
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound();
    return user;
  }

  async update(id: string, body: UpdateMeBody): Promise<User> {
    const user = await this.get(id);
    if (body.displayName !== undefined) user.displayName = body.displayName;
    if (body.locale !== undefined) user.locale = body.locale;
    return this.users.save(user);
  }
}
