import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { GIVE_A_PERIOD } from './scorecard-query.dto';

/** Longest comment, as for a nomination's story. */
export const MAX_COMMENT_LENGTH = 4000;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** `POST /api/v1/scorecards/org-units/:key/comments` */
export class CreateScorecardCommentDto {
  @ApiProperty({ example: 'FY2025-Q4' })
  @Matches(/\S/, { message: GIVE_A_PERIOD })
  period!: string;

  @ApiPropertyOptional({
    example: 'on_time_delivery',
    nullable: true,
    description: 'The metric (cell) the comment is about; none for the scorecard as a whole.',
  })
  @IsOptional()
  @IsString({ message: 'metric must be a metric key such as on_time_delivery' })
  @MaxLength(60)
  metric?: string | null;

  @ApiProperty({ example: 'Second shift on final assembly from October; expedited freight until then.' })
  @Transform(trim)
  @IsString({ message: 'body must be the text of the comment' })
  @IsNotEmpty({ message: 'body must not be empty: say what happened and what is being done' })
  @MaxLength(MAX_COMMENT_LENGTH, { message: `body must be at most ${MAX_COMMENT_LENGTH} characters` })
  body!: string;
}
