/** What a target promises, when it has a measurable indicator. */
export interface IndicatorValues {
  targetValue: number;
  /** Where the organisation started; 0 when the covenant does not say. */
  baseline?: number | null;
}

export interface ProgressPercent {
  /** Share of the way from baseline to target value actually covered, unclamped (may be < 0 or > 100). */
  rawPercent: number;
  /** The same, clamped to 0–100: what a progress bar shows. */
  percent: number;
}

/**
 * Progress is computed, not claimed: how far the actual value has moved from the baseline
 * towards the target value. The same formula serves decreasing targets (target below the
 * baseline, e.g. "cut poor households from 120 to 80"): both differences are negative.
 *
 * When the target equals the baseline there is no distance to cover (a "keep the level" target):
 * progress is then the actual value as a share of the target (100 % when a target of 0 is kept at 0,
 * 0 % when it is not).
 *
 * No indicator or no actual value: nothing to compute, `null`.
 */
export function progressPercent(indicator: IndicatorValues | null | undefined, actualValue: number | null | undefined): ProgressPercent | null {
  if (!indicator || actualValue === null || actualValue === undefined) return null;
  const baseline = indicator.baseline ?? 0;
  const { targetValue } = indicator;
  let raw: number;
  if (targetValue !== baseline) raw = ((actualValue - baseline) / (targetValue - baseline)) * 100;
  else if (targetValue !== 0) raw = (actualValue / targetValue) * 100;
  else raw = actualValue === 0 ? 100 : 0;
  const rawPercent = round2(raw);
  return { rawPercent, percent: Math.min(100, Math.max(0, rawPercent)) };
}

function round2(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? 0 : rounded;
}
