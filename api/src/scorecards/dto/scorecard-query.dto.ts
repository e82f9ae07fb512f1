import { ApiProperty } from '@nestjs/swagger';
import { PERIOD_FORMAT_HINT } from '@lodestar/contracts';
import { Matches } from 'class-validator';

/** Said when the period is missing; a label that is not a period is refused by the service with the same hint. */
export const GIVE_A_PERIOD = `period is missing: ${PERIOD_FORMAT_HINT}`;

export class ScorecardQuery {
  @ApiProperty({
    example: 'FY2026-Q1',
    description: 'A month (2026-03), fiscal quarter (FY2026-Q1) or fiscal year (FY2026).',
  })
  @Matches(/\S/, { message: GIVE_A_PERIOD })
  period!: string;
}
