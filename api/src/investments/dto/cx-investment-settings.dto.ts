import { ApiProperty } from '@nestjs/swagger';
import type { CxInvestmentSettings } from '@lodestar/contracts';
import { IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { DECIMAL } from '../../common/decimal-input';
import { IsAmount } from './cx-investment.dto';

const QUARTER = /^FY\d{4}-Q[1-4]$/;
const QUARTER_MESSAGE = 'quarter must be a fiscal quarter such as FY2026-Q1';

/** `PUT /api/v1/cx-investments/settings` */
export class CxInvestmentSettingsDto implements CxInvestmentSettings {
  @ApiProperty({
    ...DECIMAL,
    example: '25000.00',
    description: 'Amounts above this need an APPROVER after the CX lead.',
  })
  @IsAmount(false)
  secondApprovalAbove!: string;

  @ApiProperty({
    ...DECIMAL,
    example: '150000.00',
    description: 'Approved investments per unit and fiscal quarter, both kinds together.',
  })
  @IsAmount(false)
  defaultQuarterCap!: string;
}

/** `GET /api/v1/cx-investments/budget` */
export class CxInvestmentBudgetQuery {
  @ApiProperty({ example: 'key-accounts' })
  @IsString({ message: 'orgUnit must be an org unit key such as key-accounts' })
  @IsNotEmpty({ message: 'orgUnit must be an org unit key such as key-accounts' })
  @MaxLength(100)
  orgUnit!: string;

  @ApiProperty({ example: 'FY2026-Q2' })
  @IsString({ message: QUARTER_MESSAGE })
  @Matches(QUARTER, { message: QUARTER_MESSAGE })
  quarter!: string;
}

/** `PUT /api/v1/cx-investments/budget`: a unit's own cap for a quarter, or null to fall back to the default. */
export class CxInvestmentCapDto {
  @ApiProperty({ example: 'key-accounts' })
  @IsString({ message: 'orgUnit must be an org unit key such as key-accounts' })
  @IsNotEmpty({ message: 'orgUnit must be an org unit key such as key-accounts' })
  @MaxLength(100)
  orgUnit!: string;

  @ApiProperty({ example: 'FY2026-Q2' })
  @IsString({ message: QUARTER_MESSAGE })
  @Matches(QUARTER, { message: QUARTER_MESSAGE })
  quarter!: string;

  @ApiProperty({
    ...DECIMAL,
    nullable: true,
    example: '400000.00',
    description: 'null: the unit uses the default cap again.',
  })
  @ValidateIf((_, value) => value !== null)
  @IsAmount(false)
  cap!: string | null;
}
