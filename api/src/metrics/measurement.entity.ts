import type { MeasurementSource } from '@lodestar/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One version of a metric's value for an org unit and month. Rows are only ever inserted: a
 * restatement is a new row with the next version and a reason. Numbers are `numeric` in
 * PostgreSQL and decimal strings here.
 */
@Entity('measurements')
export class MeasurementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'metric_key', type: 'text' })
  metricKey!: string;

  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId!: string;

  /** A month label such as `2026-03`. */
  @Column({ type: 'text' })
  month!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'numeric', nullable: true })
  value!: string | null;

  @Column({ type: 'numeric', nullable: true })
  numerator!: string | null;

  @Column({ type: 'numeric', nullable: true })
  denominator!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'text' })
  source!: MeasurementSource;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
