import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested, IsObject } from 'class-validator';
import { IsNotBlank } from '#app/core';
import { CRITERION_KINDS, type CriterionKind } from './criterion-kind.js';

export const CODE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,49}$/u;

export class CriterionDto {
  @ApiProperty({ example: 'I.1', maxLength: 50, description: 'letters, digits, ".", "_" or "-"; unique in the table' })
  @IsString()
  @Matches(CODE_PATTERN, { message: 'code must be 1–50 letters, digits, ".", "_" or "-", starting with a letter or digit' })
  code: string;

  @ApiProperty({ example: 'Tổ chức thực hiện các nội dung giao ước thi đua', maxLength: 1000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  title: string;

  @ApiProperty({ example: 20, minimum: 0.01, maximum: 1000, description: 'two decimals at most; for `count` the cap, for `penalty` the most that can be taken off' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(1000)
  maxPoints: number;

  @ApiProperty({ enum: CRITERION_KINDS })
  @IsIn(CRITERION_KINDS)
  kind: CriterionKind;

  @ApiPropertyOptional({ format: 'uuid', description: "a target of the bloc year's covenant this item measures" })
  @IsOptional()
  @IsUUID()
  targetId?: string;
}

export class PutCriteriaDto {
  @ApiProperty({ type: [CriterionDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true, message: "each value in $property must be an object" })
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  items: CriterionDto[];
}

export class ForceQuery {
  @ApiPropertyOptional({ description: 'staff only: replace the criteria although score sheets exist' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  force?: boolean;
}
