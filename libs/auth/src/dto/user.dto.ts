import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsNotBlank, Omittable, type Role, ROLES } from '#app/core';

export class CreateUserDto {
  @ApiProperty({ example: 'hoinguoimu', pattern: '^[A-Za-z0-9._-]{3,64}$' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: 'username must be 3 to 64 letters, digits, dots, dashes or underscores' })
  username: string;

  @ApiProperty({ minLength: 8, maxLength: 200 })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: 'Nguyễn Văn An', maxLength: 1000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  fullName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'required for role unit' })
  @ValidateIf((o: CreateUserDto) => o.role === 'unit' || o.organizationId !== undefined)
  @IsUUID('all', { message: 'organizationId must be a UUID (required for role unit)' })
  organizationId?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ maxLength: 1000 })
  @Omittable()
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  fullName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @Omittable()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all')
  organizationId?: string | null;

  @ApiPropertyOptional({ minLength: 8, maxLength: 200 })
  @Omittable()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean()
  disabled?: boolean;
}

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @MaxLength(100)
  username: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  password: string;
}
