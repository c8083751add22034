import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles, UuidParam, YearParam } from '#app/core';
import { BlocsService } from './blocs.service.js';
import { PutRosterDto } from './dto/roster.dto.js';

@ApiTags('blocs')
@ApiBearerAuth()
@Controller('blocs/:blocId/years')
export class RostersController {
  constructor(private readonly blocs: BlocsService) {}

  @Put(':year')
  @Roles('staff')
  @ApiOperation({ summary: "Replace a bloc year's roster and rules" })
  put(@UuidParam('blocId') blocId: string, @YearParam('year') year: number, @Body() dto: PutRosterDto, @CurrentUser() user: AuthUser) {
    return this.blocs.putRoster(blocId, year, dto.members, dto.rules, user);
  }

  @Get(':year')
  get(@UuidParam('blocId') blocId: string, @YearParam('year') year: number) {
    return this.blocs.getRoster(blocId, year);
  }

  @Post(':year/copy-from/:fromYear')
  @Roles('staff')
  @HttpCode(201)
  @ApiOperation({ summary: "Start a bloc year from another year's roster and rules" })
  copy(@UuidParam('blocId') blocId: string, @YearParam('year') year: number, @YearParam('fromYear') fromYear: number, @CurrentUser() user: AuthUser) {
    return this.blocs.copyRoster(blocId, year, fromYear, user);
  }
}
