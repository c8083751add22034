import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, PageQuery, Roles, UuidParam } from '#app/core';
import { BlocsService } from './blocs.service.js';
import { CreateBlocDto, UpdateBlocDto } from './dto/bloc.dto.js';

@ApiTags('blocs')
@ApiBearerAuth()
@Controller('blocs')
export class BlocsController {
  constructor(private readonly blocs: BlocsService) {}

  @Post()
  @Roles('staff')
  create(@Body() dto: CreateBlocDto, @CurrentUser() user: AuthUser) {
    return this.blocs.create(dto, user);
  }

  @Get()
  list(@Query() page: PageQuery) {
    return this.blocs.list(page);
  }

  @Get(':blocId')
  get(@UuidParam('blocId') blocId: string) {
    return this.blocs.get(blocId);
  }

  @Patch(':blocId')
  @Roles('staff')
  update(@UuidParam('blocId') blocId: string, @Body() dto: UpdateBlocDto, @CurrentUser() user: AuthUser) {
    return this.blocs.update(blocId, dto, user);
  }
}
