import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One CX metric's weight (percent) in a unit's CX index; `orgUnitId` null is the company default. */
@Entity('cx_index_weights')
export class CxIndexWeightEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'org_unit_id', type: 'uuid', nullable: true })
  orgUnitId!: string | null;

  @Column({ name: 'metric_key', type: 'text' })
  metricKey!: string;

  @Column({ type: 'numeric' })
  weight!: string;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
