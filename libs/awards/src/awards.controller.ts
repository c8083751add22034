import { PassThrough } from 'node:stream';
import { Body, Controller, Get, Logger, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles, UuidParam } from '#app/core';
import { AwardsService } from './awards.service.js';
import { AwardQuery, CertificatesQuery, CreateAwardDto } from './dto/award.dto.js';

const PDF = 'application/pdf';

@ApiTags('awards')
@ApiBearerAuth()
@Controller()
export class AwardsController {
  private readonly logger = new Logger('Awards');

  constructor(private readonly awards: AwardsService) {}

  @Get('award-types')
  awardTypes() {
    return this.awards.awardTypes();
  }

  @Post('awards')
  @Roles('staff')
  create(@Body() dto: CreateAwardDto, @CurrentUser() user: AuthUser) {
    return this.awards.create(dto, user);
  }

  @Get('awards')
  list(@Query() query: AwardQuery) {
    return this.awards.list({ year: query.year, blocId: query.blocId, organizationId: query.organizationId }, query.limit, query.offset);
  }

  /** Every certificate of a year and/or bloc in one PDF, streamed page by page. */
  @Get('awards/certificates.pdf')
  @Roles('staff')
  @ApiProduces(PDF)
  async certificates(@Query() query: CertificatesQuery): Promise<StreamableFile> {
    const print = await this.awards.certificates(query);
    const out = new PassThrough();
    print(out).then(
      () => out.end(),
      (error: unknown) => {
        // Headers are gone already: all that is left is to cut the response short.
        this.logger.error(`certificate batch failed: ${error instanceof Error ? error.message : String(error)}`);
        out.destroy(error instanceof Error ? error : new Error(String(error)));
      },
    );
    const name = `giay-khen-${query.year ?? 'tat-ca'}${query.blocId ? `-${query.blocId}` : ''}.pdf`;
    return new StreamableFile(out, { type: PDF, disposition: `inline; filename="${name}"` });
  }

  @Get('awards/:id')
  get(@UuidParam('id') id: string) {
    return this.awards.get(id);
  }

  @Get('awards/:id/certificate.pdf')
  @ApiProduces(PDF)
  async certificate(@UuidParam('id') id: string): Promise<StreamableFile> {
    return new StreamableFile(await this.awards.certificate(id), { type: PDF, disposition: `inline; filename="award-${id}.pdf"` });
  }
}
