// Read service for other libraries (the annual report): ProgressReader.progressOfBlocYear().
export * from './progress.reader.js';
export * from './progress.module.js';
// Entities, for the application's entity list.
export * from './entities/progress-entry.entity.js';
export * from './entities/progress-report.entity.js';
// Pure rule.
export * from './progress-percent.js';
