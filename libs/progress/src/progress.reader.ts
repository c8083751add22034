import { Injectable, NotFoundException } from '@nestjs/common';
import { BlocsService } from '#app/blocs';
import type { Page } from '#app/core';
import { type CovenantTargetView, type CovenantView, CovenantsService } from '#app/covenants';
import type { ProgressEntry, ProgressStatus } from './entities/progress-entry.entity.js';
import { type Period, PERIODS, type ProgressReport } from './entities/progress-report.entity.js';
import { progressPercent } from './progress-percent.js';
import { ProgressRepository } from './progress.repository.js';

export interface ProgressEntryView {
  targetId: string;
  number: number;
  actualValue: number | null;
  /** 0–100 from baseline and target value where the target has an indicator, else null. */
  percent: number | null;
  /** The same unclamped (below 0 when it went backwards, over 100 when beyond the target). */
  rawPercent: number | null;
  status: ProgressStatus | null;
  note: string | null;
}

export interface ProgressReportView {
  id: string;
  covenantId: string;
  organizationId: string;
  period: Period;
  revision: number;
  /** False for a report a later one for the same organisation and period replaced. */
  current: boolean;
  submittedById: string;
  createdAt: Date;
  entries: ProgressEntryView[];
}

export interface TargetProgress {
  targetId: string;
  number: number;
  title: string;
  indicator: CovenantTargetView['indicator'];
  /** Current reports on this target: one row per organisation and period, roster order then period order. */
  byOrganization: {
    organizationId: string;
    name: string;
    period: Period;
    actualValue: number | null;
    percent: number | null;
    rawPercent: number | null;
    status: ProgressStatus | null;
    note: string | null;
    reportId: string;
    reportedAt: Date;
  }[];
  /** Roster members with nothing on this target (in the period asked for, if any). */
  missing: { organizationId: string; name: string }[];
}

export interface CovenantProgress {
  covenantId: string;
  blocId: string;
  year: number;
  status: CovenantView['status'];
  period: Period | null;
  targets: TargetProgress[];
}

/**
 * Read models of progress, each in a fixed number of queries whatever the number of targets,
 * members and reports. Exported for other libraries (the annual report prints progress per target).
 */
@Injectable()
export class ProgressReader {
  constructor(
    private readonly covenants: CovenantsService,
    private readonly blocs: BlocsService,
    private readonly progress: ProgressRepository,
  ) {}

  /** Every target × member of a covenant at a glance, with who has not reported. */
  async progressOf(covenantId: string, period?: Period): Promise<CovenantProgress> {
    return this.build(await this.covenants.getView(covenantId), period);
  }

  /** The same for a bloc year's covenant; null when the bloc year has none. */
  async progressOfBlocYear(blocId: string, year: number, period?: Period): Promise<CovenantProgress | null> {
    const covenant = await this.covenants.findForBlocYear(blocId, year);
    return covenant ? this.build(covenant, period) : null;
  }

  async report(id: string): Promise<ProgressReportView> {
    const report = await this.progress.findReport(id);
    if (!report) throw new NotFoundException(`progress report ${id} not found`);
    return (await this.reportViews([report]))[0];
  }

  async history(covenantId: string, filters: { organizationId?: string; period?: Period }, limit: number, offset: number): Promise<Page<ProgressReportView>> {
    await this.covenants.getView(covenantId);
    const page = await this.progress.history(covenantId, filters, limit, offset);
    return { items: await this.reportViews(page.items), total: page.total };
  }

  private async reportViews(reports: ProgressReport[]): Promise<ProgressReportView[]> {
    if (reports.length === 0) return [];
    const covenant = await this.covenants.getView(reports[0].covenantId);
    const targets = new Map(covenant.targets.map((t) => [t.id, t]));
    const [entries, current] = await Promise.all([this.progress.entriesOf(reports.map((r) => r.id)), this.progress.currentIds(reports)]);
    return reports.map((r) => ({
      id: r.id,
      covenantId: r.covenantId,
      organizationId: r.organizationId,
      period: r.period,
      revision: r.revision,
      current: current.has(r.id),
      submittedById: r.submittedById,
      createdAt: r.createdAt,
      entries: entries
        .filter((e) => e.reportId === r.id)
        .map((e) => entryView(e, targets.get(e.targetId)!))
        .sort((a, b) => a.number - b.number),
    }));
  }

  private async build(covenant: CovenantView, period?: Period): Promise<CovenantProgress> {
    const roster = await this.blocs.findRoster(covenant.blocId, covenant.year);
    const members = roster?.members ?? [];
    const reports = await this.progress.currentReports(covenant.id, period);
    const entries = await this.progress.entriesOf(reports.map((r) => r.id));
    const reportOf = new Map(reports.map((r) => [r.id, r]));
    const position = new Map(members.map((m, i) => [m.organizationId, i]));
    const names = new Map(members.map((m) => [m.organizationId, m.name]));
    const periodOrder = (p: Period) => PERIODS.indexOf(p);

    return {
      covenantId: covenant.id,
      blocId: covenant.blocId,
      year: covenant.year,
      status: covenant.status,
      period: period ?? null,
      targets: covenant.targets.map((target) => {
        const rows = entries
          .filter((e) => e.targetId === target.id)
          .map((e) => {
            const report = reportOf.get(e.reportId)!;
            const { percent, rawPercent } = entryView(e, target);
            return {
              organizationId: report.organizationId,
              name: names.get(report.organizationId) ?? '',
              period: report.period,
              actualValue: e.actualValue,
              percent,
              rawPercent,
              status: e.status,
              note: e.note,
              reportId: report.id,
              reportedAt: report.createdAt,
            };
          })
          .sort(
            (a, b) =>
              (position.get(a.organizationId) ?? members.length) - (position.get(b.organizationId) ?? members.length) || periodOrder(a.period) - periodOrder(b.period),
          );
        const reported = new Set(rows.map((r) => r.organizationId));
        return {
          targetId: target.id,
          number: target.number,
          title: target.title,
          indicator: target.indicator,
          byOrganization: rows,
          missing: members.filter((m) => !reported.has(m.organizationId)).map((m) => ({ organizationId: m.organizationId, name: m.name })),
        };
      }),
    };
  }
}

function entryView(entry: ProgressEntry, target: CovenantTargetView): ProgressEntryView {
  const computed = progressPercent(target.indicator, entry.actualValue);
  return {
    targetId: entry.targetId,
    number: target.number,
    actualValue: entry.actualValue,
    percent: computed?.percent ?? null,
    rawPercent: computed?.rawPercent ?? null,
    status: entry.status,
    note: entry.note,
  };
}
