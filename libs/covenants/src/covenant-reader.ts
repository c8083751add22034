import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BlocsService } from '#app/blocs';
import { CovenantsRepository, type CovenantHead, type HeadKey } from './covenants.repository.js';
import type { CovenantView } from './covenant-view.js';
import type { CovenantSignature } from './entities/covenant-signature.entity.js';

/**
 * Builds the covenant read model in a fixed number of queries (covenant, targets, signatures,
 * and the roster's two), however many targets and members it has.
 */
@Injectable()
export class CovenantReader {
  constructor(
    private readonly covenants: CovenantsRepository,
    private readonly blocs: BlocsService,
  ) {}

  async find(key: HeadKey, manager?: EntityManager): Promise<CovenantView | null> {
    const head = await this.covenants.findHead(key, { manager });
    return head ? this.complete(head, manager) : null;
  }

  async complete(head: CovenantHead, manager?: EntityManager): Promise<CovenantView> {
    const targets = await this.covenants.targetsOf(head.id, manager);
    const signatures = await this.covenants.signaturesOf(head.id, manager);
    const roster = await this.blocs.findRoster(head.blocId, head.year, { manager });
    const members = roster?.members ?? [];
    const position = new Map(members.map((m, i) => [m.organizationId, i]));
    const roleOf = new Map(members.map((m) => [m.organizationId, m.role]));
    const signed = new Set(signatures.map((s) => s.organizationId));
    const order = (s: CovenantSignature) => position.get(s.organizationId) ?? members.length + 1;
    return {
      id: head.id,
      blocId: head.blocId,
      blocName: head.blocName,
      year: head.year,
      title: head.title,
      theme: head.theme,
      preamble: head.preamble,
      place: head.place,
      signingDate: head.signingDate,
      status: head.status,
      version: head.version,
      contentHash: head.contentHash,
      verificationCode: head.verificationCode,
      openedAt: head.openedAt,
      inForceAt: head.inForceAt,
      createdAt: head.createdAt,
      updatedAt: head.updatedAt,
      targets: targets.map((t) => ({
        id: t.id,
        number: t.number,
        title: t.title,
        description: t.description,
        movement: t.movement,
        indicator: t.indicatorUnit === null || t.targetValue === null ? null : { unit: t.indicatorUnit, targetValue: t.targetValue, baseline: t.baseline },
      })),
      // Roster order is leader, deputy, members: a stable sort on it puts witnesses (not in the roster) last.
      signatures: [...signatures]
        .sort((a, b) => order(a) - order(b))
        .map((s) => ({
          organizationId: s.organizationId,
          organizationName: s.organizationName,
          signerName: s.signerName,
          signerTitle: s.signerTitle,
          role: s.role,
          rosterRole: roleOf.get(s.organizationId) ?? null,
          contentHash: s.contentHash,
          signedAt: s.signedAt,
        })),
      awaiting: members
        .filter((m) => !signed.has(m.organizationId))
        .map((m) => ({ organizationId: m.organizationId, name: m.name, role: m.role })),
    };
  }
}
