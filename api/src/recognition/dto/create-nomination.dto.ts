import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MAX_STORY_LENGTH,
  NOMINATION_CATEGORIES,
  NOMINATION_STATUSES,
  type NominationCategory,
  type NominationDecisionInput,
  type NominationEvidence,
  type NominationInput,
  type NominationStatus,
} from '@lodestar/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsBooleanString,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto';

const CATEGORY_MESSAGE = `category must be one of ${NOMINATION_CATEGORIES.join(', ')}`;
const trimToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || null : value;

/** A person by user id, or a team by org unit key. */
export class NomineeDto {
  @ApiProperty({ enum: ['PERSON', 'TEAM'] })
  @IsIn(['PERSON', 'TEAM'], { message: 'nominee.kind must be PERSON (with userId) or TEAM (with orgUnit)' })
  kind!: 'PERSON' | 'TEAM';

  @ApiPropertyOptional({ description: 'For a person: their user id.' })
  @ValidateIf((nominee: NomineeDto) => nominee.kind === 'PERSON')
  @IsUUID('all', { message: 'nominee.userId must be the id of the person nominated' })
  userId?: string;

  @ApiPropertyOptional({ example: 'field-service', description: 'For a team: its org unit key.' })
  @ValidateIf((nominee: NomineeDto) => nominee.kind === 'TEAM')
  @IsString({ message: 'nominee.orgUnit must be the org unit key of the team nominated' })
  @IsNotEmpty({ message: 'nominee.orgUnit must be the org unit key of the team nominated' })
  @MaxLength(100)
  orgUnit?: string;
}

export class NominationEvidenceDto implements Partial<NominationEvidence> {
  @ApiPropertyOptional({ type: [String], example: ['R-2026-000123'] })
  @IsOptional()
  @IsArray({ message: 'evidence.vocResponseIds must be a list of VoC response ids' })
  @ArrayMaxSize(20, { message: 'evidence.vocResponseIds may hold at most 20 ids' })
  @IsString({ each: true, message: 'evidence.vocResponseIds must be a list of VoC response ids' })
  @MaxLength(200, { each: true })
  vocResponseIds?: string[];

  @ApiPropertyOptional({ nullable: true, example: 'on_time_delivery' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString({ message: 'evidence.metric must be a metric key' })
  @MaxLength(100)
  metric?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'Taiwan Foundry Co.' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString({ message: 'evidence.account must be the name of the customer account' })
  @MaxLength(200, { message: 'evidence.account must be at most 200 characters' })
  account?: string | null;
}

/** `POST /api/v1/nominations` */
export class CreateNominationDto implements NominationInput {
  @ApiProperty({ type: NomineeDto })
  @ValidateNested()
  @Type(() => NomineeDto)
  nominee!: NomineeDto & NominationInput['nominee'];

  @ApiProperty({ enum: NOMINATION_CATEGORIES })
  @IsIn(NOMINATION_CATEGORIES, { message: CATEGORY_MESSAGE })
  category!: NominationCategory;

  @ApiPropertyOptional({ type: [String], example: ['customer-first'] })
  @IsOptional()
  @IsArray({ message: 'tags must be a list of company value keys' })
  @ArrayMaxSize(10, { message: 'tags may hold at most 10 company values' })
  @IsString({ each: true, message: 'tags must be a list of company value keys' })
  tags?: string[];

  @ApiProperty({ description: 'Plain text, at most 4,000 characters, kept exactly as written.' })
  @IsString({ message: 'story must say, in plain text, what the nominee did for a customer' })
  @Matches(/\S/, { message: 'story must say, in plain text, what the nominee did for a customer' })
  @MaxLength(MAX_STORY_LENGTH, { message: 'story must be at most 4,000 characters' })
  story!: string;

  @ApiPropertyOptional({ type: NominationEvidenceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => NominationEvidenceDto)
  evidence?: NominationEvidenceDto;
}

/** `POST /api/v1/nominations/:id/decision` */
export class NominationDecisionDto implements NominationDecisionInput {
  @ApiProperty()
  @IsBoolean({ message: 'approve must be true (award) or false (reject)' })
  approve!: boolean;

  @ApiPropertyOptional({
    nullable: true,
    example: 'SILVER',
    description: 'The award tier; required when approving.',
  })
  @IsOptional()
  @IsString({ message: 'tier must be the key of an award tier such as SILVER' })
  @MaxLength(40)
  tier?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Required when rejecting.' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString({ message: 'reason must be text' })
  @MaxLength(2000, { message: 'reason must be at most 2,000 characters' })
  reason?: string | null;
}

/** `GET /api/v1/nominations` */
export class NominationListQuery extends PaginationQuery {
  @ApiPropertyOptional({
    description:
      'true: the nominations you sent. false: the review queue (REVIEWER). Left out: the queue for a reviewer, your own for anyone else.',
  })
  @IsOptional()
  @IsBooleanString({ message: 'mine must be true or false' })
  mine?: string;

  @ApiPropertyOptional({ enum: NOMINATION_STATUSES })
  @IsOptional()
  @IsIn(NOMINATION_STATUSES, { message: `status must be one of ${NOMINATION_STATUSES.join(', ')}` })
  status?: NominationStatus;
}
