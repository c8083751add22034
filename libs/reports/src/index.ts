export * from './annual-report.assembler.js';
export * from './reports.module.js';
export * from './reports.service.js';
