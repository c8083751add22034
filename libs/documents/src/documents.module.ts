import { Module } from '@nestjs/common';
import { DOCUMENT_FONTS, DocumentRenderer } from './document-renderer.js';
import { loadTinosFonts } from './fonts/document-fonts.js';

@Module({
  providers: [{ provide: DOCUMENT_FONTS, useFactory: loadTinosFonts }, DocumentRenderer],
  exports: [DocumentRenderer],
})
export class DocumentsModule {}
