import { ApiProperty } from '@nestjs/swagger';
import type { FiscalCalendar } from '@lodestar/contracts';
import { IsInt, IsString, Max, Min } from 'class-validator';

export class FiscalCalendarDto implements FiscalCalendar {
  @ApiProperty({ minimum: 1, maximum: 12, example: 10, description: '1 = January … 12 = December' })
  @IsInt({ message: 'startMonth must be a whole number from 1 (January) to 12 (December)' })
  @Min(1, { message: 'startMonth must be a whole number from 1 (January) to 12 (December)' })
  @Max(12, { message: 'startMonth must be a whole number from 1 (January) to 12 (December)' })
  startMonth!: number;

  @ApiProperty({ example: 'Europe/Amsterdam', description: 'IANA time zone name' })
  @IsString()
  timeZone!: string;
}
