import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import writeExcelFile from 'write-excel-file/node';
import { Roles } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { PayrollExportQuery, StatementExportQuery } from './dto/statement-export.dto';
import { sheetWidths, tableCsv, tableSheet } from './statement-export';
import { StatementExportsService } from './statement-exports.service';

const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Statement files for HR. Registered before the statements controller: its `statements/:id`
 * would otherwise take `export` and `payroll` for statement ids.
 */
@ApiTags('statements')
@Controller('statements')
export class StatementExportsController {
  constructor(private readonly exports: StatementExportsService) {}

  /** Every statement of a quarter (any status), one line each, as CSV or an Excel workbook. */
  @Get('export')
  @Roles('HR')
  @ApiOkResponse({ description: 'text/csv or an .xlsx workbook' })
  async export(
    @CurrentUser() actor: RequestUser,
    @Query() query: StatementExportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const table = await this.exports.statements(actor, query.period, query.format);
    const name = `statements-${query.period}`;
    if (query.format === 'csv') {
      res.setHeader('Content-Type', CSV);
      res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
      // a byte-order mark so that Excel reads the UTF-8 names right
      return new StreamableFile(Buffer.from(`\ufeff${tableCsv(table)}`, 'utf8'));
    }
    const buffer = await writeExcelFile(tableSheet(table), {
      sheet: query.period,
      stickyRowsCount: 1,
      columns: sheetWidths(table),
    }).toBuffer();
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', `attachment; filename="${name}.xlsx"`);
    return new StreamableFile(buffer);
  }

  /** The released statements of a released quarter for payroll: email, name, period, payable, currency, id. */
  @Get('payroll')
  @Roles('HR')
  @ApiOkResponse({ description: 'text/csv' })
  async payroll(
    @CurrentUser() actor: RequestUser,
    @Query() query: PayrollExportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const table = await this.exports.payroll(actor, query.period);
    res.setHeader('Content-Type', CSV);
    res.setHeader('Content-Disposition', `attachment; filename="payroll-${query.period}.csv"`);
    return new StreamableFile(Buffer.from(tableCsv(table), 'utf8'));
  }
}
