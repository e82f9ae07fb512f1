import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A unit's target band for a metric in a fiscal year (`FY2026`) or quarter (`FY2026-Q1`).
 * Numbers are `numeric` in PostgreSQL and decimal strings here.
 */
@Entity('targets')
export class TargetEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'metric_key', type: 'text' })
  metricKey!: string;

  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId!: string;

  @Column({ type: 'text' })
  period!: string;

  @Column({ type: 'numeric' })
  threshold!: string;

  @Column({ type: 'numeric' })
  target!: string;

  @Column({ type: 'numeric' })
  stretch!: string;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
