import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '#app/core';

export class CreateBlocDto {
  @ApiProperty({ example: 'Khối các Hội đặc thù', maxLength: 1000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  name: string;

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;
}

export class UpdateBlocDto extends PartialType(CreateBlocDto) {}
