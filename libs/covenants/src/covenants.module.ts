import { Global, Module } from '@nestjs/common';
import { RosterFreeze } from '#app/blocs';
import { OrganizationsModule } from '#app/organizations';
import { CovenantReader } from './covenant-reader.js';
import { CovenantRosterFreeze } from './covenant-roster-freeze.js';
import { CovenantSigningService } from './covenant-signing.service.js';
import { CovenantsController } from './covenants.controller.js';
import { CovenantsRepository } from './covenants.repository.js';
import { CovenantsService } from './covenants.service.js';

/** Global so that the blocs library finds the `RosterFreeze` it asks, and readers (progress, documents) find the service. */
@Global()
@Module({
  imports: [OrganizationsModule],
  controllers: [CovenantsController],
  providers: [
    CovenantsRepository,
    CovenantReader,
    CovenantsService,
    CovenantSigningService,
    CovenantRosterFreeze,
    { provide: RosterFreeze, useExisting: CovenantRosterFreeze },
  ],
  exports: [CovenantsService, CovenantSigningService, RosterFreeze],
})
export class CovenantsModule {}
