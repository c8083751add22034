export * from './progress-percent.js';
