import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { escapeLike, foldForSearch, type Page } from '#app/core';
import { Organization } from './organization.entity.js';

@Injectable()
export class OrganizationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(q: string | undefined, limit: number, offset: number): Promise<Page<Organization>> {
    const query = this.dataSource.getRepository(Organization).createQueryBuilder('o').orderBy('o.name', 'ASC').addOrderBy('o.id');
    const folded = q ? foldForSearch(q) : '';
    if (folded) query.where(`o.search_key LIKE :pattern ESCAPE '\\'`, { pattern: `%${escapeLike(folded)}%` });
    const [items, total] = await query.take(limit).skip(offset).getManyAndCount();
    return { items, total };
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Organization | null> {
    return manager.findOneBy(Organization, { id });
  }

  findByIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Organization[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.getRepository(Organization).createQueryBuilder('o').where('o.id IN (:...ids)', { ids }).getMany();
  }
}
