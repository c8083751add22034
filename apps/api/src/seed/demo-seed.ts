import type { INestApplicationContext } from '@nestjs/common';
import { type AuthUser, nameKey } from '#app/core';
import { UsersService } from '#app/auth';
import { BlocsService } from '#app/blocs';
import { CovenantSigningService, CovenantsService, type CovenantView } from '#app/covenants';
import { OrganizationsService } from '#app/organizations';
import {
  DEMO_BLOC,
  DEMO_COVENANT_2023,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD_DEFAULT,
  DEMO_ROSTERS,
  DEMO_SIGNED_AT,
  DEMO_STAFF,
  DEMO_WITNESS,
  type DemoOrgKey,
} from './demo-data.js';

export interface DemoSeedResult {
  blocId: string;
  organizations: Record<DemoOrgKey, string>;
  covenant: CovenantView;
  /** The demo accounts and whether this run created them (an existing account keeps its password). */
  accounts: { username: string; role: 'staff' | 'unit'; organization?: string; created: boolean }[];
  password: string;
  /** What this run created or changed; empty when everything was already there. */
  changes: string[];
}

/**
 * Loads the demo bloc through the services (validation, audit rows and all), looking every record up
 * before creating it, so that running it again changes nothing. A run interrupted half-way resumes.
 */
export async function seedDemo(app: INestApplicationContext, options: { password?: string } = {}): Promise<DemoSeedResult> {
  const password = options.password ?? DEMO_PASSWORD_DEFAULT;
  const users = app.get(UsersService);
  const organizations = app.get(OrganizationsService);
  const blocs = app.get(BlocsService);
  const covenants = app.get(CovenantsService);
  const signing = app.get(CovenantSigningService);
  const changes: string[] = [];
  const accounts: DemoSeedResult['accounts'] = [];

  const staffUser = await ensureUser(users, { username: DEMO_STAFF.username, password, fullName: DEMO_STAFF.fullName, role: 'staff' }, null, accounts, changes);
  const staff: AuthUser = { id: staffUser.id, username: staffUser.username, role: 'staff', organizationId: null };

  const orgIds = {} as Record<DemoOrgKey, string>;
  for (const org of DEMO_ORGANIZATIONS) {
    const found = (await organizations.list({ q: org.name, limit: 500, offset: 0 })).items.find((o) => nameKey(o.name) === nameKey(org.name));
    if (found) orgIds[org.key] = found.id;
    else {
      orgIds[org.key] = (await organizations.create({ name: org.name, shortName: org.shortName, headTitle: org.headTitle, headName: org.headName }, staff)).id;
      changes.push(`organization "${org.name}"`);
    }
    await ensureUser(users, { username: org.username, password, fullName: `${org.headName} (${org.name})`, role: 'unit', organizationId: orgIds[org.key] }, org.name, accounts, changes);
  }

  let bloc = await blocs.findByName(DEMO_BLOC.name);
  if (!bloc) {
    bloc = await blocs.create(DEMO_BLOC, staff);
    changes.push(`bloc "${DEMO_BLOC.name}"`);
  }

  for (const roster of DEMO_ROSTERS) {
    if (await blocs.findRoster(bloc.id, roster.year)) continue;
    await blocs.putRoster(bloc.id, roster.year, roster.members.map((m) => ({ organizationId: orgIds[m.org], role: m.role })), undefined, staff);
    changes.push(`roster ${roster.year}`);
  }

  const { year, ...draft } = DEMO_COVENANT_2023;
  let covenant = await covenants.findForBlocYear(bloc.id, year);
  if (!covenant) {
    covenant = await covenants.create(bloc.id, year, draft, staff);
    changes.push(`covenant ${year} (draft)`);
  }
  if (covenant.status === 'draft') {
    covenant = await covenants.openForSigning(covenant.id, staff);
    changes.push(`covenant ${year} opened for signing (hash ${covenant.contentHash})`);
  }
  if (covenant.status === 'signing') {
    // The signatures were made on paper at the meeting: staff records them with the day they were made.
    const byKey = new Map(DEMO_ORGANIZATIONS.map((o) => [o.key, o]));
    const rosterOrder = DEMO_ROSTERS.find((r) => r.year === year)!.members.map((m) => m.org);
    const signers = [
      { org: DEMO_WITNESS.org, role: 'witness' as const, signerName: DEMO_WITNESS.signerName, signerTitle: DEMO_WITNESS.signerTitle },
      ...rosterOrder.map((org) => ({ org, role: 'member' as const, signerName: byKey.get(org)!.headName, signerTitle: byKey.get(org)!.headTitle })),
    ];
    const signed = new Set(covenant.signatures.map((s) => s.organizationId));
    for (const s of signers) {
      if (signed.has(orgIds[s.org])) continue;
      await signing.sign(
        covenant.id,
        { organizationId: orgIds[s.org], signerName: s.signerName, signerTitle: s.signerTitle, role: s.role, contentHash: covenant.contentHash!, signedAt: DEMO_SIGNED_AT },
        staff,
      );
      changes.push(`signature of ${byKey.get(s.org)!.name} (${s.role})`);
    }
    covenant = await covenants.getView(covenant.id);
  }

  return { blocId: bloc.id, organizations: orgIds, covenant, accounts, password, changes };
}

async function ensureUser(
  users: UsersService,
  dto: Parameters<UsersService['create']>[0],
  organization: string | null,
  accounts: DemoSeedResult['accounts'],
  changes: string[],
): Promise<{ id: string; username: string }> {
  const existing = await users.findForLogin(dto.username);
  const user = existing ?? (await users.create(dto, null));
  if (!existing) changes.push(`account ${dto.username}`);
  accounts.push({ username: dto.username, role: dto.role as 'staff' | 'unit', organization: organization ?? undefined, created: !existing });
  return user;
}
