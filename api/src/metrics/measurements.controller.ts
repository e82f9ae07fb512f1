import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { MeasurementBatchResult, MeasurementGrid, MeasurementImportResult, MeasurementResult } from '@lodestar/contracts';
import type { Request } from 'express';
import { Roles, SignedIn } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { MeasurementBatchDto, MeasurementGridQuery, MeasurementQuery } from './dto/measurement.dto';
import { MeasurementsService } from './measurements.service';

@ApiTags('measurements')
@Controller('measurements')
export class MeasurementsController {
  constructor(private readonly measurements: MeasurementsService) {}

  /** Up to 1,000 values of non-VoC metrics per unit and month: all stored, or none with every bad row named. */
  @Post()
  @HttpCode(200)
  @Roles('CX_LEAD')
  record(@CurrentUser() actor: RequestUser, @Body() body: MeasurementBatchDto): Promise<MeasurementBatchResult> {
    return this.measurements.record(actor, body.measurements, body.source);
  }

  /** A CSV of measurements (multipart `file`, up to 10 MB, and `reason` when it restates months). */
  @Post('imports')
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'CSV with the header metric,org_unit,period,value,numerator,denominator,note (any order)' },
        reason: { type: 'string', description: 'Why months that already hold a value change' },
      },
    },
  })
  @Roles('CX_LEAD')
  import(@Req() req: Request, @CurrentUser() actor: RequestUser): Promise<MeasurementImportResult> {
    return this.measurements.import(req, actor);
  }

  /** A unit's value for a month, quarter or fiscal year, with each month's history. */
  @Get()
  @SignedIn()
  result(@Query() query: MeasurementQuery): Promise<MeasurementResult> {
    return this.measurements.result(query.metric, query.orgUnit, query.period);
  }

  /** Every org unit × the period's months of one metric. */
  @Get('grid')
  @SignedIn()
  grid(@Query() query: MeasurementGridQuery): Promise<MeasurementGrid> {
    return this.measurements.grid(query.metric, query.period);
  }
}
