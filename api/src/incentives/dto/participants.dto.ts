import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PlanParticipantInput, ReplaceParticipantsRequest } from '@lodestar/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DECIMAL, IsDecimalInput } from '../../common/decimal-input';

/** Participants of one version; a larger list goes through the CSV import. */
export const MAX_PARTICIPANTS = 5000;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE_MESSAGE = (field: string) => `${field} must be an ISO date such as 2026-10-01`;

/**
 * One participation as sent. The shape is checked here; whether the person and the unit exist,
 * the amount has at most 2 decimals and the dates are real and ordered is checked with the list,
 * so every problem is named with its row (`participants[3]: …`).
 */
export class PlanParticipantInputDto implements PlanParticipantInput {
  @ApiProperty({ example: 'vp.sales@example.com', description: 'The person’s e-mail address.' })
  @Transform(trim)
  @IsString({ message: 'user must be the e-mail address of a user' })
  @IsNotEmpty({ message: 'user must be the e-mail address of a user' })
  @MaxLength(320)
  user!: string;

  @ApiProperty({ example: 'sales', description: 'The key of the unit whose results count.' })
  @Transform(trim)
  @IsString({ message: 'orgUnit must be an org unit key such as sales' })
  @IsNotEmpty({ message: 'orgUnit must be an org unit key such as sales' })
  @MaxLength(100)
  orgUnit!: string;

  @ApiProperty({ ...DECIMAL, example: '30000.00', description: 'Annual, 0 or more, at most 2 decimals.' })
  @IsDecimalInput('30000.00')
  annualTargetBonus!: string | number;

  @ApiProperty({ example: '2026-10-01' })
  @Transform(trim)
  @IsString({ message: DATE_MESSAGE('startDate') })
  @MaxLength(10, { message: DATE_MESSAGE('startDate') })
  startDate!: string;

  @ApiPropertyOptional({
    example: '2027-09-30',
    nullable: true,
    description: 'Inclusive; null or absent: still in the plan.',
  })
  @Transform(trim)
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString({ message: DATE_MESSAGE('endDate') })
  @MaxLength(10, { message: DATE_MESSAGE('endDate') })
  endDate?: string | null;
}

/** `PUT /api/v1/plan-versions/:id/participants`: the whole list. */
export class ReplaceParticipantsDto implements ReplaceParticipantsRequest {
  @ApiProperty({ type: [PlanParticipantInputDto], maxItems: MAX_PARTICIPANTS })
  @IsArray({ message: 'participants must be a list (it may be empty)' })
  @ArrayMaxSize(MAX_PARTICIPANTS, { message: 'participants can hold at most 5,000 rows' })
  @ValidateNested({ each: true })
  @Type(() => PlanParticipantInputDto)
  participants!: PlanParticipantInputDto[];
}
