import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TargetBatchRequest, TargetInput } from '@lodestar/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { DECIMAL, IsDecimalInput } from '../../common/decimal-input';

/** Rows per JSON batch; larger sets go through the CSV import. */
export const MAX_TARGET_BATCH = 1000;

export class TargetInputDto implements TargetInput {
  @ApiProperty({ example: 'nps', description: 'Any metric key, VoC metrics and cx_index included.' })
  @IsString()
  @IsNotEmpty({ message: 'metric must be a metric key such as nps' })
  @MaxLength(60)
  metric!: string;

  @ApiProperty({ example: 'sales' })
  @IsString()
  @IsNotEmpty({ message: 'orgUnit must be an org unit key such as sales' })
  @MaxLength(100)
  orgUnit!: string;

  @ApiProperty({
    example: 'FY2026',
    description: 'A fiscal year (FY2026) or, to phase it, a quarter (FY2026-Q1); not a month.',
  })
  @IsString()
  @IsNotEmpty({ message: 'period must be a fiscal year such as FY2026 or a quarter such as FY2026-Q1' })
  @MaxLength(20)
  period!: string;

  @ApiProperty({
    ...DECIMAL,
    example: '30',
    description: 'Short of the target in the metric’s better direction.',
  })
  @IsDecimalInput()
  threshold!: string | number;

  @ApiProperty({ ...DECIMAL, example: '40' })
  @IsDecimalInput()
  target!: string | number;

  @ApiProperty({
    ...DECIMAL,
    example: '50',
    description: 'Beyond the target in the metric’s better direction.',
  })
  @IsDecimalInput()
  stretch!: string | number;
}

export class TargetBatchDto implements TargetBatchRequest {
  @ApiProperty({ type: [TargetInputDto], maxItems: MAX_TARGET_BATCH })
  @IsArray()
  @ArrayMinSize(1, { message: 'targets must hold at least one target' })
  @ArrayMaxSize(MAX_TARGET_BATCH, {
    message: 'targets can hold at most 1,000 rows: split the batch or use the CSV import',
  })
  @ValidateNested({ each: true })
  @Type(() => TargetInputDto)
  targets!: TargetInputDto[];
}

export class TargetListQuery {
  @ApiProperty({ example: 'FY2026', description: 'A fiscal year: its own targets and its quarters’.' })
  @IsString()
  @IsNotEmpty({ message: 'period must be a fiscal year such as FY2026' })
  @MaxLength(20)
  period!: string;

  @ApiPropertyOptional({ example: 'nps' })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'metric must be a metric key such as nps' })
  @MaxLength(60)
  metric?: string;

  @ApiPropertyOptional({ example: 'sales' })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'orgUnit must be an org unit key such as sales' })
  @MaxLength(100)
  orgUnit?: string;
}

export class TargetQuery {
  @ApiProperty({ example: 'nps' })
  @IsString()
  @IsNotEmpty({ message: 'metric must be a metric key such as nps' })
  @MaxLength(60)
  metric!: string;

  @ApiProperty({ example: 'sales' })
  @IsString()
  @IsNotEmpty({ message: 'orgUnit must be an org unit key such as sales' })
  @MaxLength(100)
  orgUnit!: string;

  @ApiProperty({ example: 'FY2026-Q1' })
  @IsString()
  @IsNotEmpty({ message: 'period must be a period label such as FY2026-Q1' })
  @MaxLength(20)
  period!: string;
}
