import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { BlocYearAccess } from '#app/auth';
import { BlocsService } from '#app/blocs';
import { AuditService, type AuthUser, normalizeText } from '#app/core';
import { CovenantsService } from '#app/covenants';
import { lockedRoster } from '../bloc-year.js';
import { ScoreSheetsRepository } from '../scoring/score-sheets.repository.js';
import type { PutCriteriaDto } from './criteria.dto.js';
import { CriteriaRepository, type CriterionFields } from './criteria.repository.js';
import type { Criterion } from './criterion.entity.js';

export interface CriteriaView {
  blocId: string;
  year: number;
  items: CriterionFields[];
  /** Sum of `maxPoints` over the items that are neither bonus nor penalty (usually 100). */
  basePoints: number;
  /** True once a score sheet exists: changes then need staff and `force`. */
  locked: boolean;
  updatedAt: Date | null;
}

@Injectable()
export class CriteriaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly blocs: BlocsService,
    private readonly access: BlocYearAccess,
    private readonly audit: AuditService,
    private readonly criteria: CriteriaRepository,
    private readonly sheets: ScoreSheetsRepository,
    private readonly covenants: CovenantsService,
  ) {}

  async get(blocId: string, year: number): Promise<CriteriaView> {
    const roster = await this.blocs.getRoster(blocId, year);
    const [set, items, sheetCount] = await Promise.all([
      this.criteria.findSet(roster.blocYearId),
      this.criteria.itemsOfBlocYear(roster.blocYearId),
      this.sheets.countOf(this.dataSource.manager, roster.blocYearId),
    ]);
    return view(blocId, year, items, sheetCount > 0, set?.updatedAt ?? null);
  }

  /**
   * Replaces the bloc year's criteria. Once a score sheet exists the table is what members
   * scored against: only staff may still change it, explicitly (`force`); entries of removed or
   * changed items are then dropped and their sheets go back to draft to be scored again.
   */
  async put(blocId: string, year: number, dto: PutCriteriaDto, force: boolean, actor: AuthUser): Promise<CriteriaView> {
    await this.access.assertLeader(actor, blocId, year, { allowDeputy: false });
    if (force && actor.role === 'unit') throw new ForbiddenException('only staff may force a change of criteria');
    const items = dto.items.map((i) => ({ code: i.code, title: normalizeText(i.title), maxPoints: i.maxPoints, kind: i.kind, targetId: i.targetId ?? null }));
    const duplicate = items.find((item, index) => items.findIndex((other) => other.code === item.code) !== index);
    if (duplicate) throw new BadRequestException(`items: code ${duplicate.code} appears twice`);

    return this.dataSource.transaction(async (manager) => {
      const roster = await lockedRoster(this.blocs, manager, blocId, year);
      await this.checkTargets(blocId, year, items, manager);
      const set = await this.criteria.lockOrCreateSet(manager, roster.blocYearId);
      const before = await this.criteria.itemsOfBlocYear(roster.blocYearId, manager);
      const sheetCount = await this.sheets.countOf(manager, roster.blocYearId);
      if (sheetCount > 0 && !force) {
        throw new ConflictException('score sheets exist for this bloc year: the criteria can no longer change (staff may force it)');
      }
      await this.criteria.replaceItems(manager, set.id, items);
      const reset = await this.sheets.dropEntries(manager, roster.blocYearId, changedCodes(before, items));
      await this.audit.record(manager, {
        actorId: actor.id,
        action: force && sheetCount > 0 ? 'criteria.force_replace' : 'criteria.replace',
        entityType: 'criteria_set',
        entityId: set.id,
        before: before.map(fields),
        after: { items, sheetsReturnedToDraft: reset },
      });
      const after = await this.criteria.itemsOfBlocYear(roster.blocYearId, manager);
      const updated = await this.criteria.findSet(roster.blocYearId, manager);
      return view(blocId, year, after, sheetCount > 0, updated?.updatedAt ?? null);
    });
  }

  /** An item may measure a target of the bloc year's own covenant, no other. */
  private async checkTargets(blocId: string, year: number, items: CriterionFields[], manager: EntityManager): Promise<void> {
    const linked = items.filter((i) => i.targetId !== null);
    if (linked.length === 0) return;
    const covenant = await this.covenants.findForBlocYear(blocId, year, manager);
    const targets = new Set(covenant?.targets.map((t) => t.id) ?? []);
    const strangers = linked.filter((i) => !targets.has(i.targetId!)).map((i) => `items: targetId of ${i.code} is not a target of this bloc year's covenant`);
    if (strangers.length > 0) throw new BadRequestException(strangers);
  }
}

/** Codes whose scores no longer mean what they meant: items removed, or whose kind or points changed. */
function changedCodes(before: Criterion[], after: CriterionFields[]): string[] {
  const next = new Map(after.map((i) => [i.code, i]));
  return before.filter((b) => next.get(b.code)?.kind !== b.kind || next.get(b.code)?.maxPoints !== b.maxPoints).map((b) => b.code);
}

function fields(c: Criterion): CriterionFields {
  return { code: c.code, title: c.title, maxPoints: c.maxPoints, kind: c.kind, targetId: c.targetId };
}

function view(blocId: string, year: number, items: Criterion[], locked: boolean, updatedAt: Date | null): CriteriaView {
  const basePoints = items.filter((i) => i.kind !== 'bonus' && i.kind !== 'penalty').reduce((sum, i) => sum + Math.round(i.maxPoints * 100), 0) / 100;
  return { blocId, year, items: items.map(fields), basePoints, locked, updatedAt };
}
