import type { ActionPlanStatus } from '@lodestar/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What a unit does about a red cell: owner, due date and status, on the scorecard until done. */
@Entity('action_plans')
export class ActionPlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId!: string;

  /** The period of the cell the plan answers. */
  @Column({ type: 'text' })
  period!: string;

  @Column({ name: 'metric_key', type: 'text' })
  metricKey!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  /** `YYYY-MM-DD`. */
  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ type: 'text' })
  status!: ActionPlanStatus;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When the plan was marked done; null while it is open or in progress. */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}
