import { Injectable, NotFoundException } from '@nestjs/common';
import { BlocsService, type Roster } from '#app/blocs';
import { CriteriaRepository } from '../criteria/criteria.repository.js';
import type { Criterion } from '../criteria/criterion.entity.js';
import type { CriterionKind } from '../criteria/criterion-kind.js';
import { rankSheets } from './ranking.js';
import type { ScoreEntry } from './score-entry.entity.js';
import type { ScoreSheet, ScoreSheetStatus } from './score-sheet.entity.js';
import { ScoreSheetsRepository } from './score-sheets.repository.js';
import { type SheetTotals, sheetTotals } from './sheet-totals.js';

export interface ScoreEntryView {
  code: string;
  title: string;
  kind: CriterionKind;
  maxPoints: number;
  selfScore: number | null;
  evidence: string | null;
  reviewedScore: number | null;
  comment: string | null;
  /** What counts: the reviewed score when there is one, else the self score. */
  finalScore: number | null;
}

export interface ScoreSheetSummary extends SheetTotals {
  organizationId: string;
  name: string;
  status: ScoreSheetStatus;
}

export interface ScoreSheetView extends ScoreSheetSummary {
  id: string;
  blocId: string;
  year: number;
  explanation: string | null;
  reviewedAt: Date | null;
  explainedAt: Date | null;
  finalisedAt: Date | null;
  updatedAt: Date;
  entries: ScoreEntryView[];
}

export interface RankingItem extends ScoreSheetSummary {
  rank: number;
}

export interface Ranking {
  blocId: string;
  year: number;
  /** Best first (rule: docs/progress-and-evaluation.md). */
  items: RankingItem[];
  /** Members of the roster without a score sheet: not ranked. */
  missing: { organizationId: string; name: string }[];
}

/**
 * Read models of score sheets and the ranking, in a fixed number of queries whatever the size of
 * the bloc. Exported for other libraries (the annual report prints the ranking).
 */
@Injectable()
export class ScoreSheetsReader {
  constructor(
    private readonly blocs: BlocsService,
    private readonly criteria: CriteriaRepository,
    private readonly sheets: ScoreSheetsRepository,
  ) {}

  async sheet(blocId: string, year: number, organizationId: string): Promise<ScoreSheetView> {
    const roster = await this.blocs.getRoster(blocId, year);
    const sheet = await this.sheets.find(roster.blocYearId, organizationId);
    if (!sheet) throw new NotFoundException(`organization ${organizationId} has no score sheet for ${year}`);
    const [items, entries] = await Promise.all([this.criteria.itemsOfBlocYear(roster.blocYearId), this.sheets.entriesOf([sheet.id])]);
    return sheetView(roster, sheet, items, entries);
  }

  async list(blocId: string, year: number): Promise<ScoreSheetSummary[]> {
    const { roster, sheets, items, entries } = await this.load(blocId, year);
    return sheets.map((s) => summary(roster, s, items, entries.get(s.id) ?? []));
  }

  async ranking(blocId: string, year: number): Promise<Ranking> {
    const { roster, sheets, items, entries } = await this.load(blocId, year);
    const ranked = rankSheets(
      sheets.map((s) => {
        const row = summary(roster, s, items, entries.get(s.id) ?? []);
        return { ...row, totals: row as SheetTotals };
      }),
    ).map(({ totals: _totals, ...row }) => row);
    const scored = new Set(sheets.map((s) => s.organizationId));
    return {
      blocId,
      year,
      items: ranked,
      missing: roster.members.filter((m) => !scored.has(m.organizationId)).map((m) => ({ organizationId: m.organizationId, name: m.name })),
    };
  }

  private async load(blocId: string, year: number) {
    const roster = await this.blocs.getRoster(blocId, year);
    const [items, sheets] = await Promise.all([this.criteria.itemsOfBlocYear(roster.blocYearId), this.sheets.sheetsOf(roster.blocYearId)]);
    const entries = new Map<string, ScoreEntry[]>();
    for (const e of await this.sheets.entriesOf(sheets.map((s) => s.id))) entries.set(e.scoreSheetId, [...(entries.get(e.scoreSheetId) ?? []), e]);
    return { roster, sheets, items, entries };
  }
}

function entryViews(items: Criterion[], entries: ScoreEntry[]): ScoreEntryView[] {
  const byCode = new Map(entries.map((e) => [e.code, e]));
  return items
    .filter((i) => byCode.has(i.code))
    .map((i) => {
      const e = byCode.get(i.code)!;
      return {
        code: i.code,
        title: i.title,
        kind: i.kind,
        maxPoints: i.maxPoints,
        selfScore: e.selfScore,
        evidence: e.evidence,
        reviewedScore: e.reviewedScore,
        comment: e.reviewComment,
        finalScore: e.reviewedScore ?? e.selfScore,
      };
    });
}

function summary(roster: Roster, sheet: ScoreSheet, items: Criterion[], entries: ScoreEntry[]): ScoreSheetSummary {
  const views = entryViews(items, entries);
  const name = roster.members.find((m) => m.organizationId === sheet.organizationId)?.name ?? sheet.organization?.name ?? '';
  return { organizationId: sheet.organizationId, name, status: sheet.status, ...sheetTotals(views) };
}

function sheetView(roster: Roster, sheet: ScoreSheet, items: Criterion[], entries: ScoreEntry[]): ScoreSheetView {
  return {
    id: sheet.id,
    blocId: roster.blocId,
    year: roster.year,
    ...summary(roster, sheet, items, entries),
    explanation: sheet.explanation,
    reviewedAt: sheet.reviewedAt,
    explainedAt: sheet.explainedAt,
    finalisedAt: sheet.finalisedAt,
    updatedAt: sheet.updatedAt,
    entries: entryViews(items, entries),
  };
}
