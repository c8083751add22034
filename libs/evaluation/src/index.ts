// Read services for other libraries (the annual report): ScoreSheetsReader.ranking(), BallotsReader.ballotsOf().
export * from './ballots/ballots.reader.js';
export * from './scoring/score-sheets.reader.js';
export * from './evaluation.module.js';
// Entities, for the application's entity list.
export * from './ballots/ballot-candidate.entity.js';
export * from './ballots/ballot-choice.entity.js';
export * from './ballots/ballot-elector.entity.js';
export * from './ballots/ballot-voter.entity.js';
export * from './ballots/ballot.entity.js';
export * from './criteria/criteria-set.entity.js';
export * from './criteria/criterion.entity.js';
export * from './scoring/score-entry.entity.js';
export * from './scoring/score-sheet.entity.js';
// Pure rules.
export * from './ballots/tally.js';
export * from './criteria/criterion-kind.js';
export * from './scoring/ranking.js';
export * from './scoring/sheet-totals.js';
