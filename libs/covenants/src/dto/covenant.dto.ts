import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsISO8601, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested, IsObject } from 'class-validator';
import { IsNotBlank } from '#app/core';

const LIMIT = 1e12;
const amount = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 } as const;

export class IndicatorDto {
  @ApiProperty({ example: '%', maxLength: 1000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  unit: string;

  @ApiProperty({ example: 100, minimum: -LIMIT, maximum: LIMIT, description: 'at most 2 decimals' })
  @IsNumber(amount)
  @Min(-LIMIT)
  @Max(LIMIT)
  targetValue: number;

  @ApiPropertyOptional({ example: 0, minimum: -LIMIT, maximum: LIMIT, description: 'at most 2 decimals' })
  @IsOptional()
  @IsNumber(amount)
  @Min(-LIMIT)
  @Max(LIMIT)
  baseline?: number;
}

export class TargetDto {
  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  title: string;

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiPropertyOptional({ example: 'Cả nước chung sức xây dựng nông thôn mới', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  movement?: string;

  @ApiPropertyOptional({ type: IndicatorDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => IndicatorDto)
  indicator?: IndicatorDto;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Fields a draft may have; in an edit, `null` clears an optional one. */
class CovenantFieldsDto {
  @ApiPropertyOptional({ maxLength: 1000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  theme?: string | null;

  @ApiPropertyOptional({ maxLength: 20000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  preamble?: string | null;

  @ApiPropertyOptional({ example: 'Thái Bình', maxLength: 1000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  place?: string | null;

  @ApiPropertyOptional({ example: '2023-03-03', format: 'date', nullable: true })
  @IsOptional()
  @Matches(DATE, { message: 'signingDate must be a date like 2023-03-03' })
  @IsISO8601({ strict: true }, { message: 'signingDate must be a valid date' })
  signingDate?: string | null;
}

export class CreateCovenantDto extends CovenantFieldsDto {
  @ApiProperty({ example: 'Giao ước thi đua năm 2023', maxLength: 1000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  title: string;

  @ApiProperty({ type: [TargetDto], description: 'numbered 1..n in this order' })
  @IsArray()
  @ArrayMinSize(1, { message: 'targets must list at least one target' })
  @ArrayMaxSize(200)
  @IsObject({ each: true, message: "each value in $property must be an object" })
  @ValidateNested({ each: true })
  @Type(() => TargetDto)
  targets: TargetDto[];
}

export class UpdateCovenantDto extends CovenantFieldsDto {
  @ApiProperty({ description: 'the version the edit was made from; a stale one is 409', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version: number;

  @ApiPropertyOptional({ maxLength: 1000 })
  @ValidateIf((o: UpdateCovenantDto) => o.title !== undefined)
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  title?: string;

  @ApiPropertyOptional({ type: [TargetDto], description: 'when given, replaces every target (renumbered 1..n)' })
  @ValidateIf((o: UpdateCovenantDto) => o.targets !== undefined)
  @IsArray()
  @ArrayMinSize(1, { message: 'targets must list at least one target' })
  @ArrayMaxSize(200)
  @IsObject({ each: true, message: "each value in $property must be an object" })
  @ValidateNested({ each: true })
  @Type(() => TargetDto)
  targets?: TargetDto[];
}
