import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles, UuidParam } from '#app/core';
import { CreateOrganizationDto, OrganizationQuery, UpdateOrganizationDto } from './dto/organization.dto.js';
import { OrganizationsService } from './organizations.service.js';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  @Roles('staff')
  create(@Body() dto: CreateOrganizationDto, @CurrentUser() user: AuthUser) {
    return this.organizations.create(dto, user);
  }

  @Get()
  list(@Query() query: OrganizationQuery) {
    return this.organizations.list(query);
  }

  @Get(':id')
  get(@UuidParam('id') id: string) {
    return this.organizations.get(id);
  }

  @Patch(':id')
  @Roles('staff')
  update(@UuidParam('id') id: string, @Body() dto: UpdateOrganizationDto, @CurrentUser() user: AuthUser) {
    return this.organizations.update(id, dto, user);
  }
}
