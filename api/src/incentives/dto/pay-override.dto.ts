import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PAY_OVERRIDE_STATUSES, type PayOverrideInput, type PayOverrideStatus } from '@lodestar/contracts';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { DECIMAL, IsDecimalInput } from '../../common/decimal-input';
import { PaginationQuery } from '../../common/pagination.dto';
import { OVERRIDABLE_METRICS } from '../pay-inputs';

export const MIN_OVERRIDE_REASON = 10;
export const MAX_OVERRIDE_REASON = 2000;

const QUARTER = /^FY\d{4}-Q[1-4]$/;
const QUARTER_MESSAGE =
  'period must be a fiscal quarter such as FY2026-Q1: an override replaces one quarter’s input';
const UNIT_MESSAGE = 'orgUnit must be an org unit key such as field-service';
const METRIC_MESSAGE = `metric must be one of ${OVERRIDABLE_METRICS.join(', ')}: only a CX input resting on a sample of answers can be overridden for pay`;
const REASON_MESSAGE = `reason must say, in ${MIN_OVERRIDE_REASON} to 2,000 characters, why this value is fair for pay`;
const VALUE_MESSAGE = 'value must be the value pay uses, in the metric’s own unit, such as "38.5"';
const STATUS_MESSAGE = `status must be one of ${PAY_OVERRIDE_STATUSES.join(', ')}`;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || null : value;

/** `POST /api/v1/pay-overrides` */
export class PayOverrideInputDto implements PayOverrideInput {
  @ApiProperty({ example: 'field-service', description: 'The key of the unit whose CX input it replaces.' })
  @Length(1, 100, { message: UNIT_MESSAGE })
  orgUnit!: string;

  @ApiProperty({ enum: OVERRIDABLE_METRICS, example: 'nps' })
  @IsIn(OVERRIDABLE_METRICS, { message: METRIC_MESSAGE })
  metric!: string;

  @ApiProperty({ example: 'FY2026-Q1' })
  @Transform(trim)
  @Matches(QUARTER, { message: QUARTER_MESSAGE })
  period!: string;

  @ApiProperty({
    ...DECIMAL,
    example: '38.5',
    description:
      'In the metric’s own unit: NPS −100…100, CSAT 0…100 %, CES 1…7, CX index 0…200; at most 6 decimals.',
  })
  @IsDefined({ message: VALUE_MESSAGE })
  @IsDecimalInput('38.5')
  value!: string | number;

  @ApiProperty({
    example:
      'Only 12 answers this quarter after the survey tool outage; last year’s level agreed with the VP.',
  })
  @Transform(trim)
  @Length(MIN_OVERRIDE_REASON, MAX_OVERRIDE_REASON, { message: REASON_MESSAGE })
  reason!: string;
}

/** `POST /api/v1/pay-overrides/:id/decision` */
export class PayOverrideDecisionDto {
  @ApiProperty()
  @IsBoolean({ message: 'approve must be true (approve) or false (reject)' })
  approve!: boolean;

  @ApiPropertyOptional({ nullable: true, description: 'Required when rejecting.' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString({ message: 'reason must be text' })
  @MaxLength(MAX_OVERRIDE_REASON, { message: 'reason must be at most 2,000 characters' })
  reason?: string | null;
}

/** `GET /api/v1/pay-overrides` */
export class PayOverrideListQuery extends PaginationQuery {
  @ApiPropertyOptional({ example: 'FY2026-Q1' })
  @IsOptional()
  @IsString({ message: QUARTER_MESSAGE })
  @Matches(QUARTER, { message: QUARTER_MESSAGE })
  period?: string;

  @ApiPropertyOptional({ enum: PAY_OVERRIDE_STATUSES })
  @IsOptional()
  @IsIn(PAY_OVERRIDE_STATUSES, { message: STATUS_MESSAGE })
  status?: PayOverrideStatus;

  @ApiPropertyOptional({ example: 'field-service', description: 'Only this unit’s overrides.' })
  @IsOptional()
  @IsString({ message: UNIT_MESSAGE })
  @MaxLength(100, { message: UNIT_MESSAGE })
  orgUnit?: string;
}
