import { Module } from '@nestjs/common';
import { ProgressController } from './progress.controller.js';
import { ProgressReader } from './progress.reader.js';
import { ProgressRepository } from './progress.repository.js';
import { ProgressService } from './progress.service.js';

/** Progress reports on covenants in force (DESIGN.md §3 step 3). */
@Module({
  controllers: [ProgressController],
  providers: [ProgressRepository, ProgressService, ProgressReader],
  exports: [ProgressReader],
})
export class ProgressModule {}
