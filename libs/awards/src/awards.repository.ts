import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Page } from '#app/core';
import { AwardType } from './entities/award-type.entity.js';
import { Award } from './entities/award.entity.js';

export interface AwardFilter {
  year?: number;
  blocId?: string;
  organizationId?: string;
}

/** An award with its type loaded (one join, never a lazy load per row). */
export type AwardWithType = Award & { awardType: AwardType };

@Injectable()
export class AwardsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  awardTypes(): Promise<AwardType[]> {
    return this.dataSource.getRepository(AwardType).find({ order: { rank: 'ASC', code: 'ASC' } });
  }

  findType(code: string, manager: EntityManager = this.dataSource.manager): Promise<AwardType | null> {
    return manager.findOneBy(AwardType, { code });
  }

  async findById(id: string): Promise<AwardWithType | null> {
    return (await this.query().where('a.id = :id', { id }).getOne()) as AwardWithType | null;
  }

  /** Always one indexed lookup, whether or not the code exists. */
  async findByVerificationCode(code: string): Promise<AwardWithType | null> {
    return (await this.query().where('a.verification_code = :code', { code }).getOne()) as AwardWithType | null;
  }

  async list(filter: AwardFilter, limit: number, offset: number): Promise<Page<AwardWithType>> {
    const [items, total] = await this.filtered(filter).take(limit).skip(offset).getManyAndCount();
    return { items: items as AwardWithType[], total };
  }

  /** How many awards match, and when the latest of them was recorded. */
  async summary(filter: AwardFilter): Promise<{ count: number; latest: Date | null }> {
    const row = await this.where(this.dataSource.getRepository(Award).createQueryBuilder('a'), filter)
      .select('count(*)::int', 'count')
      .addSelect('max(a.created_at)', 'latest')
      .getRawOne<{ count: number; latest: Date | null }>();
    return { count: row?.count ?? 0, latest: row?.latest ?? null };
  }

  /** The matching awards in print order, a page of rows at a time, so that memory stays flat. */
  async *each(filter: AwardFilter, pageSize = 200): AsyncGenerator<AwardWithType> {
    for (let offset = 0; ; offset += pageSize) {
      const rows = (await this.filtered(filter).take(pageSize).skip(offset).getMany()) as AwardWithType[];
      yield* rows;
      if (rows.length < pageSize) return;
    }
  }

  private query(): SelectQueryBuilder<Award> {
    return this.dataSource.getRepository(Award).createQueryBuilder('a').innerJoinAndMapOne('a.awardType', AwardType, 't', 't.code = a.award_type_code');
  }

  /** Highest distinction first, then by recipient; the id makes the order total (stable paging). */
  private filtered(filter: AwardFilter): SelectQueryBuilder<Award> {
    return this.where(this.query(), filter).orderBy('a.year', 'DESC').addOrderBy('t.rank', 'ASC').addOrderBy('a.recipient_name', 'ASC').addOrderBy('a.id', 'ASC');
  }

  private where(query: SelectQueryBuilder<Award>, filter: AwardFilter): SelectQueryBuilder<Award> {
    if (filter.year !== undefined) query.andWhere('a.year = :year', { year: filter.year });
    if (filter.blocId !== undefined) query.andWhere('a.bloc_id = :blocId', { blocId: filter.blocId });
    if (filter.organizationId !== undefined) query.andWhere('a.organization_id = :organizationId', { organizationId: filter.organizationId });
    return query;
  }
}
