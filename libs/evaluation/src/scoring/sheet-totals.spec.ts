import { describe, expect, it } from '@jest/globals';
import type { CriterionKind } from '../criteria/criterion-kind.js';
import { type ScoredEntry, sheetTotals } from './sheet-totals.js';

const e = (kind: CriterionKind, selfScore: number | null, reviewedScore: number | null = null): ScoredEntry => ({ kind, selfScore, reviewedScore });

describe('sheetTotals', () => {
  it.each<[string, ScoredEntry[], Partial<ReturnType<typeof sheetTotals>>]>([
    ['an empty sheet', [], { selfTotal: 0, finalTotal: 0, entryCount: 0, reviewedCount: 0, fullyReviewed: true }],
    ['self scores only: final = self, not reviewed', [e('quantitative', 20), e('qualitative', 10)], { selfTotal: 30, finalTotal: 30, reviewedCount: 0, fullyReviewed: false }],
    ['a review replaces the self score of that entry only', [e('quantitative', 20, 15), e('qualitative', 10)], { selfTotal: 30, finalTotal: 25, reviewedCount: 1, fullyReviewed: false }],
    ['a reviewed score of 0 counts (not "no review")', [e('quantitative', 20, 0)], { selfTotal: 20, finalTotal: 0, fullyReviewed: true }],
    ['bonus adds', [e('quantitative', 80), e('bonus', 5)], { selfTotal: 85, finalTotal: 85, bonusPoints: 5 }],
    ['penalty subtracts', [e('quantitative', 80), e('penalty', 3)], { selfTotal: 77, finalTotal: 77, penaltyPoints: 3 }],
    ['reviewed penalty subtracts the reviewed points', [e('quantitative', 80, 80), e('penalty', 0, 4)], { selfTotal: 80, finalTotal: 76, penaltyPoints: 4, fullyReviewed: true }],
    ['decimals add without float noise', [e('count', 0.1), e('count', 0.2)], { selfTotal: 0.3, finalTotal: 0.3 }],
    ['an item only the reviewer scored counts 0 in the self total', [e('quantitative', 50), e('penalty', null, 2)], { selfTotal: 50, finalTotal: 48, penaltyPoints: 2, reviewedCount: 1 }],
    ['an unscored, unreviewed item counts 0', [e('bonus', null)], { selfTotal: 0, finalTotal: 0 }],
    ['penalty may take the total below zero', [e('penalty', 5)], { selfTotal: -5, finalTotal: -5 }],
  ])('%s', (_name, entries, expected) => {
    expect(sheetTotals(entries)).toMatchObject(expected);
  });
});
