import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreatePlanRequest } from '@lodestar/contracts';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A plan key: lower-case letters and digits in words joined by `-`, as the table checks it. */
export const PLAN_KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const KEY_MESSAGE = 'key must be lower-case letters and digits in words joined by "-", such as sales-bonus';

/** `POST /api/v1/plans` */
export class CreatePlanDto implements CreatePlanRequest {
  @ApiProperty({ example: 'sales-bonus', description: 'Unique; lower-case words joined by "-".' })
  @Transform(trim)
  @IsString({ message: KEY_MESSAGE })
  @MaxLength(60, { message: 'key must be at most 60 characters' })
  @Matches(PLAN_KEY, { message: KEY_MESSAGE })
  key!: string;

  @ApiProperty({ example: 'Sales incentive plan' })
  @Transform(trim)
  @IsString({ message: 'name must be text such as "Sales incentive plan"' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name!: string;

  @ApiPropertyOptional({ example: 'Quarterly bonus for the sales organisation.' })
  @IsOptional()
  @IsString({ message: 'description must be text' })
  @MaxLength(4000, { message: 'description must be at most 4,000 characters' })
  description?: string;
}
