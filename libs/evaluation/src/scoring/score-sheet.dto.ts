import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested, IsObject } from 'class-validator';
import { IsNotBlank } from '#app/core';
import { CODE_PATTERN } from '../criteria/criteria.dto.js';

const score = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 } as const;

export class SelfScoreDto {
  @ApiProperty({ example: 'I.1' })
  @IsString()
  @Matches(CODE_PATTERN, { message: 'code must be a criterion code' })
  code: string;

  @ApiProperty({ example: 18.5, description: "0..the item's maxPoints, two decimals at most" })
  @IsNumber(score)
  @Min(0)
  @Max(1000)
  selfScore: number;

  @ApiPropertyOptional({ maxLength: 20000, example: 'Báo cáo số 12/BC-HNN ngày 10/11/2023' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  evidence?: string;
}

export class PutScoreSheetDto {
  @ApiProperty({ type: [SelfScoreDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true, message: "each value in $property must be an object" })
  @ValidateNested({ each: true })
  @Type(() => SelfScoreDto)
  entries: SelfScoreDto[];
}

export class ReviewScoreDto {
  @ApiProperty({ example: 'I.1' })
  @IsString()
  @Matches(CODE_PATTERN, { message: 'code must be a criterion code' })
  code: string;

  @ApiProperty({ example: 17 })
  @IsNumber(score)
  @Min(0)
  @Max(1000)
  reviewedScore: number;

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  comment?: string;
}

export class ReviewScoreSheetDto {
  @ApiProperty({ type: [ReviewScoreDto], description: 'items not listed keep their earlier review (or none); an empty list accepts the sheet as it is' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true, message: "each value in $property must be an object" })
  @ValidateNested({ each: true })
  @Type(() => ReviewScoreDto)
  entries: ReviewScoreDto[];
}

export class ExplanationDto {
  @ApiProperty({ maxLength: 20000, example: 'Đơn vị đã tổ chức 4 lớp tập huấn, có biên bản kèm theo.' })
  @IsString()
  @IsNotBlank()
  @MaxLength(20000)
  explanation: string;
}
