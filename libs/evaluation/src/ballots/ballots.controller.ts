import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles, UuidParam, YearParam } from '#app/core';
import { CreateBallotDto, VoteDto } from './ballot.dto.js';
import { BallotsReader } from './ballots.reader.js';
import { BallotsService } from './ballots.service.js';

@ApiTags('evaluation')
@ApiBearerAuth()
@Controller()
export class BallotsController {
  constructor(
    private readonly ballots: BallotsService,
    private readonly reader: BallotsReader,
  ) {}

  @Post('blocs/:blocId/years/:year/ballots')
  @ApiOperation({ summary: 'Open a secret ballot for an award type (staff, leader)' })
  create(@UuidParam('blocId') blocId: string, @YearParam('year') year: number, @Body() dto: CreateBallotDto, @CurrentUser() user: AuthUser) {
    return this.ballots.create(blocId, year, dto, user);
  }

  @Get('blocs/:blocId/years/:year/ballots')
  @ApiOperation({ summary: "The bloc year's ballots (counts only for closed ones)" })
  async list(@UuidParam('blocId') blocId: string, @YearParam('year') year: number) {
    const items = await this.reader.ballotsOf(blocId, year);
    return { items, total: items.length };
  }

  @Get('ballots/:id')
  @ApiOperation({ summary: 'A ballot: while open, turnout and who voted but no count per candidate' })
  get(@UuidParam('id') id: string) {
    return this.reader.ballot(id);
  }

  @Post('ballots/:id/votes')
  @Roles('unit')
  @ApiOperation({ summary: "Vote for the account's organisation (a member of the roster), once" })
  vote(@UuidParam('id') id: string, @Body() dto: VoteDto, @CurrentUser() user: AuthUser) {
    return this.ballots.vote(id, dto, user);
  }

  @Post('ballots/:id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close and count (staff, leader): turnout, quorum, percent and elected per candidate' })
  close(@UuidParam('id') id: string, @CurrentUser() user: AuthUser) {
    return this.ballots.close(id, user);
  }
}
