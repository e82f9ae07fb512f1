import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  METRIC_CATEGORIES,
  METRIC_DIRECTIONS,
  METRIC_UNITS,
  type CreateMetricRequest,
  type MetricCategory,
  type MetricDirection,
  type MetricUnit,
} from '@lodestar/contracts';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const AGGREGATIONS = ['sum', 'ratio', 'latest', 'mean'] as const;

export class CreateMetricDto implements CreateMetricRequest {
  @ApiProperty({ example: 'install_lead_time' })
  @Matches(/^[a-z][a-z0-9_]*$/, { message: 'key must start with a letter and hold only lower-case letters, digits and underscores, e.g. install_lead_time' })
  @MaxLength(60)
  key!: string;

  @ApiProperty({ example: 'Installation lead time (days)' })
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ enum: METRIC_CATEGORIES })
  @IsIn(METRIC_CATEGORIES, { message: `category must be one of ${METRIC_CATEGORIES.join(', ')}` })
  category!: MetricCategory;

  @ApiProperty({ enum: METRIC_UNITS })
  @IsIn(METRIC_UNITS, { message: `unit must be one of ${METRIC_UNITS.join(', ')}` })
  unit!: MetricUnit;

  @ApiProperty({ enum: METRIC_DIRECTIONS })
  @IsIn(METRIC_DIRECTIONS, { message: 'direction must be higher or lower (which way is better)' })
  direction!: MetricDirection;

  @ApiProperty({ enum: AGGREGATIONS })
  @IsIn(AGGREGATIONS, { message: `aggregation must be one of ${AGGREGATIONS.join(', ')} (survey metrics are built in)` })
  aggregation!: (typeof AGGREGATIONS)[number];
}
