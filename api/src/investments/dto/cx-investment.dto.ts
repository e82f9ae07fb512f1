import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CX_INVESTMENT_KINDS,
  CX_INVESTMENT_STATUSES,
  type CxInvestmentDecision,
  type CxInvestmentInput,
  type CxInvestmentKind,
  type CxInvestmentStatus,
} from '@lodestar/contracts';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import { DECIMAL } from '../../common/decimal-input';
import { PaginationQuery } from '../../common/pagination.dto';
import { checkAmount } from '../money';

export const MIN_REASON = 10;
export const MAX_REASON = 2000;
export const MAX_ACCOUNT = 200;
export const MAX_LINK = 500;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MONTH_MESSAGE =
  'period must be a month such as 2026-03: a CX investment adjusts the margin or quota of one month';
const KIND_MESSAGE = `kind must be one of ${CX_INVESTMENT_KINDS.join(', ')}`;
const STATUS_MESSAGE = `status must be one of ${CX_INVESTMENT_STATUSES.join(', ')}`;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Blank optional text is the same as none. */
const trimToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || null : value;

/** An amount of money: positive (or 0 or more), at most 12 digits before the point and 2 after. */
export function IsAmount(positive: boolean): PropertyDecorator {
  return ValidateBy({
    name: 'isAmount',
    validator: {
      validate: (value: unknown) => 'amount' in checkAmount('value', value, positive),
      defaultMessage: (args) => {
        const outcome = checkAmount(args?.property ?? 'amount', args?.value, positive);
        return 'problem' in outcome ? outcome.problem : '';
      },
    },
  });
}

/** `POST /api/v1/cx-investments` */
export class CxInvestmentInputDto implements CxInvestmentInput {
  @ApiProperty({
    enum: CX_INVESTMENT_KINDS,
    description: 'cost: added back in adjusted_margin; quota_relief: credited in adjusted_quota_attainment.',
  })
  @IsIn(CX_INVESTMENT_KINDS, { message: KIND_MESSAGE })
  kind!: CxInvestmentKind;

  @ApiProperty({ example: 'key-accounts', description: 'The org unit key whose figures it adjusts.' })
  @IsString({ message: 'orgUnit must be an org unit key such as key-accounts' })
  @IsNotEmpty({ message: 'orgUnit must be an org unit key such as key-accounts' })
  @MaxLength(100)
  orgUnit!: string;

  @ApiProperty({ example: '2026-03', description: 'The month whose margin or quota it adjusts.' })
  @Transform(trim)
  @IsString({ message: MONTH_MESSAGE })
  @Matches(MONTH, { message: MONTH_MESSAGE })
  period!: string;

  @ApiProperty({
    ...DECIMAL,
    example: '48000.00',
    description: 'More than 0; at most 12 digits before the point and 2 after.',
  })
  @IsAmount(true)
  amount!: string | number;

  @ApiPropertyOptional({ nullable: true, example: 'Taiwan Foundry Co.' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString({ message: 'account must be the name of the customer account' })
  @MaxLength(MAX_ACCOUNT, { message: `account must be at most ${MAX_ACCOUNT} characters` })
  account?: string | null;

  @ApiProperty({
    example:
      'Two extra field engineers on site while the second scanner ramps up, at the customer’s request.',
  })
  @Transform(trim)
  @IsString({
    message: `reason must say, in ${MIN_REASON} to 2,000 characters, what was done for the customer and why`,
  })
  @Length(MIN_REASON, MAX_REASON, {
    message: `reason must say, in ${MIN_REASON} to 2,000 characters, what was done for the customer and why`,
  })
  reason!: string;

  @ApiPropertyOptional({
    nullable: true,
    example: 'ESC-2026-0142',
    description: 'A VoC response id or an escalation reference.',
  })
  @IsOptional()
  @Transform(trimToNull)
  @IsString({ message: 'link must be a VoC response id or an escalation reference' })
  @MaxLength(MAX_LINK, { message: `link must be at most ${MAX_LINK} characters` })
  link?: string | null;
}

/** `POST /api/v1/cx-investments/:id/decision` */
export class CxInvestmentDecisionDto implements CxInvestmentDecision {
  @ApiProperty()
  @IsBoolean({ message: 'approve must be true (approve) or false (reject)' })
  approve!: boolean;

  @ApiPropertyOptional({ nullable: true, description: 'Required when rejecting.' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString({ message: 'reason must be text' })
  @MaxLength(MAX_REASON, { message: 'reason must be at most 2,000 characters' })
  reason?: string | null;
}

/** `GET /api/v1/cx-investments` */
export class CxInvestmentListQuery extends PaginationQuery {
  @ApiPropertyOptional({ example: 'sales', description: 'The unit and every unit below it.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'orgUnit must be an org unit key such as sales' })
  @MaxLength(100)
  orgUnit?: string;

  @ApiPropertyOptional({ example: 'FY2026-Q2', description: 'A month, fiscal quarter or fiscal year.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty({
    message:
      'period must be a month such as 2026-03, a fiscal quarter such as FY2026-Q1 or a fiscal year such as FY2026',
  })
  @MaxLength(20)
  period?: string;

  @ApiPropertyOptional({ enum: CX_INVESTMENT_STATUSES })
  @IsOptional()
  @IsIn(CX_INVESTMENT_STATUSES, { message: STATUS_MESSAGE })
  status?: CxInvestmentStatus;
}
