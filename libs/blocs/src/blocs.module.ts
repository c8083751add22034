import { Global, Module } from '@nestjs/common';
import { RosterLookup } from '#app/auth';
import { OrganizationsModule } from '#app/organizations';
import { BlocsController } from './blocs.controller.js';
import { BlocsRepository } from './blocs.repository.js';
import { BlocsService } from './blocs.service.js';
import { RostersController } from './rosters.controller.js';

/**
 * Global so that `BlocYearAccess` (in the auth module) finds the `RosterLookup` it asks, and
 * every library that works on a bloc year can read rosters and rules without importing this one.
 */
@Global()
@Module({
  imports: [OrganizationsModule],
  controllers: [BlocsController, RostersController],
  providers: [BlocsRepository, BlocsService, { provide: RosterLookup, useExisting: BlocsService }],
  exports: [BlocsService, BlocsRepository, RosterLookup],
})
export class BlocsModule {}
