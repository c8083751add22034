import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested, IsObject } from 'class-validator';
import { PageQuery } from '#app/core';
import { PROGRESS_STATUSES, type ProgressStatus } from '../entities/progress-entry.entity.js';
import { PERIODS, type Period } from '../entities/progress-report.entity.js';

export class ProgressEntryDto {
  @ApiProperty({ format: 'uuid', description: 'a target of this covenant' })
  @IsUUID()
  targetId: string;

  @ApiPropertyOptional({ example: 120, description: "in the indicator's unit; two decimals at most" })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(-9_999_999_999_999)
  @Max(9_999_999_999_999)
  actualValue?: number;

  @ApiPropertyOptional({ enum: PROGRESS_STATUSES })
  @IsOptional()
  @IsIn(PROGRESS_STATUSES)
  status?: ProgressStatus;

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  note?: string;
}

export class CreateProgressReportDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organizationId: string;

  @ApiProperty({ enum: PERIODS })
  @IsIn(PERIODS)
  period: Period;

  @ApiProperty({ type: [ProgressEntryDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsObject({ each: true, message: "each value in $property must be an object" })
  @ValidateNested({ each: true })
  @Type(() => ProgressEntryDto)
  entries: ProgressEntryDto[];
}

export class ProgressQuery {
  @ApiPropertyOptional({ enum: PERIODS, description: 'only this period (default: every period)' })
  @IsOptional()
  @IsIn(PERIODS)
  period?: Period;
}

export class ProgressReportsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ enum: PERIODS })
  @IsOptional()
  @IsIn(PERIODS)
  period?: Period;
}
