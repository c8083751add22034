import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Covenant } from './entities/covenant.entity.js';
import { CovenantSignature } from './entities/covenant-signature.entity.js';
import { CovenantTarget } from './entities/covenant-target.entity.js';

/** A covenant row with the bloc year it belongs to. */
export type CovenantHead = Covenant & { blocId: string; year: number; blocName: string };

export type HeadKey = { id: string } | { blocId: string; year: number } | { verificationCode: string } | { blocYearId: string };

export type DraftFields = Partial<Pick<Covenant, 'title' | 'theme' | 'preamble' | 'place' | 'signingDate'>>;

export type NewTarget = Omit<CovenantTarget, 'id' | 'covenantId' | 'covenant'>;

@Injectable()
export class CovenantsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** One query; with `lock`, the covenant row (only) stays locked until the transaction ends. */
  async findHead(key: HeadKey, options: { manager?: EntityManager; lock?: boolean } = {}): Promise<CovenantHead | null> {
    const query = (options.manager ?? this.manager).getRepository(Covenant).createQueryBuilder('c').innerJoinAndSelect('c.blocYear', 'y');
    if ('id' in key) query.where('c.id = :id', key);
    else if ('verificationCode' in key) query.where('c.verification_code = :verificationCode', key);
    else if ('blocYearId' in key) query.where('c.bloc_year_id = :blocYearId', key);
    else query.where('y.bloc_id = :blocId AND y.year = :year', key);
    if (options.lock) query.setLock('pessimistic_write', undefined, ['c']);
    const row = await query.getOne();
    if (!row) return null;
    const { blocYear, ...covenant } = row;
    return Object.assign(new Covenant(), covenant, { blocId: blocYear!.blocId, year: blocYear!.year, blocName: blocYear!.blocName });
  }

  targetsOf(covenantId: string, manager: EntityManager = this.manager): Promise<CovenantTarget[]> {
    return manager.find(CovenantTarget, { where: { covenantId }, order: { number: 'ASC' } });
  }

  signaturesOf(covenantId: string, manager: EntityManager = this.manager): Promise<CovenantSignature[]> {
    return manager.find(CovenantSignature, { where: { covenantId }, order: { signedAt: 'ASC', id: 'ASC' } });
  }

  async insertDraft(manager: EntityManager, blocYearId: string, fields: DraftFields & { title: string }): Promise<string> {
    const result = await manager.insert(Covenant, { blocYearId, ...fields, status: 'draft', version: 1 });
    return (result.identifiers[0] as { id: string }).id;
  }

  async replaceTargets(manager: EntityManager, covenantId: string, targets: NewTarget[]): Promise<void> {
    await manager.delete(CovenantTarget, { covenantId });
    await manager.insert(
      CovenantTarget,
      targets.map((t) => ({ ...t, covenantId })),
    );
  }

  /** The optimistic lock: changes the draft only if it is still at `version`. False when nothing changed. */
  async updateDraft(manager: EntityManager, id: string, version: number, fields: DraftFields): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Covenant)
      .set({ ...fields, version: () => 'version + 1' })
      .where(`id = :id AND version = :version AND status = 'draft'`, { id, version })
      .execute();
    return result.affected === 1;
  }

  async openForSigning(manager: EntityManager, id: string, contentHash: string, verificationCode: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Covenant)
      .set({ status: 'signing', contentHash, verificationCode, openedAt: () => 'now()', version: () => 'version + 1' })
      .where(`id = :id AND status = 'draft'`, { id })
      .execute();
    return result.affected === 1;
  }

  /** Turns a covenant in force once: only a covenant still in `signing` changes. */
  async putInForce(manager: EntityManager, id: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Covenant)
      .set({
        status: 'in_force',
        inForceAt: () => `(SELECT max(s.signed_at) FROM covenant_signature s WHERE s.covenant_id = :id AND s.role = 'member')`,
        version: () => 'version + 1',
      })
      .where(`id = :id AND status = 'signing'`, { id })
      .execute();
    return result.affected === 1;
  }

  hasSigned(manager: EntityManager, covenantId: string, organizationId: string): Promise<boolean> {
    return manager.existsBy(CovenantSignature, { covenantId, organizationId });
  }

  async insertSignature(manager: EntityManager, signature: Omit<CovenantSignature, 'id' | 'covenant' | 'organization' | 'recordedBy'>): Promise<CovenantSignature> {
    const result = await manager.insert(CovenantSignature, signature);
    return manager.findOneByOrFail(CovenantSignature, { id: (result.identifiers[0] as { id: string }).id });
  }

  async memberSignatureOrganizations(manager: EntityManager, covenantId: string): Promise<Set<string>> {
    const rows = await manager.find(CovenantSignature, { select: { organizationId: true }, where: { covenantId, role: 'member' } });
    return new Set(rows.map((r) => r.organizationId));
  }
}
