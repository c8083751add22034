import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { BlocYearAccess } from '#app/auth';
import { BlocsService, type Roster } from '#app/blocs';
import { AuditService, type AuthUser, normalizeText } from '#app/core';
import { lockedRoster } from '../bloc-year.js';
import { scoreProblem } from '../criteria/criterion-kind.js';
import { CriteriaRepository } from '../criteria/criteria.repository.js';
import type { Criterion } from '../criteria/criterion.entity.js';
import type { ExplanationDto, PutScoreSheetDto, ReviewScoreSheetDto } from './score-sheet.dto.js';
import type { ScoreSheet, ScoreSheetStatus } from './score-sheet.entity.js';
import { ScoreSheetsRepository } from './score-sheets.repository.js';
import { ScoreSheetsReader, type ScoreSheetView } from './score-sheets.reader.js';

/**
 * The score sheet workflow of DESIGN.md §3 step 4: the member self-scores with evidence
 * (`draft`, as often as it likes), the leader or staff review (`reviewed`), the member may
 * explain (`explained`, after which the reviewer may review again), then the leader or staff
 * make it `final`. An organisation never reviews or finalises its own sheet.
 */
@Injectable()
export class ScoreSheetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly blocs: BlocsService,
    private readonly access: BlocYearAccess,
    private readonly audit: AuditService,
    private readonly criteria: CriteriaRepository,
    private readonly sheets: ScoreSheetsRepository,
    private readonly reader: ScoreSheetsReader,
  ) {}

  async selfScore(blocId: string, year: number, organizationId: string, dto: PutScoreSheetDto, actor: AuthUser): Promise<ScoreSheetView> {
    this.access.assertActsFor(actor, organizationId);
    await this.dataSource.transaction(async (manager) => {
      const roster = await lockedRoster(this.blocs, manager, blocId, year);
      assertMember(roster, organizationId, actor);
      const items = await this.lockedCriteria(manager, roster.blocYearId);
      const scores = dto.entries.map((e) => ({ code: e.code, selfScore: e.selfScore, evidence: e.evidence == null ? null : normalizeText(e.evidence) }));
      checkScores(items, scores.map((s) => ({ code: s.code, score: s.selfScore })));
      const sheet = await this.sheets.lockOrCreate(manager, roster.blocYearId, organizationId);
      if (sheet.status !== 'draft') throw new ConflictException(`the score sheet is ${sheet.status}: self scores can no longer change`);
      const before = await this.sheets.entriesOf([sheet.id], manager);
      await this.sheets.replaceSelfScores(manager, sheet.id, scores);
      await this.audit.record(manager, { actorId: actor.id, action: 'score_sheet.self_score', entityType: 'score_sheet', entityId: sheet.id, before, after: { organizationId, entries: scores } });
    });
    return this.reader.sheet(blocId, year, organizationId);
  }

  async review(blocId: string, year: number, organizationId: string, dto: ReviewScoreSheetDto, actor: AuthUser): Promise<ScoreSheetView> {
    await this.access.assertLeader(actor, blocId, year, { allowDeputy: false });
    assertNotOwn(actor, organizationId, 'review');
    await this.dataSource.transaction(async (manager) => {
      const roster = await lockedRoster(this.blocs, manager, blocId, year);
      const items = await this.lockedCriteria(manager, roster.blocYearId);
      const scores = dto.entries.map((e) => ({ code: e.code, reviewedScore: e.reviewedScore, comment: e.comment == null ? null : normalizeText(e.comment) }));
      checkScores(items, scores.map((s) => ({ code: s.code, score: s.reviewedScore })));
      const sheet = await this.lockExisting(manager, roster.blocYearId, organizationId);
      if (sheet.status === 'final') throw new ConflictException('the score sheet is final');
      const before = await this.sheets.entriesOf([sheet.id], manager);
      await this.sheets.applyReview(manager, sheet.id, scores);
      await this.sheets.setStatus(manager, sheet.id, 'reviewed');
      await this.audit.record(manager, { actorId: actor.id, action: 'score_sheet.review', entityType: 'score_sheet', entityId: sheet.id, before: { status: sheet.status, entries: before }, after: { status: 'reviewed', entries: scores } });
    });
    return this.reader.sheet(blocId, year, organizationId);
  }

  async explain(blocId: string, year: number, organizationId: string, dto: ExplanationDto, actor: AuthUser): Promise<ScoreSheetView> {
    this.access.assertActsFor(actor, organizationId);
    return this.transition(blocId, year, organizationId, actor, ['reviewed', 'explained'], 'explained', 'score_sheet.explain', normalizeText(dto.explanation));
  }

  async finalise(blocId: string, year: number, organizationId: string, actor: AuthUser): Promise<ScoreSheetView> {
    await this.access.assertLeader(actor, blocId, year, { allowDeputy: false });
    assertNotOwn(actor, organizationId, 'finalise');
    return this.transition(blocId, year, organizationId, actor, ['reviewed', 'explained'], 'final', 'score_sheet.finalise');
  }

  private async transition(
    blocId: string,
    year: number,
    organizationId: string,
    actor: AuthUser,
    from: ScoreSheetStatus[],
    to: ScoreSheetStatus,
    action: string,
    explanation?: string,
  ): Promise<ScoreSheetView> {
    await this.dataSource.transaction(async (manager) => {
      const roster = await lockedRoster(this.blocs, manager, blocId, year);
      const sheet = await this.lockExisting(manager, roster.blocYearId, organizationId);
      if (!from.includes(sheet.status)) {
        throw new ConflictException(`the score sheet is ${sheet.status}; this needs it ${from.join(' or ')}`);
      }
      await this.sheets.setStatus(manager, sheet.id, to, explanation === undefined ? {} : { explanation });
      await this.audit.record(manager, {
        actorId: actor.id,
        action,
        entityType: 'score_sheet',
        entityId: sheet.id,
        before: { status: sheet.status, explanation: sheet.explanation },
        after: { status: to, ...(explanation === undefined ? {} : { explanation }) },
      });
    });
    return this.reader.sheet(blocId, year, organizationId);
  }

  /** Criteria read under a share lock on their set: a change of criteria waits for this transaction, and the reverse. */
  private async lockedCriteria(manager: EntityManager, blocYearId: string): Promise<Map<string, Criterion>> {
    const set = await this.criteria.shareLockSet(manager, blocYearId);
    if (!set) throw new ConflictException('no criteria are set for this bloc year');
    const items = await this.criteria.itemsOfBlocYear(blocYearId, manager);
    if (items.length === 0) throw new ConflictException('no criteria are set for this bloc year');
    return new Map(items.map((i) => [i.code, i]));
  }

  private async lockExisting(manager: EntityManager, blocYearId: string, organizationId: string): Promise<ScoreSheet> {
    const sheet = await this.sheets.lock(manager, blocYearId, organizationId);
    if (!sheet) throw new NotFoundException(`organization ${organizationId} has no score sheet for this bloc year`);
    return sheet;
  }
}

function assertMember(roster: Roster, organizationId: string, actor: AuthUser): void {
  if (roster.members.some((m) => m.organizationId === organizationId)) return;
  const message = `organization ${organizationId} is not a member of this bloc in ${roster.year}`;
  throw actor.role === 'unit' ? new ForbiddenException(message) : new BadRequestException(message);
}

function assertNotOwn(actor: AuthUser, organizationId: string, what: string): void {
  if (actor.role === 'unit' && actor.organizationId === organizationId) {
    throw new ForbiddenException(`an organization does not ${what} its own score sheet (staff do it for the leader)`);
  }
}

function checkScores(items: Map<string, Criterion>, scores: { code: string; score: number }[]): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { code, score } of scores) {
    const item = items.get(code);
    if (seen.has(code)) problems.push(`entries: code ${code} appears twice`);
    else if (!item) problems.push(`entries: ${code} is not a criterion of this bloc year`);
    else {
      const problem = scoreProblem(item, score);
      if (problem) problems.push(`entries: ${problem}`);
    }
    seen.add(code);
  }
  if (problems.length > 0) throw new BadRequestException(problems);
}
