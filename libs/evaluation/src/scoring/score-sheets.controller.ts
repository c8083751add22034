import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, UuidParam, YearParam } from '#app/core';
import { ExplanationDto, PutScoreSheetDto, ReviewScoreSheetDto } from './score-sheet.dto.js';
import { ScoreSheetsReader } from './score-sheets.reader.js';
import { ScoreSheetsService } from './score-sheets.service.js';

@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('blocs/:blocId/years/:year')
export class ScoreSheetsController {
  constructor(
    private readonly sheets: ScoreSheetsService,
    private readonly reader: ScoreSheetsReader,
  ) {}

  @Get('score-sheets')
  @ApiOperation({ summary: 'Every score sheet of the bloc year with its totals and status' })
  async list(@UuidParam('blocId') blocId: string, @YearParam('year') year: number) {
    const items = await this.reader.list(blocId, year);
    return { items, total: items.length };
  }

  @Get('score-sheets/:organizationId')
  @ApiOperation({ summary: "An organisation's score sheet with its entries" })
  get(@UuidParam('blocId') blocId: string, @YearParam('year') year: number, @UuidParam('organizationId') organizationId: string) {
    return this.reader.sheet(blocId, year, organizationId);
  }

  @Put('score-sheets/:organizationId')
  @ApiOperation({ summary: 'Self-score with evidence (unit for its own organisation, staff) while the sheet is a draft' })
  selfScore(
    @UuidParam('blocId') blocId: string,
    @YearParam('year') year: number,
    @UuidParam('organizationId') organizationId: string,
    @Body() dto: PutScoreSheetDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.sheets.selfScore(blocId, year, organizationId, dto, user);
  }

  @Post('score-sheets/:organizationId/review')
  @HttpCode(200)
  @ApiOperation({ summary: 'Review scores with comments (staff, leader)' })
  review(
    @UuidParam('blocId') blocId: string,
    @YearParam('year') year: number,
    @UuidParam('organizationId') organizationId: string,
    @Body() dto: ReviewScoreSheetDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.sheets.review(blocId, year, organizationId, dto, user);
  }

  @Post('score-sheets/:organizationId/explanation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Answer a review (unit for its own organisation, staff)' })
  explain(
    @UuidParam('blocId') blocId: string,
    @YearParam('year') year: number,
    @UuidParam('organizationId') organizationId: string,
    @Body() dto: ExplanationDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.sheets.explain(blocId, year, organizationId, dto, user);
  }

  @Post('score-sheets/:organizationId/finalise')
  @HttpCode(200)
  @ApiOperation({ summary: 'Make a reviewed sheet final (staff, leader)' })
  finalise(@UuidParam('blocId') blocId: string, @YearParam('year') year: number, @UuidParam('organizationId') organizationId: string, @CurrentUser() user: AuthUser) {
    return this.sheets.finalise(blocId, year, organizationId, user);
  }

  @Get('ranking')
  @ApiOperation({ summary: 'Score sheets ranked by final total (tie rule in docs/progress-and-evaluation.md)' })
  ranking(@UuidParam('blocId') blocId: string, @YearParam('year') year: number) {
    return this.reader.ranking(blocId, year);
  }
}
