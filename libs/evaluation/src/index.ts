export * from './ballots/tally.js';
export * from './criteria/criterion-kind.js';
export * from './scoring/ranking.js';
export * from './scoring/sheet-totals.js';
