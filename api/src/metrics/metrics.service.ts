import { ConflictException, Injectable } from '@nestjs/common';
import type { MetricDefinition } from '@lodestar/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ReadCache } from '../common/read-cache';
import type { RequestUser } from '../common/request-user';
import type { CreateMetricDto } from './dto/create-metric.dto';
import { MetricDefinitionEntity } from './metric-definition.entity';

function toMetric(entity: MetricDefinitionEntity): MetricDefinition {
  return {
    key: entity.key,
    name: entity.name,
    description: entity.description,
    category: entity.category,
    unit: entity.unit,
    direction: entity.direction,
    aggregation: entity.aggregation,
    survey: entity.survey,
    builtIn: entity.builtIn,
  };
}

@Injectable()
export class MetricsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cache: ReadCache,
  ) {}

  async list(): Promise<MetricDefinition[]> {
    const rows = await this.dataSource
      .getRepository(MetricDefinitionEntity)
      .find({ order: { builtIn: 'DESC', category: 'ASC', createdAt: 'ASC', key: 'ASC' } });
    return rows.map(toMetric);
  }

  async create(actor: RequestUser, body: CreateMetricDto): Promise<MetricDefinition> {
    const created = await this.audit.write(actor, async (manager, record) => {
      if (await manager.existsBy(MetricDefinitionEntity, { key: body.key })) {
        throw new ConflictException(`A metric with the key "${body.key}" already exists: choose another key.`);
      }
      const saved = await manager.save(
        manager.create(MetricDefinitionEntity, { ...body, description: body.description ?? null, survey: null, builtIn: false }),
      );
      await record({ action: 'metric.create', entityType: 'metric', entityId: saved.key, after: toMetric(saved) });
      return toMetric(saved);
    });
    this.cache.changed('scorecards'); // a new CX metric is a new scorecard column
    return created;
  }
}
