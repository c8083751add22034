import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, UuidParam } from '#app/core';
import { CreateProgressReportDto, ProgressQuery, ProgressReportsQuery } from './dto/progress-report.dto.js';
import { ProgressReader } from './progress.reader.js';
import { ProgressService } from './progress.service.js';

@ApiTags('progress')
@ApiBearerAuth()
@Controller('covenants/:id')
export class ProgressController {
  constructor(
    private readonly progress: ProgressService,
    private readonly reader: ProgressReader,
  ) {}

  @Post('progress-reports')
  @ApiOperation({ summary: 'Report progress for a period (unit for its own organisation, staff); replaces the current report of that period' })
  submit(@UuidParam('id') id: string, @Body() dto: CreateProgressReportDto, @CurrentUser() user: AuthUser) {
    return this.progress.submit(id, dto, user);
  }

  @Get('progress-reports')
  @ApiOperation({ summary: 'Reports newest first, replaced ones included (current: false)' })
  history(@UuidParam('id') id: string, @Query() query: ProgressReportsQuery) {
    return this.reader.history(id, { organizationId: query.organizationId, period: query.period }, query.limit, query.offset);
  }

  @Get('progress')
  @ApiOperation({ summary: 'Every target × member at a glance: current reports, computed percent, who has not reported' })
  progressOf(@UuidParam('id') id: string, @Query() query: ProgressQuery) {
    return this.reader.progressOf(id, query.period);
  }
}
