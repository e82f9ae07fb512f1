import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';

/** A fiscal quarter label such as FY2026-Q1: statements are quarterly. */
export const QUARTER = /^FY\d{4}-Q[1-4]$/;
const QUARTER_MESSAGE = 'period must be a fiscal quarter such as FY2026-Q1: statements are made per quarter';

/** `GET /api/v1/statements/payroll` */
export class PayrollExportQuery {
  @ApiProperty({ example: 'FY2026-Q1', description: 'A released fiscal quarter.' })
  @Matches(QUARTER, { message: QUARTER_MESSAGE })
  period!: string;
}

/** `GET /api/v1/statements/export` */
export class StatementExportQuery {
  @ApiProperty({
    example: 'FY2026-Q1',
    description: 'A fiscal quarter; every statement of it, in any status.',
  })
  @Matches(QUARTER, { message: QUARTER_MESSAGE })
  period!: string;

  @ApiProperty({ enum: ['csv', 'xlsx'], example: 'xlsx' })
  @IsIn(['csv', 'xlsx'], { message: 'format must be csv or xlsx' })
  format!: 'csv' | 'xlsx';
}
