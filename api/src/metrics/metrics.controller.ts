import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MetricDefinition } from '@lodestar/contracts';
import { Roles, SignedIn } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { CreateMetricDto } from './dto/create-metric.dto';
import { MetricsService } from './metrics.service';

@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @SignedIn()
  list(): Promise<MetricDefinition[]> {
    return this.metrics.list();
  }

  /** A custom metric (the built-in ones cannot be changed). */
  @Post()
  @Roles('CX_LEAD')
  create(@CurrentUser() actor: RequestUser, @Body() body: CreateMetricDto): Promise<MetricDefinition> {
    return this.metrics.create(actor, body);
  }
}
