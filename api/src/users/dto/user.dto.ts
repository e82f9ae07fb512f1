import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type CreateUserRequest, type Role, type UpdateUserRequest } from '@lodestar/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto';

const ROLE_MESSAGE = `each role must be one of ${ROLES.join(', ')}`;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'new.person@example.com' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an e-mail address such as new.person@example.com' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'New Person' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true, message: ROLE_MESSAGE })
  roles!: Role[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'orgUnitId must be the id of an org unit' })
  orgUnitId?: string | null;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: ROLE_MESSAGE })
  roles?: Role[];

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsUUID('all', { message: 'orgUnitId must be the id of an org unit, or null' })
  orgUnitId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UserListQuery extends PaginationQuery {
  @ApiPropertyOptional({ description: 'Part of a name or e-mail' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}
