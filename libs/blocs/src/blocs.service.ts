import { BadRequestException, ConflictException, Injectable, NotFoundException, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import type { RosterRole } from '#app/auth';
import { AuditService, type AuthUser, nameKey, normalizeText, type Page, type PageQuery } from '#app/core';
import { OrganizationsRepository } from '#app/organizations';
import { BlocsRepository, type NewRosterMember } from './blocs.repository.js';
import type { CreateBlocDto, UpdateBlocDto } from './dto/bloc.dto.js';
import type { BlocYearRulesDto, RosterMemberDto } from './dto/roster.dto.js';
import { Bloc } from './entities/bloc.entity.js';
import { DEFAULT_RULES } from './entities/bloc-year.entity.js';
import { type BlocYearRules, type Roster, RosterFreeze } from './roster.js';

export type BlocDetail = Bloc & { years: number[] };

/** The register of blocs and their yearly rosters and rules. */
@Injectable()
export class BlocsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly blocs: BlocsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly audit: AuditService,
    @Optional() private readonly freeze?: RosterFreeze,
  ) {}

  list(page: PageQuery): Promise<Page<Bloc>> {
    return this.blocs.list(page.limit, page.offset);
  }

  async get(id: string): Promise<BlocDetail> {
    const bloc = await this.blocs.findBloc(id);
    if (!bloc) throw new NotFoundException(`bloc ${id} not found`);
    return { ...bloc, years: await this.blocs.yearsOf(id) };
  }

  /** The bloc whose name has the same key, if any (used to make seeds idempotent). */
  findByName(name: string): Promise<Bloc | null> {
    return this.blocs.findBlocByName(nameKey(name));
  }

  create(dto: CreateBlocDto, actor: AuthUser): Promise<Bloc> {
    return this.withUniqueName(() =>
      this.dataSource.transaction(async (manager) => {
        const name = normalizeText(dto.name);
        const { id } = await manager.save(manager.create(Bloc, { name, nameKey: nameKey(name), description: cleanText(dto.description) }));
        const created = await manager.findOneByOrFail(Bloc, { id });
        await this.audit.record(manager, { actorId: actor.id, action: 'bloc.create', entityType: 'bloc', entityId: id, after: created });
        return created;
      }),
    );
  }

  /** Renames or redescribes a bloc. Past years keep the name they were set up with. */
  update(id: string, dto: UpdateBlocDto, actor: AuthUser): Promise<Bloc> {
    return this.withUniqueName(() =>
      this.dataSource.transaction(async (manager) => {
        const before = await manager.findOne(Bloc, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!before) throw new NotFoundException(`bloc ${id} not found`);
        const name = dto.name === undefined ? undefined : normalizeText(dto.name);
        await manager.update(Bloc, { id }, { name, nameKey: name === undefined ? undefined : nameKey(name), description: cleanText(dto.description) });
        const after = await manager.findOneByOrFail(Bloc, { id });
        await this.audit.record(manager, { actorId: actor.id, action: 'bloc.update', entityType: 'bloc', entityId: id, before, after });
        return after;
      }),
    );
  }

  /** The roster of a bloc year; 404 when the bloc or that year's roster does not exist. */
  async getRoster(blocId: string, year: number): Promise<Roster> {
    const roster = await this.blocs.findRoster(blocId, year);
    if (!roster) throw await this.missingYear(blocId, year);
    return roster;
  }

  /**
   * The roster of a bloc year, or null. Inside a transaction, `lock: 'share'` keeps the roster
   * from changing until the caller commits (used when a covenant is opened or signed).
   */
  findRoster(blocId: string, year: number, options: { manager?: EntityManager; lock?: 'share' } = {}): Promise<Roster | null> {
    return this.blocs.findRoster(blocId, year, options);
  }

  async getRules(blocId: string, year: number): Promise<BlocYearRules> {
    return (await this.getRoster(blocId, year)).rules;
  }

  /** The role of an organisation in a bloc year, or null when it is not a member (backs `RosterLookup`). */
  roleOf(organizationId: string, blocId: string, year: number): Promise<RosterRole | null> {
    return this.blocs.roleOf(organizationId, blocId, year);
  }

  /**
   * Replaces a bloc year's roster (and the rules given) in one transaction. Members who stay keep
   * the name they were listed with; members who join are listed under their current name.
   */
  async putRoster(blocId: string, year: number, members: RosterMemberDto[], rules: BlocYearRulesDto | undefined, actor: AuthUser): Promise<Roster> {
    checkComposition(members);
    return this.dataSource.transaction(async (manager) => {
      const bloc = await this.blocs.findBloc(blocId, manager);
      if (!bloc) throw new NotFoundException(`bloc ${blocId} not found`);
      const before = await this.lockOrCreateYear(manager, bloc, year);
      const names = await this.currentNames(manager, members.map((m) => m.organizationId));
      const kept = new Map(before.members.map((m) => [m.organizationId, m.name]));
      await this.assertMembershipMayChange(manager, before, members);
      await this.blocs.replaceMembers(
        manager,
        before.blocYearId,
        members.map((m) => ({ organizationId: m.organizationId, role: m.role, organizationName: kept.get(m.organizationId) ?? names.get(m.organizationId)! })),
      );
      await this.blocs.updateRules(manager, before.blocYearId, { ...before.rules, ...definedOnly(rules) });
      return this.recordRosterChange(manager, 'roster.replace', blocId, year, before, actor);
    });
  }

  /** Starts year `year` from the roster and rules of `fromYear`; 409 when `year` already has members. */
  async copyRoster(blocId: string, year: number, fromYear: number, actor: AuthUser): Promise<Roster> {
    if (year === fromYear) throw new BadRequestException('fromYear must differ from year');
    return this.dataSource.transaction(async (manager) => {
      const source = await this.blocs.findRoster(blocId, fromYear, { manager });
      if (!source) throw await this.missingYear(blocId, fromYear);
      const bloc = (await this.blocs.findBloc(blocId, manager))!;
      const before = await this.lockOrCreateYear(manager, bloc, year);
      if (before.members.length > 0) throw new ConflictException(`the bloc already has a roster for ${year}; change it with PUT`);
      const names = await this.currentNames(manager, source.members.map((m) => m.organizationId));
      const members: NewRosterMember[] = source.members.map((m) => ({ organizationId: m.organizationId, role: m.role, organizationName: names.get(m.organizationId)! }));
      await this.blocs.replaceMembers(manager, before.blocYearId, members);
      await this.blocs.updateRules(manager, before.blocYearId, source.rules);
      return this.recordRosterChange(manager, 'roster.copy', blocId, year, before, actor, { fromYear });
    });
  }

  /** Locks the bloc year for the rest of the transaction, creating it (with default rules) when new. */
  private async lockOrCreateYear(manager: EntityManager, bloc: Bloc, year: number): Promise<Roster> {
    await this.blocs.insertYearIfAbsent(manager, bloc.id, year, bloc.name, DEFAULT_RULES);
    return (await this.blocs.findRoster(bloc.id, year, { manager, lock: 'update' }))!;
  }

  private async currentNames(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    const found = await this.organizations.findByIds(ids, manager);
    const names = new Map(found.map((o) => [o.id, o.name]));
    const missing = ids.filter((id) => !names.has(id));
    if (missing.length > 0) throw new BadRequestException(`organizationId ${missing.join(', ')} does not exist`);
    return names;
  }

  private async assertMembershipMayChange(manager: EntityManager, before: Roster, members: RosterMemberDto[]): Promise<void> {
    const old = new Set(before.members.map((m) => m.organizationId));
    const same = old.size === members.length && members.every((m) => old.has(m.organizationId));
    if (same || !this.freeze) return;
    const reason = await this.freeze.frozenReason(manager, before.blocYearId);
    if (reason) throw new ConflictException(reason);
  }

  private async recordRosterChange(
    manager: EntityManager,
    action: string,
    blocId: string,
    year: number,
    before: Roster,
    actor: AuthUser,
    extra: object = {},
  ): Promise<Roster> {
    const after = (await this.blocs.findRoster(blocId, year, { manager }))!;
    await this.audit.record(manager, {
      actorId: actor.id,
      action,
      entityType: 'bloc_year',
      entityId: after.blocYearId,
      before: before.members.length > 0 ? before : null,
      after: { ...after, ...extra },
    });
    return after;
  }

  private async missingYear(blocId: string, year: number): Promise<NotFoundException> {
    if (!(await this.blocs.findBloc(blocId))) return new NotFoundException(`bloc ${blocId} not found`);
    return new NotFoundException(`bloc ${blocId} has no roster for ${year}`);
  }

  private async withUniqueName<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'UQ_bloc_name_key') {
        throw new ConflictException('a bloc with the same name already exists');
      }
      throw error;
    }
  }
}

/** Exactly one leader, at most one deputy, no organisation twice: what a bloc year needs to work. */
function checkComposition(members: RosterMemberDto[]): void {
  const count = (role: RosterRole) => members.filter((m) => m.role === role).length;
  if (count('leader') !== 1) throw new BadRequestException(`members must have exactly one leader (found ${count('leader')})`);
  if (count('deputy') > 1) throw new BadRequestException(`members may have at most one deputy (found ${count('deputy')})`);
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.organizationId)) throw new BadRequestException(`members lists organization ${m.organizationId} more than once`);
    seen.add(m.organizationId);
  }
}

function definedOnly(rules: BlocYearRulesDto | undefined): Partial<BlocYearRules> {
  return Object.fromEntries(Object.entries(rules ?? {}).filter(([, v]) => v !== undefined));
}

function cleanText(value: string | null | undefined): string | null | undefined {
  // null (sent explicitly) clears the field, like an empty string
  if (value === undefined || value === null) return value;
  const text = normalizeText(value);
  return text === '' ? null : text;
}
