import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { RosterLookup } from '#app/auth';
import { AppConfig, AuditService, type AuthUser, generateVerificationCode, normalizeText, type Page } from '#app/core';
import { type AwardCertificate, DocumentRenderer } from '#app/documents';
import { OrganizationsRepository } from '#app/organizations';
import { awardContentHash } from './award-content.js';
import { type AwardFilter, AwardsRepository, type AwardWithType } from './awards.repository.js';
import type { CertificatesQuery, CreateAwardDto } from './dto/award.dto.js';
import type { AwardType } from './entities/award-type.entity.js';
import { Award } from './entities/award.entity.js';

/** An award as the API shows it. */
export interface AwardView {
  id: string;
  year: number;
  awardTypeCode: string;
  awardTypeName: string;
  organizationId: string;
  recipientName: string;
  blocId: string | null;
  citation: string;
  decisionNumber: string;
  decisionDate: string;
  issuerTitle: string;
  signerTitle: string;
  signerName: string;
  place: string | null;
  goldenBookNumber: string | null;
  verificationCode: string;
  verificationUrl: string;
  contentHash: string;
  createdAt: Date;
}

@Injectable()
export class AwardsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly awards: AwardsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly roster: RosterLookup,
    private readonly audit: AuditService,
    private readonly renderer: DocumentRenderer,
    private readonly config: AppConfig,
  ) {}

  async awardTypes(): Promise<Page<AwardType>> {
    const items = await this.awards.awardTypes();
    return { items, total: items.length };
  }

  async list(filter: AwardFilter, limit: number, offset: number): Promise<Page<AwardView>> {
    const page = await this.awards.list(filter, limit, offset);
    return { items: page.items.map((a) => this.view(a)), total: page.total };
  }

  /** Every matching award, in print order (for reports; lists use `list`). */
  async all(filter: AwardFilter): Promise<AwardView[]> {
    const out: AwardView[] = [];
    for await (const award of this.awards.each(filter)) out.push(this.view(award));
    return out;
  }

  async get(id: string): Promise<AwardView> {
    return this.view(await this.found(id));
  }

  async create(dto: CreateAwardDto, actor: AuthUser): Promise<AwardView> {
    try {
      const id = await this.dataSource.transaction(async (manager) => {
        const type = await this.awards.findType(dto.awardTypeCode, manager);
        if (!type) throw new BadRequestException(`awardTypeCode ${dto.awardTypeCode} is not an award type (see GET /api/award-types)`);
        const organization = await this.organizations.findById(dto.organizationId, manager);
        if (!organization) throw new BadRequestException(`organizationId ${dto.organizationId} is not an organization`);
        if (dto.blocId && !(await this.roster.roleOf(organization.id, dto.blocId, dto.year))) {
          throw new BadRequestException(`organizationId is not in the roster of bloc ${dto.blocId} for ${dto.year}`);
        }

        const award = manager.create(Award, {
          id: randomUUID(),
          year: dto.year,
          awardTypeCode: type.code,
          organizationId: organization.id,
          recipientName: organization.name,
          blocId: dto.blocId ?? null,
          citation: normalizeText(dto.citation),
          decisionNumber: normalizeText(dto.decisionNumber),
          decisionDate: dto.decisionDate,
          issuerTitle: normalizeText(dto.issuerTitle),
          signerTitle: normalizeText(dto.signerTitle),
          signerName: normalizeText(dto.signerName),
          place: dto.place ? normalizeText(dto.place) : null,
          goldenBookNumber: dto.goldenBookNumber ? normalizeText(dto.goldenBookNumber) : null,
          verificationCode: generateVerificationCode(),
        });
        // The hash is taken from the very values stored, in the same transaction.
        award.contentHash = awardContentHash(award);
        await manager.insert(Award, award);
        await this.audit.record(manager, { actorId: actor.id, action: 'award.create', entityType: 'award', entityId: award.id, after: award });
        return award.id;
      });
      return this.get(id);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'UQ_award_type_organization_year') {
        throw new ConflictException(`this organization already has a ${dto.awardTypeCode} award for ${dto.year}`);
      }
      throw error;
    }
  }

  async certificate(id: string): Promise<Buffer> {
    return this.renderer.certificate(this.certificateOf(await this.found(id)));
  }

  /**
   * Checks the request and counts the awards before anything is sent, so that a bad request is a
   * clean 4xx; then returns the function that streams the PDF to the response.
   */
  async certificates(query: CertificatesQuery): Promise<(out: Writable) => Promise<number>> {
    if (query.year === undefined && query.blocId === undefined) throw new BadRequestException('give year, blocId or both');
    const filter: AwardFilter = { year: query.year, blocId: query.blocId };
    const { count, latest } = await this.awards.summary(filter);
    if (count === 0) throw new NotFoundException('no award matches');
    const identity = {
      key: `awards:${query.year ?? '*'}:${query.blocId ?? '*'}:${count}`,
      date: latest ?? new Date(0),
      title: `Bằng khen, giấy khen${query.year ? ` năm ${query.year}` : ''}`,
    };
    const awards = this.awards.each(filter);
    const certificateOf = this.certificateOf.bind(this);
    async function* certificates(): AsyncGenerator<AwardCertificate> {
      for await (const award of awards) yield certificateOf(award);
    }
    return (out) => this.renderer.certificates(identity, certificates(), out);
  }

  verificationUrl(code: string): string {
    return `${this.config.PUBLIC_BASE_URL.replace(/\/+$/, '')}/api/verify/${code}`;
  }

  private async found(id: string): Promise<AwardWithType> {
    const award = await this.awards.findById(id);
    if (!award) throw new NotFoundException(`award ${id} not found`);
    return award;
  }

  private certificateOf(a: AwardWithType): AwardCertificate {
    return {
      id: a.id,
      issuedAt: a.createdAt,
      issuerTitle: a.issuerTitle,
      awardName: a.awardType.name,
      recipient: a.recipientName,
      citation: a.citation,
      decisionNumber: a.decisionNumber,
      decisionDate: a.decisionDate,
      goldenBookNumber: a.goldenBookNumber,
      place: a.place,
      signerTitle: a.signerTitle,
      signerName: a.signerName,
      verification: { code: a.verificationCode, url: this.verificationUrl(a.verificationCode) },
    };
  }

  private view(a: AwardWithType): AwardView {
    return {
      id: a.id,
      year: a.year,
      awardTypeCode: a.awardTypeCode,
      awardTypeName: a.awardType.name,
      organizationId: a.organizationId,
      recipientName: a.recipientName,
      blocId: a.blocId,
      citation: a.citation,
      decisionNumber: a.decisionNumber,
      decisionDate: a.decisionDate,
      issuerTitle: a.issuerTitle,
      signerTitle: a.signerTitle,
      signerName: a.signerName,
      place: a.place,
      goldenBookNumber: a.goldenBookNumber,
      verificationCode: a.verificationCode,
      verificationUrl: this.verificationUrl(a.verificationCode),
      contentHash: a.contentHash,
      createdAt: a.createdAt,
    };
  }
}
