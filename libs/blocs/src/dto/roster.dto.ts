import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNumber, IsOptional, IsUUID, Max, Min, ValidateNested, IsObject } from 'class-validator';
import type { RosterRole } from '#app/auth';
import { PASS_BASES, type PassBase } from '../entities/bloc-year.entity.js';

export const ROSTER_ROLES = ['leader', 'deputy', 'member'] as const satisfies readonly RosterRole[];

export class RosterMemberDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  organizationId: string;

  @ApiProperty({ enum: ROSTER_ROLES })
  @IsIn(ROSTER_ROLES)
  role: RosterRole;
}

export class BlocYearRulesDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 100, default: 50, description: 'share of members that must vote for a ballot to count (at least)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  quorumPercent?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, default: 50, description: 'share of passBase a candidate must exceed' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  passPercent?: number;

  @ApiPropertyOptional({ enum: PASS_BASES, default: 'members' })
  @IsOptional()
  @IsIn(PASS_BASES)
  passBase?: PassBase;
}

export class PutRosterDto {
  @ApiProperty({ type: [RosterMemberDto], description: 'exactly one leader, at most one deputy, each organisation once' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsObject({ each: true, message: "each value in $property must be an object" })
  @ValidateNested({ each: true })
  @Type(() => RosterMemberDto)
  members: RosterMemberDto[];

  @ApiPropertyOptional({ type: BlocYearRulesDto, description: 'omitted fields keep their value (the defaults for a new year)' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => BlocYearRulesDto)
  rules?: BlocYearRulesDto;
}
