import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { BlocYearAccess } from '#app/auth';
import { BlocsService } from '#app/blocs';
import { AuditService, type AuthUser, normalizeText } from '#app/core';
import { OrganizationsRepository } from '#app/organizations';
import type { CovenantStatus } from './entities/covenant.entity.js';
import type { CovenantSignatureView } from './covenant-view.js';
import { CovenantsRepository } from './covenants.repository.js';
import type { SignCovenantDto } from './dto/signature.dto.js';

/** How far in the future a recorded signing time may lie (clock skew between replicas and clients). */
const CLOCK_SKEW_MS = 5 * 60_000;

export type SignatureReceipt = CovenantSignatureView & { covenantId: string; covenantStatus: CovenantStatus };

/**
 * Records signatures. Each runs in one transaction holding the covenant's row lock, so that
 * signatures of one covenant are applied one after another: the signature that completes the
 * roster turns the covenant `in_force` in that same transaction, exactly once.
 */
@Injectable()
export class CovenantSigningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly covenants: CovenantsRepository,
    private readonly blocs: BlocsService,
    private readonly organizations: OrganizationsRepository,
    private readonly access: BlocYearAccess,
    private readonly audit: AuditService,
  ) {}

  async sign(covenantId: string, dto: SignCovenantDto, actor: AuthUser): Promise<SignatureReceipt> {
    this.access.assertActsFor(actor, dto.organizationId);
    const signedAt = this.signingTime(dto, actor);
    const role = dto.role ?? 'member';
    try {
      return await this.dataSource.transaction(async (manager) => {
        const head = await this.covenants.findHead({ id: covenantId }, { manager, lock: true });
        if (!head) throw new NotFoundException(`covenant ${covenantId} not found`);
        if (head.status !== 'signing') throw new ConflictException(`covenant ${covenantId} is ${head.status}, not open for signing`);
        if (dto.contentHash.toLowerCase() !== head.contentHash) {
          throw new ConflictException('contentHash differs from the covenant: reload it and sign the content it has now');
        }
        // A shared lock on the bloc year: its roster cannot change before this signature commits.
        const roster = (await this.blocs.findRoster(head.blocId, head.year, { manager, lock: 'share' }))!;
        const member = roster.members.find((m) => m.organizationId === dto.organizationId);
        if (role === 'member' && !member) {
          throw new BadRequestException(`organization ${dto.organizationId} is not in the ${head.year} roster of this bloc; an outside organisation signs as a witness`);
        }
        if (role === 'witness' && member) throw new BadRequestException(`organization ${dto.organizationId} is in the roster and signs as a member`);
        if (await this.covenants.hasSigned(manager, covenantId, dto.organizationId)) {
          throw new ConflictException(`organization ${dto.organizationId} has already signed this covenant`);
        }
        const organizationName = member?.name ?? (await this.organizations.findById(dto.organizationId, manager))?.name;
        if (!organizationName) throw new BadRequestException(`organizationId ${dto.organizationId} does not exist`);

        const signature = await this.covenants.insertSignature(manager, {
          covenantId,
          organizationId: dto.organizationId,
          organizationName,
          role,
          signerName: normalizeText(dto.signerName),
          signerTitle: normalizeText(dto.signerTitle),
          contentHash: head.contentHash!,
          signedAt,
          recordedById: actor.id,
        });
        await this.audit.record(manager, { actorId: actor.id, action: 'covenant.sign', entityType: 'covenant', entityId: covenantId, after: signature });

        let status: CovenantStatus = head.status;
        const signedMembers = await this.covenants.memberSignatureOrganizations(manager, covenantId);
        if (role === 'member' && roster.members.every((m) => signedMembers.has(m.organizationId)) && (await this.covenants.putInForce(manager, covenantId))) {
          status = 'in_force';
          const after = (await this.covenants.findHead({ id: covenantId }, { manager }))!;
          await this.audit.record(manager, {
            actorId: actor.id,
            action: 'covenant.in_force',
            entityType: 'covenant',
            entityId: covenantId,
            before: { status: head.status, version: head.version },
            after: { status: after.status, version: after.version, inForceAt: after.inForceAt },
          });
        }
        return {
          covenantId,
          covenantStatus: status,
          organizationId: signature.organizationId,
          organizationName: signature.organizationName,
          signerName: signature.signerName,
          signerTitle: signature.signerTitle,
          role: signature.role,
          rosterRole: member?.role ?? null,
          contentHash: signature.contentHash,
          signedAt: signature.signedAt,
        };
      });
    } catch (error) {
      // The constraint is the last word when two requests for one organisation race.
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'UQ_covenant_signature_organization') {
        throw new ConflictException(`organization ${dto.organizationId} has already signed this covenant`);
      }
      throw error;
    }
  }

  /** Now, or, for staff recording a signature made on paper, the time it was made. */
  private signingTime(dto: SignCovenantDto, actor: AuthUser): Date {
    if (dto.signedAt === undefined) return new Date();
    if (actor.role === 'unit') throw new ForbiddenException('only staff may record when an earlier signature was made (signedAt)');
    const at = new Date(dto.signedAt);
    if (Number.isNaN(at.getTime())) throw new BadRequestException('signedAt must be an ISO 8601 instant');
    if (at.getTime() > Date.now() + CLOCK_SKEW_MS) throw new BadRequestException('signedAt must not be in the future');
    return at;
  }
}
