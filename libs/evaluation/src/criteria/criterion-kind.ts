/**
 * Kinds of criteria items (tiêu chí):
 * - `quantitative`: points for a measured result, usually against a covenant target;
 * - `qualitative`: pass/fail, so a score is 0 or `maxPoints`;
 * - `count`: points per occurrence, capped at `maxPoints` (the sheet records the points);
 * - `bonus` (điểm thưởng): added on top of the base table;
 * - `penalty` (điểm trừ): the score is the number of points taken off.
 */
export const CRITERION_KINDS = ['quantitative', 'qualitative', 'count', 'bonus', 'penalty'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

/** Why a score does not fit its item, or null when it does. */
export function scoreProblem(item: { code: string; kind: CriterionKind; maxPoints: number }, score: number): string | null {
  if (!Number.isFinite(score) || score < 0 || score > item.maxPoints) return `score of ${item.code} must be between 0 and ${item.maxPoints}`;
  if (item.kind === 'qualitative' && score !== 0 && score !== item.maxPoints) return `${item.code} is pass/fail: its score is 0 or ${item.maxPoints}`;
  return null;
}
