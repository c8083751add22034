import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsString, IsUUID, Matches, Max, Min } from 'class-validator';

export class CreateBallotDto {
  @ApiProperty({ example: 'CO_THI_DUA_TINH', description: 'an award type code (GET /api/award-types)' })
  @IsString()
  @Matches(/^[A-Z0-9_]{1,50}$/, { message: 'awardTypeCode must be an award type code such as CO_THI_DUA_TINH' })
  awardTypeCode: string;

  @ApiProperty({ type: [String], format: 'uuid', description: "organisations of the bloc year's roster" })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique({ message: 'candidates must not repeat an organization' })
  @IsUUID('all', { each: true })
  candidates: string[];

  @ApiProperty({ example: 1, minimum: 1, maximum: 500, description: 'how many candidates a ballot paper may mark' })
  @IsInt()
  @Min(1)
  @Max(500)
  maxChoices: number;

  @ApiProperty({ example: 1, minimum: 1, maximum: 500, description: 'how many candidates can be elected' })
  @IsInt()
  @Min(1)
  @Max(500)
  seats: number;
}

export class VoteDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'candidates marked; an empty list is a blank ballot (counted in turnout)' })
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique({ message: 'choices must not repeat a candidate' })
  @IsUUID('all', { each: true })
  choices: string[];
}
