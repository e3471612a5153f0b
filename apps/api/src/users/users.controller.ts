import { Body, Controller, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UpdateMeBody, type UserDto } from '@tillit/protocol';
import { CurrentAuth, type AuthContext } from '../auth/auth.decorators.js';
import { ApiZodBody, zodBody } from '../common/zod.js';
import { toUserDto, UsersService } from './users.service.js';

@ApiTags('account')
@Controller('me')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Patch()
  @ApiZodBody(UpdateMeBody)
  async update(@CurrentAuth() auth: AuthContext, @Body(zodBody(UpdateMeBody)) body: UpdateMeBody): Promise<UserDto> {
    return toUserDto(await this.users.update(auth.userId, body));
  }
}
