import type { MetricAggregation, MetricCategory, MetricDirection, MetricUnit, SurveyType } from '@lodestar/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('metric_definitions')
export class MetricDefinitionEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text' })
  category!: MetricCategory;

  @Column({ type: 'text' })
  unit!: MetricUnit;

  @Column({ type: 'text' })
  direction!: MetricDirection;

  @Column({ type: 'text' })
  aggregation!: MetricAggregation;

  @Column({ type: 'text', nullable: true })
  survey!: SurveyType | null;

  @Column({ name: 'built_in', type: 'boolean', default: false })
  builtIn!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
