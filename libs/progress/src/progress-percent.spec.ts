import { describe, expect, it } from '@jest/globals';
import { progressPercent } from './progress-percent.js';

describe('progressPercent', () => {
  const cases: [string, Parameters<typeof progressPercent>[0], number | null | undefined, { rawPercent: number; percent: number } | null][] = [
    ['half way from a zero baseline', { targetValue: 200 }, 100, { rawPercent: 50, percent: 50 }],
    ['explicit null baseline counts as 0', { targetValue: 200, baseline: null }, 50, { rawPercent: 25, percent: 25 }],
    ['half way from a baseline', { targetValue: 150, baseline: 100 }, 125, { rawPercent: 50, percent: 50 }],
    ['target reached exactly', { targetValue: 150, baseline: 100 }, 150, { rawPercent: 100, percent: 100 }],
    ['beyond the target: raw kept, display clamped', { targetValue: 150, baseline: 100 }, 175, { rawPercent: 150, percent: 100 }],
    ['went backwards: raw negative, display 0', { targetValue: 150, baseline: 100 }, 90, { rawPercent: -20, percent: 0 }],
    ['still at the baseline', { targetValue: 150, baseline: 100 }, 100, { rawPercent: 0, percent: 0 }],
    ['decreasing target, half way down', { targetValue: 80, baseline: 120 }, 100, { rawPercent: 50, percent: 50 }],
    ['decreasing target, reached', { targetValue: 80, baseline: 120 }, 80, { rawPercent: 100, percent: 100 }],
    ['decreasing target, overshot', { targetValue: 80, baseline: 120 }, 60, { rawPercent: 150, percent: 100 }],
    ['decreasing target, got worse', { targetValue: 80, baseline: 120 }, 130, { rawPercent: -25, percent: 0 }],
    ['target equals baseline: level kept', { targetValue: 500, baseline: 500 }, 500, { rawPercent: 100, percent: 100 }],
    ['target equals baseline: below the level', { targetValue: 500, baseline: 500 }, 450, { rawPercent: 90, percent: 90 }],
    ['target equals baseline: above the level', { targetValue: 500, baseline: 500 }, 510, { rawPercent: 102, percent: 100 }],
    ['target 0 kept at 0 (e.g. no accident)', { targetValue: 0, baseline: 0 }, 0, { rawPercent: 100, percent: 100 }],
    ['target 0 not kept', { targetValue: 0, baseline: 0 }, 2, { rawPercent: 0, percent: 0 }],
    ['rounded to two decimals', { targetValue: 3 }, 1, { rawPercent: 33.33, percent: 33.33 }],
    ['fractional values', { targetValue: 1.5, baseline: 0.5 }, 0.75, { rawPercent: 25, percent: 25 }],
    ['no indicator', null, 10, null],
    ['no indicator (undefined)', undefined, 10, null],
    ['no actual value', { targetValue: 10 }, null, null],
    ['actual value not given', { targetValue: 10 }, undefined, null],
  ];

  it.each(cases)('%s', (_name, indicator, actual, expected) => {
    expect(progressPercent(indicator, actual)).toEqual(expected);
  });

  it('never shows a display percent outside 0–100 nor a negative zero', () => {
    for (let actual = -50; actual <= 250; actual += 7) {
      const result = progressPercent({ targetValue: 100, baseline: 20 }, actual)!;
      expect(result.percent).toBeGreaterThanOrEqual(0);
      expect(result.percent).toBeLessThanOrEqual(100);
      expect(Object.is(result.rawPercent, -0)).toBe(false);
    }
  });
});
