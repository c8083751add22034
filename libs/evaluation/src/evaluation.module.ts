import { Module } from '@nestjs/common';
import { BallotsController } from './ballots/ballots.controller.js';
import { BallotsReader } from './ballots/ballots.reader.js';
import { BallotsRepository } from './ballots/ballots.repository.js';
import { BallotsService } from './ballots/ballots.service.js';
import { CriteriaController } from './criteria/criteria.controller.js';
import { CriteriaRepository } from './criteria/criteria.repository.js';
import { CriteriaService } from './criteria/criteria.service.js';
import { ScoreSheetsController } from './scoring/score-sheets.controller.js';
import { ScoreSheetsReader } from './scoring/score-sheets.reader.js';
import { ScoreSheetsRepository } from './scoring/score-sheets.repository.js';
import { ScoreSheetsService } from './scoring/score-sheets.service.js';

/** Criteria, score sheets, ranking and secret ballots of a bloc year (DESIGN.md §3 steps 4–5). */
@Module({
  controllers: [CriteriaController, ScoreSheetsController, BallotsController],
  providers: [CriteriaRepository, CriteriaService, ScoreSheetsRepository, ScoreSheetsService, ScoreSheetsReader, BallotsRepository, BallotsService, BallotsReader],
  exports: [ScoreSheetsReader, BallotsReader],
})
export class EvaluationModule {}
