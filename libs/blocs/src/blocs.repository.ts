import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { RosterRole } from '#app/auth';
import type { Page } from '#app/core';
import { Bloc } from './entities/bloc.entity.js';
import { BlocYear } from './entities/bloc-year.entity.js';
import { RosterMember } from './entities/roster-member.entity.js';
import type { BlocYearRules, Roster } from './roster.js';

const ROLE_ORDER = `CASE rm.role WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END`;

export interface NewRosterMember {
  organizationId: string;
  organizationName: string;
  role: RosterRole;
}

@Injectable()
export class BlocsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(limit: number, offset: number): Promise<Page<Bloc>> {
    const [items, total] = await this.dataSource.getRepository(Bloc).findAndCount({ order: { name: 'ASC', id: 'ASC' }, take: limit, skip: offset });
    return { items, total };
  }

  findBloc(id: string, manager: EntityManager = this.dataSource.manager): Promise<Bloc | null> {
    return manager.findOneBy(Bloc, { id });
  }

  findBlocByName(key: string, manager: EntityManager = this.dataSource.manager): Promise<Bloc | null> {
    return manager.getRepository(Bloc).createQueryBuilder('b').where('b.name_key = :key', { key }).getOne();
  }

  async yearsOf(blocId: string): Promise<number[]> {
    const rows = await this.dataSource.getRepository(BlocYear).find({ select: { year: true }, where: { blocId }, order: { year: 'ASC' } });
    return rows.map((r) => r.year);
  }

  /**
   * The bloc year and its members in two queries. `lock` takes a row lock on the bloc year:
   * `update` to rewrite the roster, `share` to rely on it staying as read until commit.
   */
  async findRoster(blocId: string, year: number, options: { manager?: EntityManager; lock?: 'update' | 'share' } = {}): Promise<Roster | null> {
    const manager = options.manager ?? this.dataSource.manager;
    const query = manager.getRepository(BlocYear).createQueryBuilder('y').where('y.bloc_id = :blocId AND y.year = :year', { blocId, year });
    if (options.lock) query.setLock(options.lock === 'update' ? 'pessimistic_write' : 'pessimistic_read');
    const blocYear = await query.getOne();
    if (!blocYear) return null;
    const members: { organization_id: string; organization_name: string; current_name: string; role: RosterRole }[] = await manager.query(
      `SELECT rm.organization_id, rm.organization_name, o.name AS current_name, rm.role
         FROM roster_member rm JOIN organization o ON o.id = rm.organization_id
        WHERE rm.bloc_year_id = $1
        ORDER BY ${ROLE_ORDER}, rm.position`,
      [blocYear.id],
    );
    return {
      blocYearId: blocYear.id,
      blocId: blocYear.blocId,
      blocName: blocYear.blocName,
      year: blocYear.year,
      members: members.map((m) => ({ organizationId: m.organization_id, name: m.organization_name, currentName: m.current_name, role: m.role })),
      rules: { quorumPercent: blocYear.quorumPercent, passPercent: blocYear.passPercent, passBase: blocYear.passBase },
    };
  }

  /** Creates the bloc year unless a concurrent request just did; either way the caller then locks and reads it. */
  async insertYearIfAbsent(manager: EntityManager, blocId: string, year: number, blocName: string, rules: BlocYearRules): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(BlocYear)
      .values({ blocId, year, blocName, ...rules })
      .orIgnore()
      .execute();
  }

  async updateRules(manager: EntityManager, blocYearId: string, rules: BlocYearRules): Promise<void> {
    await manager.update(BlocYear, { id: blocYearId }, rules);
  }

  async replaceMembers(manager: EntityManager, blocYearId: string, members: NewRosterMember[]): Promise<void> {
    await manager.delete(RosterMember, { blocYearId });
    await manager.insert(
      RosterMember,
      members.map((m, position) => ({ blocYearId, organizationId: m.organizationId, organizationName: m.organizationName, role: m.role, position })),
    );
  }

  async roleOf(organizationId: string, blocId: string, year: number): Promise<RosterRole | null> {
    const rows: { role: RosterRole }[] = await this.dataSource.query(
      `SELECT rm.role FROM roster_member rm JOIN bloc_year y ON y.id = rm.bloc_year_id
        WHERE y.bloc_id = $1 AND y.year = $2 AND rm.organization_id = $3`,
      [blocId, year, organizationId],
    );
    return rows[0]?.role ?? null;
  }
}
