import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORG_UNIT_TYPES, type CreateOrgUnitRequest, type OrgUnitType, type UpdateOrgUnitRequest } from '@lodestar/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const KEY_MESSAGE = 'must be a slug of lower-case letters, digits and single hyphens, such as field-service';
const TYPE_MESSAGE = `type must be one of ${ORG_UNIT_TYPES.join(', ')}`;

export class CreateOrgUnitDto implements CreateOrgUnitRequest {
  @ApiProperty({ example: 'field-service' })
  @Transform(trim)
  @IsString()
  @Matches(KEY, { message: `key ${KEY_MESSAGE}` })
  @MaxLength(60)
  key!: string;

  @ApiProperty({ example: 'Field service' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ORG_UNIT_TYPES })
  @IsIn(ORG_UNIT_TYPES, { message: TYPE_MESSAGE })
  type!: OrgUnitType;

  @ApiPropertyOptional({ nullable: true, example: 'service' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Matches(KEY, { message: `parentKey ${KEY_MESSAGE}` })
  parentKey?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all', { message: 'leaderId must be the id of a user' })
  leaderId?: string | null;
}

export class UpdateOrgUnitDto implements UpdateOrgUnitRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ORG_UNIT_TYPES })
  @IsOptional()
  @IsIn(ORG_UNIT_TYPES, { message: TYPE_MESSAGE })
  type?: OrgUnitType;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Matches(KEY, { message: `parentKey ${KEY_MESSAGE}` })
  parentKey?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all', { message: 'leaderId must be the id of a user' })
  leaderId?: string | null;
}
