import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { Response } from 'express';
import { IsIn } from 'class-validator';
import writeExcelFile from 'write-excel-file/node';
import { SignedIn } from '../common/access.decorator';
import { ScorecardQuery } from './dto/scorecard-query.dto';
import { EXPORT_COLUMNS, scorecardTable, toCsv } from './scorecard-export';
import { ScorecardsService } from './scorecards.service';

export class ScorecardExportQuery extends ScorecardQuery {
  @ApiProperty({ enum: ['csv', 'xlsx'], example: 'xlsx' })
  @IsIn(['csv', 'xlsx'], { message: 'format must be csv or xlsx' })
  format!: 'csv' | 'xlsx';
}

@ApiTags('scorecards')
@Controller('scorecards')
export class ScorecardExportController {
  constructor(
    private readonly scorecards: ScorecardsService,
    private readonly dataSource: DataSource,
  ) {}

  /** The company scorecard as a file: one line per unit and metric, for CSV or Excel. */
  @Get('company/export')
  @SignedIn()
  @ApiOkResponse({ description: 'text/csv or an .xlsx workbook' })
  async export(
    @Query() query: ScorecardExportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { scorecard } = await this.scorecards.company(query.period);
    const metrics: { key: string; name: string }[] = await this.dataSource.query(
      'SELECT key, name FROM metric_definitions',
    );
    const rows = scorecardTable(scorecard, new Map(metrics.map((metric) => [metric.key, metric.name])));
    const name = `lodestar-scorecard-${scorecard.period}`;
    if (query.format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
      // a byte-order mark so Excel reads the UTF-8 names right
      return new StreamableFile(Buffer.from(`\ufeff${toCsv(EXPORT_COLUMNS, rows)}`, 'utf8'));
    }
    const header = EXPORT_COLUMNS.map((title) => ({ value: title, fontWeight: 'bold' as const }));
    const body = rows.map((line) => line.map((value) => (value === null ? null : { value })));
    const buffer = await writeExcelFile([header, ...body], {
      sheet: scorecard.period,
      stickyRowsCount: 1,
      columns: EXPORT_COLUMNS.map((title) => ({ width: Math.max(10, title.length + 2) })),
    }).toBuffer();
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="${name}.xlsx"`);
    return new StreamableFile(buffer);
  }
}
