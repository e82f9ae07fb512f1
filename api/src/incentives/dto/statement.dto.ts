import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsUUID, ValidateBy, type ValidationArguments } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto';
import { parseFiscalYear, parseQuarter, quarterLabel } from '../statement-quarters';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

function quarterProblem(value: unknown, field: string): string | null {
  try {
    parseQuarter(value, field);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** A fiscal quarter label; the message says which quarters there are: "FY2026-Q5 is not a quarter; use FY2026-Q1 … Q4." */
export function IsQuarter(): PropertyDecorator {
  return ValidateBy({
    name: 'isQuarter',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        quarterProblem(value, args?.property ?? 'period') === null,
      defaultMessage: (args?: ValidationArguments) =>
        quarterProblem(args?.value, args?.property ?? 'period') ?? '',
    },
  });
}

/** A fiscal year, 2026 or FY2026, as a number. */
export function IsFiscalYear(): PropertyDecorator {
  return ValidateBy({
    name: 'isFiscalYear',
    validator: {
      validate: (value: unknown) => {
        try {
          parseFiscalYear(value);
          return true;
        } catch {
          return false;
        }
      },
      defaultMessage: (args?: ValidationArguments) =>
        `fiscalYear must be a fiscal year such as 2026 (the calendar year in which it ends), not ${JSON.stringify(args?.value)}`,
    },
  });
}

const canonicalQuarter = ({ value }: { value: unknown }) => {
  const text = typeof value === 'string' ? value.trim() : value;
  return quarterProblem(text, 'period') === null ? quarterLabel(parseQuarter(text)) : text;
};

const fiscalYearNumber = ({ value }: { value: unknown }) => {
  try {
    return parseFiscalYear(value);
  } catch {
    return value;
  }
};

/** `GET /api/v1/statements` */
export class StatementListQuery extends PaginationQuery {
  @ApiPropertyOptional({
    example: 'FY2026-Q1',
    description: 'A fiscal quarter; every quarter when left out.',
  })
  @IsOptional()
  @Transform(canonicalQuarter)
  @IsQuarter()
  period?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A participant’s user id. Anyone but HR and approvers may name only themselves.',
  })
  @IsOptional()
  @Transform(trim)
  @IsUUID('all', { message: 'participant must be the user id (a UUID) of a participant' })
  participant?: string;
}

/** `POST /api/v1/statements/recompute` */
export class RecomputeStatementsQuery {
  @ApiProperty({ example: 'FY2027-Q1', description: 'An open fiscal quarter.' })
  @Transform(canonicalQuarter)
  @IsQuarter()
  period!: string;
}

/** `GET /api/v1/statement-periods` and `GET /api/v1/incentives/forecast` */
export class FiscalYearQuery {
  @ApiPropertyOptional({
    example: 2027,
    description: 'A fiscal year, named by the calendar year in which it ends; today’s when left out.',
  })
  @IsOptional()
  @Transform(fiscalYearNumber)
  @IsFiscalYear()
  fiscalYear?: number;
}

/** `POST /api/v1/plan-versions/:id/what-if` */
export class WhatIfQuery {
  @ApiPropertyOptional({ example: 'FY2027-Q1', description: 'A fiscal quarter; today’s when left out.' })
  @IsOptional()
  @Transform(canonicalQuarter)
  @IsQuarter()
  period?: string;
}

/** `GET /api/v1/plan-versions/:id/preview-facts` */
export class PreviewFactsQuery extends WhatIfQuery {
  @ApiProperty({ format: 'uuid', description: 'The user id of a participant of the version.' })
  @Transform(trim)
  @IsUUID('all', { message: 'participant must be the user id (a UUID) of a participant of this version' })
  participant!: string;
}
