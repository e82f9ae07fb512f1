import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SurveyType, VocResponseInput } from '@lodestar/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto';
import { PeriodQuery } from './period-query.dto';

const SURVEY_MESSAGE = 'survey must be one of nps, csat, ces';

export class VocResponseDto implements VocResponseInput {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) responseId!: string;
  @ApiProperty({ example: '2026-03-14T09:30:00Z' }) @IsString() @IsNotEmpty() respondedAt!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) account?: string | null;
  @ApiProperty({ example: 'service' }) @IsString() @IsNotEmpty() orgUnit!: string;
  @ApiProperty({ enum: ['nps', 'csat', 'ces'] }) @IsIn(['nps', 'csat', 'ces'], { message: SURVEY_MESSAGE }) survey!: SurveyType;
  @ApiProperty() @IsInt({ message: 'score must be a whole number' }) score!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cause?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10000) comment?: string | null;
}

export class VocResponsesDto {
  @ApiProperty({ type: [VocResponseDto], maxItems: 1000 })
  @IsArray()
  @ArrayMinSize(1, { message: 'responses must hold at least one answer' })
  @ArrayMaxSize(1000, { message: 'responses can hold at most 1,000 answers: split the batch or use the CSV import' })
  @ValidateNested({ each: true })
  @Type(() => VocResponseDto)
  responses!: VocResponseDto[];
}

export class CommentsQuery extends PaginationQuery {
  @ApiProperty({ example: 'sales' }) @IsString() @IsNotEmpty({ message: 'orgUnit must be a unit key such as sales' }) orgUnit!: string;
  @ApiProperty({ example: 'FY2026-Q1' }) @IsString() @IsNotEmpty({ message: 'period must be a period label such as FY2026-Q1' }) period!: string;
  @ApiPropertyOptional({ enum: ['nps', 'csat', 'ces'] }) @IsOptional() @IsIn(['nps', 'csat', 'ces'], { message: SURVEY_MESSAGE }) survey?: SurveyType;
  @ApiPropertyOptional({ description: 'Words in the comment, the cause or the account' }) @IsOptional() @IsString() @MaxLength(200) search?: string;
  @ApiPropertyOptional({ description: 'Only answers up to this score' }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) maxScore?: number;
}

export { PeriodQuery };
