import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AwardTier,
  CompanyValueTag,
  RecognitionBudgetInput,
  RecognitionSettings,
} from '@lodestar/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto';

const QUARTER = /^FY\d{4}-Q[1-4]$/;
const QUARTER_MESSAGE = 'quarter must be a fiscal quarter such as FY2027-Q1';
const PERIOD = /^FY\d{4}(-Q[1-4])?$/;

export class AwardTierDto implements AwardTier {
  @ApiProperty({ example: 'GOLD' })
  @Matches(/^[A-Z][A-Z0-9_]{0,39}$/, {
    message: 'tiers[].key must be upper case letters, digits or _, such as GOLD',
  })
  key!: string;

  @ApiProperty({ example: 'Gold' })
  @IsString({ message: 'tiers[].name must be text' })
  @IsNotEmpty({ message: 'tiers[].name must be text' })
  @MaxLength(60)
  name!: string;

  @ApiProperty({ example: 1000 })
  @IsInt({ message: 'tiers[].points must be a whole number of points' })
  @Min(1, { message: 'tiers[].points must be at least 1' })
  @Max(1_000_000)
  points!: number;
}

/** `PUT /api/v1/recognition/settings` */
export class RecognitionSettingsDto implements RecognitionSettings {
  @ApiProperty({ example: 5 })
  @IsInt({ message: 'maxPerNominatorPerQuarter must be a whole number from 1 to 1000' })
  @Min(1, { message: 'maxPerNominatorPerQuarter must be a whole number from 1 to 1000' })
  @Max(1000, { message: 'maxPerNominatorPerQuarter must be a whole number from 1 to 1000' })
  maxPerNominatorPerQuarter!: number;

  @ApiProperty({ example: 2 })
  @IsInt({ message: 'maxPerNomineePerQuarter must be a whole number from 1 to 1000' })
  @Min(1, { message: 'maxPerNomineePerQuarter must be a whole number from 1 to 1000' })
  @Max(1000, { message: 'maxPerNomineePerQuarter must be a whole number from 1 to 1000' })
  maxPerNomineePerQuarter!: number;

  @ApiProperty({ type: [AwardTierDto] })
  @IsArray({ message: 'tiers must be a list of award tiers' })
  @ArrayMinSize(1, { message: 'tiers must hold at least one award tier' })
  @ArrayMaxSize(10, { message: 'tiers may hold at most 10 award tiers' })
  @ValidateNested({ each: true })
  @Type(() => AwardTierDto)
  tiers!: AwardTierDto[];

  @ApiProperty({ example: 'GOLD' })
  @IsString({ message: 'secondApprovalFromTier must be the key of one of the tiers' })
  secondApprovalFromTier!: string;

  @ApiProperty({ example: 5000 })
  @IsInt({ message: 'defaultQuarterBudget must be a whole number of points, 0 or more' })
  @Min(0, { message: 'defaultQuarterBudget must be a whole number of points, 0 or more' })
  @Max(100_000_000)
  defaultQuarterBudget!: number;
}

/** `PUT /api/v1/recognition/budgets` */
export class RecognitionBudgetDto implements RecognitionBudgetInput {
  @ApiProperty({ example: 'field-service' })
  @IsString({ message: 'orgUnit must be an org unit key such as field-service' })
  @IsNotEmpty({ message: 'orgUnit must be an org unit key such as field-service' })
  @MaxLength(100)
  orgUnit!: string;

  @ApiProperty({ example: 'FY2027-Q1' })
  @Matches(QUARTER, { message: QUARTER_MESSAGE })
  quarter!: string;

  @ApiProperty({ example: 2500 })
  @IsInt({ message: 'points must be a whole number of points, 0 or more' })
  @Min(0, { message: 'points must be a whole number of points, 0 or more' })
  @Max(100_000_000)
  points!: number;
}

/** `GET /api/v1/recognition/budgets` */
export class RecognitionBudgetQuery {
  @ApiPropertyOptional({ example: 'FY2027-Q1', description: 'Defaults to the current quarter.' })
  @IsOptional()
  @Matches(QUARTER, { message: QUARTER_MESSAGE })
  quarter?: string;
}

/** `GET /api/v1/recognition/feed` */
export class FeedQuery extends PaginationQuery {}

/** `GET /api/v1/recognition/leaderboard` */
export class LeaderboardQuery {
  @ApiPropertyOptional({
    example: 'FY2027-Q1',
    description: 'A fiscal quarter or year; defaults to the current quarter.',
  })
  @IsOptional()
  @Matches(PERIOD, {
    message: 'period must be a fiscal quarter such as FY2027-Q1 or a fiscal year such as FY2027',
  })
  period?: string;
}

/** `GET /api/v1/recognition/analytics` */
export class AnalyticsQuery {
  @ApiPropertyOptional({
    example: 'FY2026-Q1',
    description: 'The first quarter; defaults to four quarters before `to`.',
  })
  @IsOptional()
  @Matches(QUARTER, { message: 'from must be a fiscal quarter such as FY2026-Q1' })
  from?: string;

  @ApiPropertyOptional({
    example: 'FY2027-Q1',
    description: 'The last quarter; defaults to the current quarter.',
  })
  @IsOptional()
  @Matches(QUARTER, { message: 'to must be a fiscal quarter such as FY2027-Q1' })
  to?: string;
}

/** `POST /api/v1/recognition/tags` */
export class CompanyValueTagDto implements CompanyValueTag {
  @ApiProperty({ example: 'customer-first' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'key must be lower case words joined by -, such as customer-first',
  })
  @MaxLength(60, { message: 'key must be at most 60 characters' })
  key!: string;

  @ApiProperty({ example: 'Customer first' })
  @IsString({ message: 'name must be text' })
  @IsNotEmpty({ message: 'name must be text' })
  @MaxLength(100, { message: 'name must be at most 100 characters' })
  name!: string;
}
