import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Page } from '#app/core';
import { ProgressEntry } from './entities/progress-entry.entity.js';
import { type Period, ProgressReport } from './entities/progress-report.entity.js';

export type NewEntry = Pick<ProgressEntry, 'targetId' | 'actualValue' | 'status' | 'note'>;

@Injectable()
export class ProgressRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Serialises reports of one organisation and period until the transaction ends, so that each
   * gets the next revision (the unique constraint on the revision is the backstop).
   */
  async lockSlot(manager: EntityManager, covenantId: string, organizationId: string, period: Period): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`progress_report:${covenantId}:${organizationId}:${period}`]);
  }

  latest(manager: EntityManager, covenantId: string, organizationId: string, period: Period): Promise<ProgressReport | null> {
    return manager.findOne(ProgressReport, { where: { covenantId, organizationId, period }, order: { revision: 'DESC' } });
  }

  async insert(manager: EntityManager, report: Pick<ProgressReport, 'covenantId' | 'organizationId' | 'period' | 'revision' | 'submittedById'>, entries: NewEntry[]): Promise<string> {
    const { identifiers } = await manager.insert(ProgressReport, report);
    const reportId = identifiers[0].id as string;
    await manager.insert(ProgressEntry, entries.map((e) => ({ ...e, reportId })));
    return reportId;
  }

  findReport(id: string, manager: EntityManager = this.dataSource.manager): Promise<ProgressReport | null> {
    return manager.findOneBy(ProgressReport, { id });
  }

  /** The current report (highest revision) of every organisation and period, in one query. */
  currentReports(covenantId: string, period?: Period): Promise<ProgressReport[]> {
    return this.dataSource
      .getRepository(ProgressReport)
      .createQueryBuilder('r')
      .distinctOn(['r.organization_id', 'r.period'])
      .where('r.covenant_id = :covenantId', { covenantId })
      .andWhere(period ? 'r.period = :period' : 'TRUE', { period })
      .orderBy('r.organization_id')
      .addOrderBy('r.period')
      .addOrderBy('r.revision', 'DESC')
      .getMany();
  }

  /** Reports newest first, with the given filters. */
  async history(covenantId: string, filters: { organizationId?: string; period?: Period }, limit: number, offset: number): Promise<Page<ProgressReport>> {
    const where = { covenantId, ...(filters.organizationId ? { organizationId: filters.organizationId } : {}), ...(filters.period ? { period: filters.period } : {}) };
    const [items, total] = await this.dataSource.getRepository(ProgressReport).findAndCount({ where, order: { createdAt: 'DESC', revision: 'DESC', id: 'ASC' }, take: limit, skip: offset });
    return { items, total };
  }

  /** Entries of the given reports, in one query. */
  entriesOf(reportIds: string[], manager: EntityManager = this.dataSource.manager): Promise<ProgressEntry[]> {
    if (reportIds.length === 0) return Promise.resolve([]);
    return manager.find(ProgressEntry, { where: { reportId: In(reportIds) } });
  }

  /** Whether a later revision exists for each of the given reports (to flag history rows), in one query. */
  async currentIds(reports: ProgressReport[]): Promise<Set<string>> {
    if (reports.length === 0) return new Set();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT r.id FROM progress_report r
        WHERE r.id = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM progress_report later
                           WHERE later.covenant_id = r.covenant_id AND later.organization_id = r.organization_id
                             AND later.period = r.period AND later.revision > r.revision)`,
      [reports.map((r) => r.id)],
    );
    return new Set(rows.map((r) => r.id));
  }
}
