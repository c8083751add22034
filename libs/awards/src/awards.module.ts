import { Module } from '@nestjs/common';
import { DocumentsModule } from '#app/documents';
import { OrganizationsModule } from '#app/organizations';
import { AwardsController } from './awards.controller.js';
import { AwardsRepository } from './awards.repository.js';
import { AwardsService } from './awards.service.js';
import { AwardVerificationSource } from './verification/award-verification.source.js';
import { CovenantVerificationSource } from './verification/covenant-verification.source.js';
import { VerificationController } from './verification/verification.controller.js';
import { VERIFICATION_SOURCES, VerificationService } from './verification/verification.service.js';
import type { VerificationSource } from './verification/verified-document.js';

@Module({
  imports: [OrganizationsModule, DocumentsModule],
  controllers: [AwardsController, VerificationController],
  providers: [
    AwardsRepository,
    AwardsService,
    AwardVerificationSource,
    CovenantVerificationSource,
    {
      provide: VERIFICATION_SOURCES,
      useFactory: (...sources: VerificationSource[]) => sources,
      inject: [AwardVerificationSource, CovenantVerificationSource],
    },
    VerificationService,
  ],
  exports: [AwardsService, AwardsRepository],
})
export class AwardsModule {}
