import { BadRequestException, Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, TemporaryPasswordResponse, User } from '@lodestar/contracts';
import { Roles } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { CreateUserDto, UpdateUserDto, UserListQuery } from './dto/user.dto';
import { UsersService } from './users.service';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('The user id must be a UUID.') });

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('ADMIN')
  list(@Query() query: UserListQuery): Promise<Page<User>> {
    return this.users.list(query);
  }

  /** Creates a user with a temporary password, returned once, that must be changed at first sign-in. */
  @Post()
  @Roles('ADMIN')
  create(@CurrentUser() actor: RequestUser, @Body() body: CreateUserDto): Promise<TemporaryPasswordResponse> {
    return this.users.create(actor, body);
  }

  @Patch(':id')
  @Roles('ADMIN')
  update(@CurrentUser() actor: RequestUser, @Param('id', uuid) id: string, @Body() body: UpdateUserDto): Promise<User> {
    return this.users.update(actor, id, body);
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @Roles('ADMIN')
  resetPassword(@CurrentUser() actor: RequestUser, @Param('id', uuid) id: string): Promise<TemporaryPasswordResponse> {
    return this.users.resetPassword(actor, id);
  }
}
