import type { CriterionKind } from '../criteria/criterion-kind.js';

export interface ScoredEntry {
  kind: CriterionKind;
  /** Null when the member did not score this item (e.g. a penalty only the reviewer applied): counts as 0. */
  selfScore: number | null;
  /** Null while the leader (or staff) has not reviewed this entry. */
  reviewedScore: number | null;
}

export interface SheetTotals {
  /** Self scores: items and bonus added, penalty subtracted. */
  selfTotal: number;
  /** Each entry's reviewed score where a review gave one, its self score otherwise; penalty subtracted. */
  finalTotal: number;
  /** Penalty points counted in `finalTotal`. */
  penaltyPoints: number;
  /** Bonus points counted in `finalTotal`. */
  bonusPoints: number;
  entryCount: number;
  reviewedCount: number;
  /** False while some entry still counts with its self score only. */
  fullyReviewed: boolean;
}

/** Totals of one score sheet. Sums run in hundredths of a point so that 0.1 + 0.2 stays 0.3. */
export function sheetTotals(entries: readonly ScoredEntry[]): SheetTotals {
  let self = 0;
  let final = 0;
  let penalty = 0;
  let bonus = 0;
  let reviewedCount = 0;
  for (const entry of entries) {
    const sign = entry.kind === 'penalty' ? -1 : 1;
    const finalScore = hundredths(entry.reviewedScore ?? entry.selfScore ?? 0);
    if (entry.reviewedScore !== null) reviewedCount += 1;
    self += sign * hundredths(entry.selfScore ?? 0);
    final += sign * finalScore;
    if (entry.kind === 'penalty') penalty += finalScore;
    if (entry.kind === 'bonus') bonus += finalScore;
  }
  return {
    selfTotal: points(self),
    finalTotal: points(final),
    penaltyPoints: points(penalty),
    bonusPoints: points(bonus),
    entryCount: entries.length,
    reviewedCount,
    fullyReviewed: reviewedCount === entries.length,
  };
}

function hundredths(value: number): number {
  return Math.round(value * 100);
}

function points(value: number): number {
  return value === 0 ? 0 : value / 100;
}
