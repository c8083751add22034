import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsNotBlank, PageQuery } from '#app/core';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateAwardDto {
  @ApiProperty({ example: 2023, minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ example: 'BANG_KHEN_TINH', description: 'a code of GET /api/award-types', maxLength: 50 })
  @IsString()
  @IsNotBlank()
  @MaxLength(50)
  awardTypeCode: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organizationId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the bloc in which the organisation earned the award; it must be in that bloc’s roster for the year' })
  @IsOptional()
  @IsUUID()
  blocId?: string;

  @ApiProperty({ example: 'Đã có thành tích xuất sắc trong phong trào thi đua năm 2023', maxLength: 20000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(20000)
  citation: string;

  @ApiProperty({ example: '125/QĐ-UBND', maxLength: 100 })
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  decisionNumber: string;

  @ApiProperty({ example: '2024-01-15', format: 'date' })
  @Matches(ISO_DATE, { message: 'decisionDate must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'decisionDate must be a valid date' })
  decisionDate: string;

  @ApiProperty({ example: 'Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh', maxLength: 1000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  issuerTitle: string;

  @ApiProperty({ example: 'Chủ tịch', maxLength: 1000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  signerTitle: string;

  @ApiProperty({ example: 'Võ Trọng Hải', maxLength: 1000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  signerName: string;

  @ApiPropertyOptional({ example: 'Hà Tĩnh', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  place?: string;

  @ApiPropertyOptional({ example: '0123', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  goldenBookNumber?: string;
}

/** Which certificates to print together: those of a year, of a bloc, or of a bloc's year. */
export class CertificatesQuery {
  @ApiPropertyOptional({ minimum: 2000, maximum: 2100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  blocId?: string;
}

export class AwardQuery extends IntersectionType(PageQuery, CertificatesQuery) {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
