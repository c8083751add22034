import { describe, expect, it } from '@jest/globals';
import { rankSheets } from './ranking.js';
import type { SheetTotals } from './sheet-totals.js';

function sheet(name: string, finalTotal: number, extra: Partial<SheetTotals> = {}) {
  const totals: SheetTotals = { selfTotal: finalTotal, finalTotal, penaltyPoints: 0, bonusPoints: 0, entryCount: 4, reviewedCount: 4, fullyReviewed: true, ...extra };
  return { organizationId: `id-${name}`, name, totals };
}

const order = (sheets: ReturnType<typeof sheet>[]) => rankSheets(sheets).map((s) => [s.rank, s.name]);

describe('rankSheets', () => {
  it('ranks by final total, highest first', () => {
    expect(order([sheet('B', 80), sheet('A', 95), sheet('C', 88.5)])).toEqual([
      [1, 'A'],
      [2, 'C'],
      [3, 'B'],
    ]);
  });

  it('breaks a tie on the total by fewer penalty points', () => {
    expect(order([sheet('A', 90, { penaltyPoints: 2 }), sheet('B', 90, { penaltyPoints: 0 })])).toEqual([
      [1, 'B'],
      [2, 'A'],
    ]);
  });

  it('then by the larger share of reviewed entries', () => {
    expect(order([sheet('A', 90, { reviewedCount: 1, entryCount: 4 }), sheet('B', 90, { reviewedCount: 2, entryCount: 3 }), sheet('C', 90, { reviewedCount: 0, entryCount: 0 })])).toEqual([
      [1, 'B'],
      [2, 'A'],
      [3, 'C'],
    ]);
  });

  it('compares reviewed shares exactly (2/4 equals 1/2)', () => {
    expect(order([sheet('Z', 90, { reviewedCount: 2, entryCount: 4 }), sheet('Y', 90, { reviewedCount: 1, entryCount: 2 })])).toEqual([
      [1, 'Y'],
      [1, 'Z'],
    ]);
  });

  it('gives sheets equal under the rule the same rank and skips the next (1, 2, 2, 4), listed by Vietnamese name order', () => {
    expect(order([sheet('Hội Nông dân', 70), sheet('Hội Người mù', 90), sheet('Đoàn Thanh niên', 90), sheet('Hội Cựu chiến binh', 95)])).toEqual([
      [1, 'Hội Cựu chiến binh'],
      [2, 'Đoàn Thanh niên'],
      [2, 'Hội Người mù'],
      [4, 'Hội Nông dân'],
    ]);
  });

  it('ranks nothing when there is nothing to rank', () => {
    expect(rankSheets([])).toEqual([]);
  });
});
