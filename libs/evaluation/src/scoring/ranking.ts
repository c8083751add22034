import type { SheetTotals } from './sheet-totals.js';

export interface RankingCandidate {
  organizationId: string;
  name: string;
  totals: SheetTotals;
}

export type Ranked<T extends RankingCandidate> = T & { rank: number };

const byName = new Intl.Collator('vi', { sensitivity: 'base' });

/**
 * Orders score sheets and gives each a rank. The rule (docs/progress-and-evaluation.md):
 * 1. higher final total;
 * 2. then fewer penalty points;
 * 3. then the larger share of entries already reviewed (a reviewed score weighs more than a claimed one).
 * Sheets equal on all three share a rank (competition ranking: 1, 2, 2, 4) — the meeting decides
 * between them, not the alphabet; they are listed by name (Vietnamese order) so the list is stable.
 */
export function rankSheets<T extends RankingCandidate>(sheets: readonly T[]): Ranked<T>[] {
  const ordered = [...sheets].sort((a, b) => compareMerit(a.totals, b.totals) || byName.compare(a.name, b.name) || compareIds(a, b));
  const ranked: Ranked<T>[] = [];
  ordered.forEach((sheet, index) => {
    const previous = ranked[index - 1];
    const rank = previous && compareMerit(previous.totals, sheet.totals) === 0 ? previous.rank : index + 1;
    ranked.push({ ...sheet, rank });
  });
  return ranked;
}

/** Negative when `a` ranks before `b`, 0 when the rule cannot tell them apart. */
export function compareMerit(a: SheetTotals, b: SheetTotals): number {
  return b.finalTotal - a.finalTotal || a.penaltyPoints - b.penaltyPoints || compareReviewedShare(b, a);
}

/** Compares reviewedCount/entryCount exactly by cross-multiplying; an empty sheet has share 0. */
function compareReviewedShare(a: SheetTotals, b: SheetTotals): number {
  const left = a.entryCount === 0 ? 0 : a.reviewedCount * Math.max(b.entryCount, 1);
  const right = b.entryCount === 0 ? 0 : b.reviewedCount * Math.max(a.entryCount, 1);
  return left - right;
}

function compareIds(a: RankingCandidate, b: RankingCandidate): number {
  return a.organizationId < b.organizationId ? -1 : a.organizationId > b.organizationId ? 1 : 0;
}
