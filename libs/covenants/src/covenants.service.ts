import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { BlocYearAccess } from '#app/auth';
import { BlocsService } from '#app/blocs';
import { AuditService, type AuthUser, generateVerificationCode, normalizeText, normalizeVerificationCode } from '#app/core';
import { covenantContentHash } from './content-hash.js';
import { CovenantReader } from './covenant-reader.js';
import type { CovenantView } from './covenant-view.js';
import { CovenantsRepository, type DraftFields, type NewTarget } from './covenants.repository.js';
import type { CreateCovenantDto, TargetDto, UpdateCovenantDto } from './dto/covenant.dto.js';

/** Covenant drafts, their edits, opening for signing, and the read model other libraries use. */
@Injectable()
export class CovenantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly covenants: CovenantsRepository,
    private readonly reader: CovenantReader,
    private readonly blocs: BlocsService,
    private readonly access: BlocYearAccess,
    private readonly audit: AuditService,
  ) {}

  /** The covenant with its targets and signatures; 404 when unknown. */
  async getView(id: string, manager?: EntityManager): Promise<CovenantView> {
    const view = await this.reader.find({ id }, manager);
    if (!view) throw new NotFoundException(`covenant ${id} not found`);
    return view;
  }

  /** The covenant of a bloc year, or null when it has none. */
  findForBlocYear(blocId: string, year: number, manager?: EntityManager): Promise<CovenantView | null> {
    return this.reader.find({ blocId, year }, manager);
  }

  async getForBlocYear(blocId: string, year: number): Promise<CovenantView> {
    const view = await this.findForBlocYear(blocId, year);
    if (view) return view;
    await this.blocs.get(blocId); // 404 for an unknown bloc
    throw new NotFoundException(`bloc ${blocId} has no covenant for ${year}`);
  }

  /**
   * Looks a covenant up by the code printed on it, and says whether its stored content still
   * hashes to the hash it was opened (and signed) with. Null for a code never issued.
   */
  async verifyByCode(code: string): Promise<{ covenant: CovenantView; contentMatches: boolean } | null> {
    const normalized = normalizeVerificationCode(code);
    const covenant = normalized ? await this.reader.find({ verificationCode: normalized }) : null;
    if (!covenant?.contentHash) return null;
    return { covenant, contentMatches: covenantContentHash(covenant) === covenant.contentHash };
  }

  async create(blocId: string, year: number, dto: CreateCovenantDto, actor: AuthUser): Promise<CovenantView> {
    await this.access.assertLeader(actor, blocId, year, { allowDeputy: false });
    try {
      return await this.dataSource.transaction(async (manager) => {
        const roster = await this.blocs.findRoster(blocId, year, { manager });
        if (!roster) {
          await this.blocs.get(blocId);
          throw new BadRequestException(`bloc ${blocId} has no roster for ${year}: set the roster before drafting its covenant`);
        }
        const id = await this.covenants.insertDraft(manager, roster.blocYearId, { ...draftFields(dto), title: normalizeText(dto.title) });
        await this.covenants.replaceTargets(manager, id, numbered(dto.targets));
        const created = await this.getView(id, manager);
        await this.audit.record(manager, { actorId: actor.id, action: 'covenant.create', entityType: 'covenant', entityId: id, after: created });
        return created;
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'UQ_covenant_bloc_year') {
        throw new ConflictException(`bloc ${blocId} already has a covenant for ${year}`);
      }
      throw error;
    }
  }

  /** Edits a draft made from `dto.version`: a conditional update, so of two edits from the same version one wins. */
  async update(id: string, dto: UpdateCovenantDto, actor: AuthUser): Promise<CovenantView> {
    await this.assertLeaderOf(id, actor);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.getView(id, manager);
      if (!(await this.covenants.updateDraft(manager, id, dto.version, draftFields(dto)))) {
        const current = await this.covenants.findHead({ id }, { manager });
        if (current && current.status !== 'draft') throw new ConflictException(`covenant ${id} is ${current.status} and can no longer change`);
        throw new ConflictException(`version ${dto.version} is stale: the covenant is at version ${current?.version}; reload it and edit again`);
      }
      if (dto.targets) await this.covenants.replaceTargets(manager, id, numbered(dto.targets));
      const after = await this.getView(id, manager);
      await this.audit.record(manager, { actorId: actor.id, action: 'covenant.update', entityType: 'covenant', entityId: id, before, after });
      return after;
    });
  }

  /** Freezes the content: from now on it is identified by the SHA-256 of its canonical form. */
  async openForSigning(id: string, actor: AuthUser): Promise<CovenantView> {
    await this.assertLeaderOf(id, actor);
    return this.dataSource.transaction(async (manager) => {
      const head = await this.covenants.findHead({ id }, { manager, lock: true });
      if (!head) throw new NotFoundException(`covenant ${id} not found`);
      if (head.status !== 'draft') throw new ConflictException(`covenant ${id} is already ${head.status}`);
      const contentHash = covenantContentHash(await this.reader.complete(head, manager));
      await this.covenants.openForSigning(manager, id, contentHash, generateVerificationCode());
      const after = await this.getView(id, manager);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'covenant.open',
        entityType: 'covenant',
        entityId: id,
        before: { status: head.status, version: head.version },
        after: { status: after.status, version: after.version, contentHash: after.contentHash, verificationCode: after.verificationCode },
      });
      return after;
    });
  }

  private async assertLeaderOf(id: string, actor: AuthUser): Promise<void> {
    const head = await this.covenants.findHead({ id });
    if (!head) throw new NotFoundException(`covenant ${id} not found`);
    await this.access.assertLeader(actor, head.blocId, head.year, { allowDeputy: false });
  }
}

function optionalText(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const text = normalizeText(value);
  return text === '' ? null : text;
}

function draftFields(dto: Partial<CreateCovenantDto>): DraftFields {
  const fields: DraftFields = {
    title: dto.title === undefined ? undefined : normalizeText(dto.title),
    theme: optionalText(dto.theme),
    preamble: optionalText(dto.preamble),
    place: optionalText(dto.place),
    signingDate: dto.signingDate,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

function numbered(targets: TargetDto[]): NewTarget[] {
  return targets.map((t, i) => ({
    number: i + 1,
    title: normalizeText(t.title),
    description: optionalText(t.description) ?? null,
    movement: optionalText(t.movement) ?? null,
    indicatorUnit: t.indicator ? normalizeText(t.indicator.unit) : null,
    targetValue: t.indicator?.targetValue ?? null,
    baseline: t.indicator?.baseline ?? null,
  }));
}
