import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, UuidParam, YearParam } from '#app/core';
import { ForceQuery, PutCriteriaDto } from './criteria.dto.js';
import { CriteriaService } from './criteria.service.js';

@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('blocs/:blocId/years/:year/criteria')
export class CriteriaController {
  constructor(private readonly criteria: CriteriaService) {}

  @Get()
  @ApiOperation({ summary: "The bloc year's criteria table" })
  get(@UuidParam('blocId') blocId: string, @YearParam('year') year: number) {
    return this.criteria.get(blocId, year);
  }

  @Put()
  @ApiOperation({ summary: 'Replace the criteria (staff, leader); 409 once score sheets exist unless staff pass force=true' })
  put(@UuidParam('blocId') blocId: string, @YearParam('year') year: number, @Body() dto: PutCriteriaDto, @Query() query: ForceQuery, @CurrentUser() user: AuthUser) {
    return this.criteria.put(blocId, year, dto, query.force === true, user);
  }
}
