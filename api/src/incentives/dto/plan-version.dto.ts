import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CreatePlanVersionRequest,
  RejectPlanVersionRequest,
  UpdatePlanVersionRequest,
} from '@lodestar/contracts';
import { Transform, Type } from 'class-transformer';
import {
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PlanRulesDto } from './plan-rules.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A fiscal quarter label. */
export const QUARTER_LABEL = /^FY\d{4}-Q[1-4]$/;
const QUARTER_MESSAGE =
  'effectiveFrom must be a fiscal quarter such as FY2027-Q1: the version applies from it to the end of that fiscal year';

/** `POST /api/v1/plans/:id/versions` */
export class CreatePlanVersionDto implements CreatePlanVersionRequest {
  @ApiProperty({
    example: 'FY2027-Q1',
    description: 'The version applies from this quarter to the end of its fiscal year.',
  })
  @Transform(trim)
  @IsString({ message: QUARTER_MESSAGE })
  @Matches(QUARTER_LABEL, { message: QUARTER_MESSAGE })
  effectiveFrom!: string;

  @ApiPropertyOptional({
    nullable: true,
    description: 'A version of the same plan whose rules and participants are copied.',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all', { message: 'basedOn must be the id of a version of this plan, or null' })
  basedOn?: string | null;
}

/** `PATCH /api/v1/plan-versions/:id`: any of the fields; `rules` replaces the rules whole. */
export class UpdatePlanVersionDto implements UpdatePlanVersionRequest {
  @ApiPropertyOptional({ example: 'FY2027-Q1' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: QUARTER_MESSAGE })
  @Matches(QUARTER_LABEL, { message: QUARTER_MESSAGE })
  effectiveFrom?: string;

  @ApiPropertyOptional({ example: 'Quota weight raised after the FY2026 review.' })
  @IsOptional()
  @IsString({ message: 'notes must be text' })
  @MaxLength(4000, { message: 'notes must be at most 4,000 characters' })
  notes?: string;

  @ApiPropertyOptional({ type: () => PlanRulesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlanRulesDto)
  rules?: PlanRulesDto;
}

/** `POST /api/v1/plan-versions/:id/reject` */
export class RejectPlanVersionDto implements RejectPlanVersionRequest {
  @ApiProperty({ example: 'The quota weight is too high for a year of recovery: lower it to 50 %.' })
  @Transform(trim)
  @IsString({ message: 'reason must say why the version is rejected, so HR can act on it' })
  @IsNotEmpty({ message: 'reason must say why the version is rejected, so HR can act on it' })
  @MinLength(5, {
    message: 'reason must say why the version is rejected in a few words (at least 5 characters)',
  })
  @MaxLength(2000, { message: 'reason must be at most 2,000 characters' })
  reason!: string;
}

/** `GET /api/v1/plan-versions/:id/diff` */
export class PlanVersionDiffQuery {
  @ApiPropertyOptional({
    description:
      'The version to compare with; by default the one it was based on, else the plan’s latest published one.',
  })
  @IsOptional()
  @IsNotEmpty({ message: 'against must be the id of a plan version' })
  @IsUUID('all', { message: 'against must be the id of a plan version' })
  against?: string;
}
