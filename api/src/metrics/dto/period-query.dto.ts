import { ApiProperty } from '@nestjs/swagger';
import type { SurveyType } from '@lodestar/contracts';
import { IsIn, IsNotEmpty, IsString } from 'class-validator';

export class PeriodQuery {
  @ApiProperty({ example: 'sales' })
  @IsString()
  @IsNotEmpty({ message: 'orgUnit must be a unit key such as sales' })
  orgUnit!: string;

  @ApiProperty({ example: 'FY2026-Q1' })
  @IsString()
  @IsNotEmpty({ message: 'period must be a period label such as FY2026-Q1' })
  period!: string;
}

export class CxResultQuery extends PeriodQuery {
  @ApiProperty({ enum: ['nps', 'csat', 'ces'] })
  @IsIn(['nps', 'csat', 'ces'], { message: 'metric must be one of nps, csat, ces' })
  metric!: SurveyType;
}

export class ParetoQuery extends PeriodQuery {
  @ApiProperty({ enum: ['nps', 'csat', 'ces'] })
  @IsIn(['nps', 'csat', 'ces'], { message: 'survey must be one of nps, csat, ces' })
  survey!: SurveyType;
}
