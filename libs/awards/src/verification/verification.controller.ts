import { Controller, Get, Header, Ip, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '#app/core';
import { VerificationService } from './verification.service.js';

@ApiTags('verification')
@Controller('verify')
export class VerificationController {
  constructor(private readonly verification: VerificationService) {}

  /** Public: what a printed code or QR certifies, while the stored record still matches it. */
  @Public()
  @Get(':code')
  @Header('Cache-Control', 'no-store')
  verify(@Param('code') code: string, @Ip() address: string) {
    return this.verification.verify(code.slice(0, 64), address);
  }
}
