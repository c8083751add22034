import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CriteriaSet } from './criteria-set.entity.js';
import { Criterion } from './criterion.entity.js';

export type CriterionFields = Pick<Criterion, 'code' | 'title' | 'maxPoints' | 'kind' | 'targetId'>;

@Injectable()
export class CriteriaRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The bloc year's criteria set, created empty if absent, locked FOR UPDATE to change it. */
  async lockOrCreateSet(manager: EntityManager, blocYearId: string): Promise<CriteriaSet> {
    await manager.createQueryBuilder().insert().into(CriteriaSet).values({ blocYearId }).orIgnore().execute();
    return manager
      .getRepository(CriteriaSet)
      .createQueryBuilder('s')
      .where('s.bloc_year_id = :blocYearId', { blocYearId })
      .setLock('pessimistic_write')
      .getOneOrFail();
  }

  /** The existing set locked FOR SHARE (score sheets rely on it staying as read), or null. */
  shareLockSet(manager: EntityManager, blocYearId: string): Promise<CriteriaSet | null> {
    return manager.getRepository(CriteriaSet).createQueryBuilder('s').where('s.bloc_year_id = :blocYearId', { blocYearId }).setLock('pessimistic_read').getOne();
  }

  findSet(blocYearId: string, manager: EntityManager = this.dataSource.manager): Promise<CriteriaSet | null> {
    return manager.findOneBy(CriteriaSet, { blocYearId });
  }

  /** Items of a bloc year in table order (none when no criteria were set). */
  itemsOfBlocYear(blocYearId: string, manager: EntityManager = this.dataSource.manager): Promise<Criterion[]> {
    return manager
      .getRepository(Criterion)
      .createQueryBuilder('c')
      .innerJoin(CriteriaSet, 's', 's.id = c.criteria_set_id')
      .where('s.bloc_year_id = :blocYearId', { blocYearId })
      .orderBy('c.position', 'ASC')
      .getMany();
  }

  async replaceItems(manager: EntityManager, criteriaSetId: string, items: CriterionFields[]): Promise<void> {
    await manager.delete(Criterion, { criteriaSetId });
    if (items.length > 0) await manager.insert(Criterion, items.map((item, position) => ({ ...item, criteriaSetId, position })));
    await manager.update(CriteriaSet, { id: criteriaSetId }, { updatedAt: () => 'now()' });
  }
}
