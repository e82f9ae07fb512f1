import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  INQUIRY_REASONS,
  INQUIRY_STATUSES,
  type AnswerInquiryRequest,
  type InquiryReason,
  type RaiseInquiryRequest,
} from '@lodestar/contracts';
import { parseDecimal } from '@lodestar/cx-metrics';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, ValidateBy, type ValidationArguments } from 'class-validator';
import { DECIMAL } from '../../common/decimal-input';
import { PaginationQuery } from '../../common/pagination.dto';

export const MIN_INQUIRY_TEXT = 10;
export const MAX_INQUIRY_TEXT = 4000;
export const MAX_RESPONSE = 4000;

/** The answers HR can give; `OPEN` is where every inquiry starts. */
export const INQUIRY_ANSWERS = ['ANSWERED', 'ADJUSTED', 'REJECTED'] as const;
export type InquiryAnswer = (typeof INQUIRY_ANSWERS)[number];

/** `GET /inquiries?status=ALL` lists inquiries of every status. */
export const INQUIRY_LIST_STATUSES = [...INQUIRY_STATUSES, 'ALL'] as const;
export type InquiryListStatus = (typeof INQUIRY_LIST_STATUSES)[number];

const REASON_MESSAGE = `reason must be one of ${INQUIRY_REASONS.join(', ')}`;
const TEXT_MESSAGE = `text must say, in ${MIN_INQUIRY_TEXT} to 4,000 characters, what looks wrong on the statement and why`;
const ANSWER_MESSAGE = `status must be one of ${INQUIRY_ANSWERS.join(', ')}`;
const RESPONSE_MESSAGE =
  'response must say, in 1 to 4,000 characters, what HR found: the participant reads it on the statement';
const LIST_STATUS_MESSAGE = `status must be one of ${INQUIRY_LIST_STATUSES.join(', ')}`;

/** A signed amount of money as `numeric(14, 2)` stores it: at most 12 digits before the point and 2 after. */
const SIGNED_AMOUNT = /^-?\d{1,12}(\.\d{1,2})?$/;
const AMOUNT_EXAMPLE =
  'a signed amount of money with at most 12 digits before the point and 2 after, such as "250.00" or "-120.50"';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * The canonical text of an inquiry's adjustment (`"-120.50"`), or a sentence saying what is wrong
 * with it: it is required with `ADJUSTED` (and only then), signed, non-zero, in cents.
 */
export function checkAdjustment(
  status: unknown,
  input: unknown,
): { adjustment: string | null } | { problem: string } {
  const given = input !== undefined && input !== null && input !== '';
  if (status !== 'ADJUSTED') {
    return given
      ? {
          problem:
            'adjustment is only for status ADJUSTED: leave it out when the inquiry is answered or rejected',
        }
      : { adjustment: null };
  }
  if (!given) {
    return {
      problem: `adjustment is required with status ADJUSTED: give ${AMOUNT_EXAMPLE}, which the next open quarter's statement carries`,
    };
  }
  const text = parseDecimal(input);
  const unsigned = text?.replace(/^-/, '').replace(/^0+(?=\d)/, '');
  if (text === null || unsigned === undefined || !SIGNED_AMOUNT.test(unsigned)) {
    return { problem: `adjustment must be ${AMOUNT_EXAMPLE}${text === null ? '' : `, not ${text}`}` };
  }
  const negative = text.startsWith('-');
  const [whole, cents = ''] = unsigned.split('.');
  const canonical = `${whole}.${cents.padEnd(2, '0')}`;
  if (/^0\.00$/.test(canonical)) {
    return { problem: 'adjustment must not be 0: answer with status ANSWERED when nothing changes' };
  }
  return { adjustment: `${negative ? '-' : ''}${canonical}` };
}

function IsInquiryAdjustment(): PropertyDecorator {
  const outcome = (args: ValidationArguments) =>
    checkAdjustment((args.object as { status?: unknown }).status, args.value);
  return ValidateBy({
    name: 'isInquiryAdjustment',
    validator: {
      validate: (_value: unknown, args?: ValidationArguments) => !args || 'adjustment' in outcome(args),
      defaultMessage: (args?: ValidationArguments) => {
        if (!args) return 'adjustment is not valid';
        const checked = outcome(args);
        return 'problem' in checked ? checked.problem : '';
      },
    },
  });
}

/** `POST /api/v1/statements/:id/inquiries` */
export class RaiseInquiryDto implements RaiseInquiryRequest {
  @ApiProperty({ enum: INQUIRY_REASONS, example: 'DATA_ERROR' })
  @IsIn(INQUIRY_REASONS, { message: REASON_MESSAGE })
  reason!: InquiryReason;

  @ApiProperty({
    minLength: MIN_INQUIRY_TEXT,
    maxLength: MAX_INQUIRY_TEXT,
    example: 'The NPS of Sales in FY2026-Q1 counts only 80 answers; our survey tool shows 130.',
  })
  @Transform(trim)
  @IsString({ message: TEXT_MESSAGE })
  @Length(MIN_INQUIRY_TEXT, MAX_INQUIRY_TEXT, { message: TEXT_MESSAGE })
  text!: string;
}

/** `POST /api/v1/inquiries/:id/answer` */
export class AnswerInquiryDto implements AnswerInquiryRequest {
  @ApiProperty({
    enum: INQUIRY_ANSWERS,
    description: 'ADJUSTED carries `adjustment` into the next open quarter as an inquiry adjustment.',
  })
  @IsIn(INQUIRY_ANSWERS, { message: ANSWER_MESSAGE })
  status!: InquiryAnswer;

  @ApiProperty({ maxLength: MAX_RESPONSE, example: 'The survey export missed 50 answers; corrected below.' })
  @Transform(trim)
  @IsString({ message: RESPONSE_MESSAGE })
  @Length(1, MAX_RESPONSE, { message: RESPONSE_MESSAGE })
  response!: string;

  @ApiPropertyOptional({
    ...DECIMAL,
    nullable: true,
    example: '-120.50',
    description: 'Required with ADJUSTED (and only then): a signed, non-zero amount in cents.',
  })
  @IsInquiryAdjustment()
  adjustment?: string | null;
}

/** `GET /api/v1/inquiries` */
export class InquiryListQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: INQUIRY_LIST_STATUSES, default: 'OPEN' })
  @IsOptional()
  @IsIn(INQUIRY_LIST_STATUSES, { message: LIST_STATUS_MESSAGE })
  status: InquiryListStatus = 'OPEN';
}
