import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MAX_MEASUREMENT_BATCH,
  type MeasurementBatchRequest,
  type MeasurementInput,
} from '@lodestar/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsDecimalInput } from '../../common/decimal-input';

/** Longest note or reason. */
export const MAX_MEASUREMENT_TEXT = 2000;

/** Decimals are documented as strings (a JSON number is accepted too). */
const DECIMAL = { type: String, nullable: true } as const;

export class MeasurementInputDto implements MeasurementInput {
  @ApiProperty({
    example: 'quota_attainment',
    description: 'A metric key that is not a VoC metric (nps, csat, ces come from survey answers).',
  })
  @IsString()
  @IsNotEmpty({ message: 'metric must be a metric key such as revenue' })
  @MaxLength(60)
  metric!: string;

  @ApiProperty({ example: 'sales' })
  @IsString()
  @IsNotEmpty({ message: 'orgUnit must be an org unit key such as sales' })
  @MaxLength(100)
  orgUnit!: string;

  @ApiProperty({ example: '2026-03', description: 'A month: measurements are monthly.' })
  @IsString()
  @IsNotEmpty({ message: 'period must be a month such as 2026-03' })
  @MaxLength(20)
  period!: string;

  @ApiPropertyOptional({
    ...DECIMAL,
    example: '1250000.50',
    description: 'For sum, latest and mean metrics.',
  })
  @IsOptional()
  @IsDecimalInput('1250000.50')
  value?: string | number | null;

  @ApiPropertyOptional({ ...DECIMAL, example: '1180000', description: 'For ratio metrics (e.g. bookings).' })
  @IsOptional()
  @IsDecimalInput('1250000.50')
  numerator?: string | number | null;

  @ApiPropertyOptional({
    ...DECIMAL,
    example: '1000000',
    description: 'For ratio metrics (e.g. quota); greater than 0.',
  })
  @IsOptional()
  @IsDecimalInput('1250000.50')
  denominator?: string | number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(MAX_MEASUREMENT_TEXT)
  note?: string | null;

  @ApiPropertyOptional({
    description: 'Required when the month already holds a different value: why it changes.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_MEASUREMENT_TEXT)
  reason?: string | null;
}

export class MeasurementBatchDto implements MeasurementBatchRequest {
  @ApiProperty({ type: [MeasurementInputDto], maxItems: MAX_MEASUREMENT_BATCH })
  @IsArray()
  @ArrayMinSize(1, { message: 'measurements must hold at least one measurement' })
  @ArrayMaxSize(MAX_MEASUREMENT_BATCH, {
    message: 'measurements can hold at most 1,000 rows: split the batch or use the CSV import',
  })
  @ValidateNested({ each: true })
  @Type(() => MeasurementInputDto)
  measurements!: MeasurementInputDto[];

  @ApiPropertyOptional({
    enum: ['api', 'manual'],
    description: '`manual` when a person typed the values into the grid.',
  })
  @IsOptional()
  @IsIn(['api', 'manual'], { message: 'source must be api or manual' })
  source?: 'api' | 'manual';
}

export class MeasurementGridQuery {
  @ApiProperty({ example: 'revenue' })
  @IsString()
  @IsNotEmpty({ message: 'metric must be a metric key such as revenue' })
  @MaxLength(60)
  metric!: string;

  @ApiProperty({ example: 'FY2026', description: 'A month, fiscal quarter or fiscal year.' })
  @IsString()
  @IsNotEmpty({ message: 'period must be a period label such as FY2026-Q1' })
  @MaxLength(20)
  period!: string;
}

export class MeasurementQuery extends MeasurementGridQuery {
  @ApiProperty({ example: 'sales' })
  @IsString()
  @IsNotEmpty({ message: 'orgUnit must be an org unit key such as sales' })
  @MaxLength(100)
  orgUnit!: string;
}
