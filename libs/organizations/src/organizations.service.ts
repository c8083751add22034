import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { AuditService, type AuthUser, foldForSearch, nameKey, normalizeText, type Page } from '#app/core';
import type { CreateOrganizationDto, OrganizationQuery, UpdateOrganizationDto } from './dto/organization.dto.js';
import { Organization } from './organization.entity.js';
import { OrganizationsRepository } from './organizations.repository.js';

type OrganizationFields = Partial<Pick<Organization, 'name' | 'shortName' | 'headTitle' | 'headName' | 'address'>>;

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsRepository,
    private readonly audit: AuditService,
  ) {}

  list(query: OrganizationQuery): Promise<Page<Organization>> {
    return this.organizations.search(query.q, query.limit, query.offset);
  }

  async get(id: string): Promise<Organization> {
    const found = await this.organizations.findById(id);
    if (!found) throw new NotFoundException(`organization ${id} not found`);
    return found;
  }

  async create(dto: CreateOrganizationDto, actor: AuthUser): Promise<Organization> {
    return this.withUniqueName(() =>
      this.dataSource.transaction(async (manager) => {
        const row = manager.create(Organization, withKeys(clean(dto)));
        const saved = await manager.save(row);
        const created = (await manager.findOneByOrFail(Organization, { id: saved.id }));
        await this.audit.record(manager, { actorId: actor.id, action: 'organization.create', entityType: 'organization', entityId: created.id, after: created });
        return created;
      }),
    );
  }

  async update(id: string, dto: UpdateOrganizationDto, actor: AuthUser): Promise<Organization> {
    return this.withUniqueName(() =>
      this.dataSource.transaction(async (manager) => {
        const before = await manager.findOne(Organization, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!before) throw new NotFoundException(`organization ${id} not found`);
        const fields = clean(dto);
        const merged = { ...before, ...fields };
        await manager.update(Organization, { id }, withKeys(merged));
        const after = await manager.findOneByOrFail(Organization, { id });
        await this.audit.record(manager, { actorId: actor.id, action: 'organization.update', entityType: 'organization', entityId: id, before, after });
        return after;
      }),
    );
  }

  private async withUniqueName<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'UQ_organization_name_key') {
        throw new ConflictException('an organization with the same name already exists');
      }
      throw error;
    }
  }
}

function clean(dto: OrganizationFields): OrganizationFields {
  const out: OrganizationFields = {};
  for (const key of ['name', 'shortName', 'headTitle', 'headName', 'address'] as const) {
    const value = dto[key];
    if (value !== undefined && value !== null) out[key] = normalizeText(value);
  }
  return out;
}

function withKeys(fields: OrganizationFields): OrganizationFields & Pick<Organization, 'nameKey' | 'searchKey'> {
  const name = fields.name ?? '';
  return {
    name: fields.name,
    shortName: fields.shortName,
    headTitle: fields.headTitle,
    headName: fields.headName,
    address: fields.address,
    nameKey: nameKey(name),
    searchKey: foldForSearch([name, fields.shortName].filter(Boolean).join(' | ')),
  };
}
