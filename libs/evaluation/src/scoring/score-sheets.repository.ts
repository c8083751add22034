import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { ScoreEntry } from './score-entry.entity.js';
import { ScoreSheet, type ScoreSheetStatus } from './score-sheet.entity.js';

export interface SelfScore {
  code: string;
  selfScore: number;
  evidence: string | null;
}

export interface ReviewScore {
  code: string;
  reviewedScore: number;
  comment: string | null;
}

@Injectable()
export class ScoreSheetsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The organisation's sheet, created as a draft if absent, locked FOR UPDATE. */
  async lockOrCreate(manager: EntityManager, blocYearId: string, organizationId: string): Promise<ScoreSheet> {
    await manager.createQueryBuilder().insert().into(ScoreSheet).values({ blocYearId, organizationId, status: 'draft' }).orIgnore().execute();
    return (await this.lock(manager, blocYearId, organizationId))!;
  }

  lock(manager: EntityManager, blocYearId: string, organizationId: string): Promise<ScoreSheet | null> {
    return manager
      .getRepository(ScoreSheet)
      .createQueryBuilder('s')
      .where('s.bloc_year_id = :blocYearId AND s.organization_id = :organizationId', { blocYearId, organizationId })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** With its organisation, for the name of a sheet whose organisation has left the roster. */
  find(blocYearId: string, organizationId: string): Promise<ScoreSheet | null> {
    return this.dataSource.manager.findOne(ScoreSheet, { where: { blocYearId, organizationId }, relations: { organization: true } });
  }

  sheetsOf(blocYearId: string, manager: EntityManager = this.dataSource.manager): Promise<ScoreSheet[]> {
    return manager.find(ScoreSheet, { where: { blocYearId }, relations: { organization: true } });
  }

  /** Entries of the given sheets in one query. */
  entriesOf(sheetIds: string[], manager: EntityManager = this.dataSource.manager): Promise<ScoreEntry[]> {
    if (sheetIds.length === 0) return Promise.resolve([]);
    return manager.find(ScoreEntry, { where: { scoreSheetId: In(sheetIds) } });
  }

  async countOf(manager: EntityManager, blocYearId: string): Promise<number> {
    return manager.countBy(ScoreSheet, { blocYearId });
  }

  /**
   * The sheet's self scores become exactly `scores`: listed codes are set, others lose their
   * self score (and the entry goes when no review score remains on it).
   */
  async replaceSelfScores(manager: EntityManager, sheetId: string, scores: SelfScore[]): Promise<void> {
    const codes = scores.map((s) => s.code);
    await manager.query(`DELETE FROM score_entry WHERE score_sheet_id = $1 AND reviewed_score IS NULL AND NOT (code = ANY($2::varchar[]))`, [sheetId, codes]);
    await manager.query(
      `UPDATE score_entry SET self_score = NULL, evidence = NULL WHERE score_sheet_id = $1 AND NOT (code = ANY($2::varchar[]))`,
      [sheetId, codes],
    );
    if (scores.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(ScoreEntry)
      .values(scores.map((s) => ({ scoreSheetId: sheetId, code: s.code, selfScore: s.selfScore, evidence: s.evidence })))
      .orUpdate(['self_score', 'evidence'], ['score_sheet_id', 'code'])
      .execute();
  }

  /** Sets the reviewer's score and comment on the listed codes, adding an entry where the member had none. */
  async applyReview(manager: EntityManager, sheetId: string, scores: ReviewScore[]): Promise<void> {
    if (scores.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(ScoreEntry)
      .values(scores.map((s) => ({ scoreSheetId: sheetId, code: s.code, reviewedScore: s.reviewedScore, reviewComment: s.comment })))
      .orUpdate(['reviewed_score', 'review_comment'], ['score_sheet_id', 'code'])
      .execute();
  }

  async setStatus(manager: EntityManager, sheetId: string, status: ScoreSheetStatus, fields: Partial<Pick<ScoreSheet, 'explanation'>> = {}): Promise<void> {
    const stamp = { reviewed: 'reviewedAt', explained: 'explainedAt', final: 'finalisedAt', draft: null }[status];
    await manager.update(ScoreSheet, { id: sheetId }, { status, ...fields, ...(stamp ? { [stamp]: () => 'now()' } : {}) });
  }

  /**
   * After a forced change of the criteria: drops the entries of items that are gone or changed
   * and sends the sheets that lost entries back to `draft`. Returns those sheets' ids.
   */
  async dropEntries(manager: EntityManager, blocYearId: string, codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const deleted = await manager
      .createQueryBuilder()
      .delete()
      .from(ScoreEntry)
      .where('score_sheet_id IN (SELECT id FROM score_sheet WHERE bloc_year_id = :blocYearId)', { blocYearId })
      .andWhere('code IN (:...codes)', { codes })
      .returning('score_sheet_id')
      .execute();
    const rows = deleted.raw as { score_sheet_id: string }[];
    const sheetIds = [...new Set(rows.map((r) => r.score_sheet_id))];
    if (sheetIds.length > 0) await manager.update(ScoreSheet, { id: In(sheetIds) }, { status: 'draft', finalisedAt: null });
    return sheetIds;
  }
}
