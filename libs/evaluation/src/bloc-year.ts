import { NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BlocsService, Roster } from '#app/blocs';

/**
 * The roster of a bloc year inside a transaction, locked FOR SHARE so that it stays as read until
 * commit; 404 when the bloc has no roster that year.
 */
export async function lockedRoster(blocs: BlocsService, manager: EntityManager, blocId: string, year: number): Promise<Roster> {
  const roster = await blocs.findRoster(blocId, year, { manager, lock: 'share' });
  if (!roster) throw new NotFoundException(`bloc ${blocId} has no roster for ${year}`);
  return roster;
}
