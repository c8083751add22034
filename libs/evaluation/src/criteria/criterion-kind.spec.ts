import { describe, expect, it } from '@jest/globals';
import { type CriterionKind, scoreProblem } from './criterion-kind.js';

describe('scoreProblem', () => {
  const item = (kind: CriterionKind, maxPoints = 10) => ({ code: 'TC1', kind, maxPoints });
  it.each<[string, CriterionKind, number, boolean]>([
    ['0 is allowed', 'quantitative', 0, true],
    ['maxPoints is allowed', 'quantitative', 10, true],
    ['a fraction within range', 'count', 7.5, true],
    ['above maxPoints', 'bonus', 10.01, false],
    ['below 0', 'penalty', -1, false],
    ['not a number', 'quantitative', Number.NaN, false],
    ['pass/fail: full points', 'qualitative', 10, true],
    ['pass/fail: nothing', 'qualitative', 0, true],
    ['pass/fail: half is not a score', 'qualitative', 5, false],
  ])('%s', (_name, kind, score, ok) => {
    expect(scoreProblem(item(kind), score) === null).toBe(ok);
  });

  it('names the item and the range', () => {
    expect(scoreProblem(item('quantitative'), 11)).toBe('score of TC1 must be between 0 and 10');
  });
});
