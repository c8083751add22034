import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, UuidParam, YearParam } from '#app/core';
import { CovenantSigningService } from './covenant-signing.service.js';
import { CovenantsService } from './covenants.service.js';
import { CreateCovenantDto, UpdateCovenantDto } from './dto/covenant.dto.js';
import { SignCovenantDto } from './dto/signature.dto.js';

/** Leader rights and "own organisation" are checked by the services through BlocYearAccess. */
@ApiTags('covenants')
@ApiBearerAuth()
@Controller()
export class CovenantsController {
  constructor(
    private readonly covenants: CovenantsService,
    private readonly signing: CovenantSigningService,
  ) {}

  @Post('blocs/:blocId/years/:year/covenant')
  @ApiOperation({ summary: "Draft a bloc year's covenant (staff, or that year's leader)" })
  create(@UuidParam('blocId') blocId: string, @YearParam('year') year: number, @Body() dto: CreateCovenantDto, @CurrentUser() user: AuthUser) {
    return this.covenants.create(blocId, year, dto, user);
  }

  @Get('blocs/:blocId/years/:year/covenant')
  getForBlocYear(@UuidParam('blocId') blocId: string, @YearParam('year') year: number) {
    return this.covenants.getForBlocYear(blocId, year);
  }

  @Get('covenants/:id')
  get(@UuidParam('id') id: string) {
    return this.covenants.getView(id);
  }

  @Patch('covenants/:id')
  @ApiOperation({ summary: 'Edit a draft (staff, or the leader); `version` must be the current one' })
  update(@UuidParam('id') id: string, @Body() dto: UpdateCovenantDto, @CurrentUser() user: AuthUser) {
    return this.covenants.update(id, dto, user);
  }

  @Post('covenants/:id/open-for-signing')
  @HttpCode(200)
  @ApiOperation({ summary: 'Freeze the content and open it for signing (staff, or the leader)' })
  open(@UuidParam('id') id: string, @CurrentUser() user: AuthUser) {
    return this.covenants.openForSigning(id, user);
  }

  @Post('covenants/:id/signatures')
  @ApiOperation({ summary: 'Sign for an organisation (a unit for its own, or staff)' })
  sign(@UuidParam('id') id: string, @Body() dto: SignCovenantDto, @CurrentUser() user: AuthUser) {
    return this.signing.sign(id, dto, user);
  }
}
