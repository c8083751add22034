import { ForbiddenException, Injectable, Optional } from '@nestjs/common';
import type { AuthUser } from '#app/core';

export type RosterRole = 'leader' | 'deputy' | 'member';

/**
 * What the blocs library answers: the role an organisation has in a bloc's roster for a year.
 * Provided by BlocsModule; until it is, nobody holds leader rights.
 */
export abstract class RosterLookup {
  abstract roleOf(organizationId: string, blocId: string, year: number): Promise<RosterRole | null>;
}

/**
 * The one place where rights that depend on the bloc year are decided: staff and admin act on
 * every bloc; a `unit` account acts as leader only where its organisation leads (or, when the
 * action allows it, deputises) that bloc in that year.
 */
@Injectable()
export class BlocYearAccess {
  constructor(@Optional() private readonly roster?: RosterLookup) {}

  async isLeader(user: AuthUser, blocId: string, year: number, options: { allowDeputy?: boolean } = {}): Promise<boolean> {
    if (user.role === 'admin' || user.role === 'staff') return true;
    if (!user.organizationId || !this.roster) return false;
    const role = await this.roster.roleOf(user.organizationId, blocId, year);
    return role === 'leader' || (role === 'deputy' && options.allowDeputy !== false);
  }

  async assertLeader(user: AuthUser, blocId: string, year: number, options: { allowDeputy?: boolean } = {}): Promise<void> {
    if (!(await this.isLeader(user, blocId, year, options))) {
      throw new ForbiddenException(`only staff or the leader of this bloc in ${year} may do this`);
    }
  }

  /** Staff and admin act for any organisation; a unit account only for its own. */
  assertActsFor(user: AuthUser, organizationId: string): void {
    if (user.role === 'admin' || user.role === 'staff') return;
    if (user.organizationId !== organizationId) throw new ForbiddenException('a unit account acts only for its own organization');
  }
}
