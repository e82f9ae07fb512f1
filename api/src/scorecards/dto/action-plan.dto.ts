import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTION_PLAN_STATUSES, type ActionPlanStatus } from '../action-plan-status';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import { GIVE_A_PERIOD } from './scorecard-query.dto';

export const MAX_ACTION_PLAN_TITLE = 500;
const DATE_MESSAGE = 'dueDate must be a date such as 2026-03-31';
const STATUS_MESSAGE = `status must be one of ${ACTION_PLAN_STATUSES.join(', ')}`;

/** A real calendar day written `YYYY-MM-DD` (2026-02-30 is refused). */
function IsCalendarDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
        const day = new Date(`${value}T00:00:00Z`);
        return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
      },
      defaultMessage: () => DATE_MESSAGE,
    },
  });
}

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** `POST /api/v1/scorecards/org-units/:key/action-plans` */
export class CreateActionPlanDto {
  @ApiProperty({ example: 'FY2025-Q4', description: 'The period of the cell the plan answers.' })
  @Matches(/\S/, { message: GIVE_A_PERIOD })
  period!: string;

  @ApiProperty({ example: 'on_time_delivery' })
  @IsString({ message: 'metric must be a metric key such as on_time_delivery' })
  @IsNotEmpty({ message: 'metric must be a metric key such as on_time_delivery' })
  @MaxLength(60)
  metric!: string;

  @ApiProperty({ example: 'Second shift on final assembly; weekly delivery review with key accounts' })
  @Transform(trim)
  @IsString({ message: 'title must say what will be done' })
  @IsNotEmpty({ message: 'title must say what will be done' })
  @MaxLength(MAX_ACTION_PLAN_TITLE, { message: `title must be at most ${MAX_ACTION_PLAN_TITLE} characters` })
  title!: string;

  @ApiProperty({ description: 'The id of the user who owns the plan.' })
  @IsUUID('all', { message: 'ownerId must be the id of a user' })
  ownerId!: string;

  @ApiProperty({ example: '2025-11-28' })
  @IsCalendarDate()
  dueDate!: string;

  @ApiPropertyOptional({ enum: ACTION_PLAN_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(ACTION_PLAN_STATUSES.filter((status) => status !== 'done'), {
    message: 'status of a new plan must be open or in_progress',
  })
  status?: Exclude<ActionPlanStatus, 'done'>;
}

/** `PATCH /api/v1/scorecards/action-plans/:id`: any of status, due date and owner. */
export class UpdateActionPlanDto {
  @ApiPropertyOptional({ enum: ACTION_PLAN_STATUSES })
  @IsOptional()
  @IsIn(ACTION_PLAN_STATUSES, { message: STATUS_MESSAGE })
  status?: ActionPlanStatus;

  @ApiPropertyOptional({ example: '2025-12-19' })
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be the id of a user' })
  ownerId?: string;
}
