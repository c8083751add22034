import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsNotBlank } from '#app/core';
import { SIGNATURE_ROLES, type SignatureRole } from '../entities/covenant-signature.entity.js';

export class SignCovenantDto {
  @ApiProperty({ format: 'uuid', description: 'the signing organisation; a unit account signs only for its own' })
  @IsUUID('all')
  organizationId: string;

  @ApiProperty({ example: 'Vũ Văn Cung', maxLength: 1000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  signerName: string;

  @ApiProperty({ example: 'Phó Chủ tịch thường trực', maxLength: 1000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  signerTitle: string;

  @ApiProperty({ description: 'the contentHash of the covenant the signer read (64 hex digits)' })
  @IsString()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'contentHash must be 64 hexadecimal digits (SHA-256)' })
  contentHash: string;

  @ApiPropertyOptional({ enum: SIGNATURE_ROLES, default: 'member', description: 'witnesses need not be in the roster' })
  @IsOptional()
  @IsIn(SIGNATURE_ROLES)
  role?: SignatureRole;

  @ApiPropertyOptional({ format: 'date-time', description: 'staff only: when a signature made on paper was made (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'signedAt must be an ISO 8601 instant' })
  signedAt?: string;
}
