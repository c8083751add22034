import type { Account, BlocYearFixture, TestApp, UnitAccount } from '../support/test-app.js';

/** Everyone a route of a bloc year is tried with. */
export interface Actors {
  year: BlocYearFixture;
  admin: Account;
  staff: Account;
  leader: UnitAccount;
  deputy: UnitAccount;
  member: UnitAccount;
  /** Leader of another bloc in the same year. */
  otherLeader: UnitAccount;
  /** A unit whose organisation is in no roster. */
  outsider: UnitAccount;
}

export async function actors(t: TestApp, options: { year?: number; members?: number } = {}): Promise<Actors> {
  const year = await t.newBlocYear(options);
  const other = await t.newBlocYear({ year: year.year, members: 0 });
  return {
    year,
    admin: await t.admin(),
    staff: await t.newAccount('staff'),
    leader: year.leader,
    deputy: year.deputy,
    member: year.members[0],
    otherLeader: other.leader,
    outsider: await t.newUnit(),
  };
}

export const UNKNOWN = '5b0f7d1e-0000-4000-8000-000000000000';
