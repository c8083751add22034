import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank, PageQuery } from '#app/core';

export class CreateOrganizationDto {
  @ApiProperty({ example: 'Hội Người mù tỉnh', maxLength: 1000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  name: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  shortName?: string;

  @ApiPropertyOptional({ example: 'Chủ tịch', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  headTitle?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  headName?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  address?: string;
}

export class UpdateOrganizationDto extends PartialType(CreateOrganizationDto) {}

export class OrganizationQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'part of the name; accents and case are ignored', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  q?: string;
}
