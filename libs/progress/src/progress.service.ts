import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BlocYearAccess } from '#app/auth';
import { BlocsService } from '#app/blocs';
import { AuditService, type AuthUser, normalizeText } from '#app/core';
import { CovenantsService } from '#app/covenants';
import type { CreateProgressReportDto } from './dto/progress-report.dto.js';
import { ProgressReader, type ProgressReportView } from './progress.reader.js';
import { ProgressRepository } from './progress.repository.js';

@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly covenants: CovenantsService,
    private readonly blocs: BlocsService,
    private readonly access: BlocYearAccess,
    private readonly audit: AuditService,
    private readonly progress: ProgressRepository,
    private readonly reader: ProgressReader,
  ) {}

  /**
   * Records a member's report for a period on an in-force covenant. A report for an organisation
   * and period that already has one becomes the current one with the next revision; the earlier
   * ones are kept as they were.
   */
  async submit(covenantId: string, dto: CreateProgressReportDto, actor: AuthUser): Promise<ProgressReportView> {
    this.access.assertActsFor(actor, dto.organizationId);
    const id = await this.dataSource.transaction(async (manager) => {
      const covenant = await this.covenants.getView(covenantId, manager);
      const roster = await this.blocs.findRoster(covenant.blocId, covenant.year, { manager });
      if (!roster?.members.some((m) => m.organizationId === dto.organizationId)) {
        const message = `organization ${dto.organizationId} is not a member of this bloc in ${covenant.year}`;
        throw actor.role === 'unit' ? new ForbiddenException(message) : new BadRequestException(message);
      }
      if (covenant.status !== 'in_force') throw new ConflictException(`progress is reported on a covenant in force; this one is ${covenant.status}`);
      const targets = new Set(covenant.targets.map((t) => t.id));
      const problems: string[] = [];
      dto.entries.forEach((e, i) => {
        if (!targets.has(e.targetId)) problems.push(`entries.${i}.targetId ${e.targetId} is not a target of this covenant`);
        else if (dto.entries.findIndex((other) => other.targetId === e.targetId) !== i) problems.push(`entries.${i}.targetId ${e.targetId} appears twice`);
      });
      if (problems.length > 0) throw new BadRequestException(problems);

      await this.progress.lockSlot(manager, covenantId, dto.organizationId, dto.period);
      const previous = await this.progress.latest(manager, covenantId, dto.organizationId, dto.period);
      const entries = dto.entries.map((e) => ({
        targetId: e.targetId,
        actualValue: e.actualValue ?? null,
        status: e.status ?? null,
        note: e.note == null ? null : normalizeText(e.note),
      }));
      const report = { covenantId, organizationId: dto.organizationId, period: dto.period, revision: (previous?.revision ?? 0) + 1, submittedById: actor.id };
      const id = await this.progress.insert(manager, report, entries);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: previous ? 'progress_report.replace' : 'progress_report.submit',
        entityType: 'progress_report',
        entityId: id,
        before: previous ? { reportId: previous.id, revision: previous.revision } : undefined,
        after: { ...report, entries },
      });
      return id;
    });
    return this.reader.report(id);
  }
}
