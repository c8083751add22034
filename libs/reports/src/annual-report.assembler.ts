import { Injectable } from '@nestjs/common';
import { AwardsService } from '#app/awards';
import { BlocsService } from '#app/blocs';
import { CovenantsService, type CovenantView } from '#app/covenants';
import type { AnnualReport, BallotSummary, ProgressLine, RankingLine, ReportCovenant, TargetProgress } from '#app/documents';
import { BallotsReader, type BallotView, ScoreSheetsReader } from '#app/evaluation';
import { type CovenantProgress, ProgressReader } from '#app/progress';
import { lastChange, signatoriesOf } from './covenant-document.mapper.js';

/** How recent a period's report is: the annual report shows each member's latest. */
const PERIOD_RANK: Record<string, number> = { Q1: 1, Q2: 2, H1: 2.5, Q3: 3, Q4: 4, YEAR: 5 };

/**
 * Gathers a bloc year's annual report from the read services of the libraries that own each part
 * (blocs, covenants, progress, evaluation, awards). Nothing here reaches the database directly.
 */
@Injectable()
export class AnnualReportAssembler {
  constructor(
    private readonly blocs: BlocsService,
    private readonly covenants: CovenantsService,
    private readonly progress: ProgressReader,
    private readonly scores: ScoreSheetsReader,
    private readonly ballots: BallotsReader,
    private readonly awards: AwardsService,
  ) {}

  /** 404 (from the blocs library) when the bloc has no roster for the year. */
  async assemble(blocId: string, year: number): Promise<AnnualReport> {
    const roster = await this.blocs.getRoster(blocId, year);
    const [covenant, progress, ranking, ballots, awards, types] = await Promise.all([
      this.covenants.findForBlocYear(blocId, year),
      this.progress.progressOfBlocYear(blocId, year),
      this.scores.ranking(blocId, year),
      this.ballots.ballotsOf(blocId, year),
      this.awards.all({ blocId, year }),
      this.awards.awardTypes(),
    ]);
    const typeName = new Map(types.items.map((t) => [t.code, t.name]));
    const times = [
      ...(covenant ? [lastChange(covenant)] : []),
      ...(progress?.targets.flatMap((t) => t.byOrganization.map((o) => o.reportedAt)) ?? []),
      ...ballots.flatMap((b) => [b.createdAt, b.closedAt]),
      ...awards.map((a) => a.createdAt),
    ].filter((t): t is Date => t !== null && t !== undefined);

    return {
      key: `${blocId}:${year}`,
      // The latest change among what the report shows; a bloc year with nothing yet is dated 1 January.
      issuedAt: times.length ? new Date(Math.max(...times.map((t) => new Date(t).getTime()))) : new Date(Date.UTC(year, 0, 1)),
      blocName: roster.blocName,
      year,
      place: covenant?.place ?? null,
      roster: roster.members.map((m) => ({ organizationName: m.name, role: m.role })),
      covenant: covenant ? reportCovenant(covenant) : null,
      progress: progress ? targetProgress(progress) : [],
      ranking: ranking.items.map(
        (r): RankingLine => ({ rank: r.rank, organizationName: r.name, selfTotal: r.selfTotal, finalTotal: r.finalTotal, provisional: !r.fullyReviewed }),
      ),
      ballots: ballots.map((b) => ballotSummary(b, typeName.get(b.awardTypeCode) ?? b.awardTypeCode)),
      awards: awards.map((a) => ({
        awardName: a.awardTypeName,
        organizationName: a.recipientName,
        decisionNumber: a.decisionNumber,
        decisionDate: a.decisionDate,
        verificationCode: a.verificationCode,
      })),
    };
  }
}

function reportCovenant(c: CovenantView): ReportCovenant {
  return {
    title: c.title,
    status: c.status,
    theme: c.theme,
    targetCount: c.targets.length,
    contentHash: c.contentHash,
    verificationCode: c.verificationCode,
    signatories: signatoriesOf(c),
  };
}

/** Per target, each member's latest report (the year's if there is one), and who has not reported. */
function targetProgress(progress: CovenantProgress): TargetProgress[] {
  return progress.targets.map((t) => {
    const latest = new Map<string, (typeof t.byOrganization)[number]>();
    for (const row of t.byOrganization) {
      const seen = latest.get(row.organizationId);
      if (!seen || PERIOD_RANK[row.period] > PERIOD_RANK[seen.period]) latest.set(row.organizationId, row);
    }
    const lines: ProgressLine[] = [
      ...[...latest.values()].map((r) => ({ organizationName: r.name, period: r.period, actualValue: r.actualValue, percent: r.percent, status: r.status })),
      ...t.missing.map((m) => ({ organizationName: m.name, period: null, actualValue: null, percent: null, status: null })),
    ];
    return { number: t.number, title: t.title, unit: t.indicator?.unit ?? null, targetValue: t.indicator?.targetValue ?? null, lines };
  });
}

function ballotSummary(b: BallotView, awardName: string): BallotSummary {
  return {
    awardName,
    status: b.status,
    seats: b.seats,
    turnout: b.turnout,
    quorumMet: b.quorumMet ?? null,
    results: (b.results ?? []).map((r) => ({ organizationName: r.name, votes: r.votes, percent: r.percent, elected: r.elected })),
  };
}
