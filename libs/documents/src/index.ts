export * from './certificate/certificate-renderer.js';
export * from './covenant/covenant-renderer.js';
export * from './document-renderer.js';
export * from './documents.module.js';
export * from './fonts/document-fonts.js';
export { type PdfIdentity } from './layout/pdf-writer.js';
export * from './report/annual-report-renderer.js';
export * from './view-models.js';
