import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, PageQuery, Roles, UuidParam } from '#app/core';
import { CreateUserDto, UpdateUserDto } from '../dto/user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  create(@Body() dto: CreateUserDto, @CurrentUser() actor: AuthUser) {
    return this.users.create(dto, actor);
  }

  @Get()
  list(@Query() page: PageQuery) {
    return this.users.list(page);
  }

  @Get(':id')
  get(@UuidParam('id') id: string) {
    return this.users.get(id);
  }

  @Patch(':id')
  update(@UuidParam('id') id: string, @Body() dto: UpdateUserDto, @CurrentUser() actor: AuthUser) {
    return this.users.update(id, dto, actor);
  }
}
