import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RosterFreeze } from '#app/blocs';
import { CovenantsRepository } from './covenants.repository.js';

/** Once a bloc year's covenant is open for signing or in force, the parties to it are fixed. */
@Injectable()
export class CovenantRosterFreeze extends RosterFreeze {
  constructor(private readonly covenants: CovenantsRepository) {
    super();
  }

  async frozenReason(manager: EntityManager, blocYearId: string): Promise<string | null> {
    const covenant = await this.covenants.findHead({ blocYearId }, { manager });
    if (!covenant || covenant.status === 'draft') return null;
    return `the covenant of this bloc year is ${covenant.status === 'signing' ? 'open for signing' : 'in force'}: its members cannot change (roles and rules still can)`;
  }
}
