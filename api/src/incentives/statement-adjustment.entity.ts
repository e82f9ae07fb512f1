import type { PriorPeriodAdjustment } from '@lodestar/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A prior-period adjustment a closed statement carried: a restatement of an earlier closed
 * statement (`for_statement_id`) or an inquiry's adjustment (`inquiry_id`). Written when the
 * statement that carries it is closed, so each difference is paid once.
 */
@Entity('statement_adjustments')
export class StatementAdjustmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The statement that carries it. */
  @Column({ name: 'statement_id', type: 'uuid' })
  statementId!: string;

  @Column({ name: 'for_period', type: 'text' })
  forPeriod!: string;

  @Column({ name: 'for_statement_id', type: 'uuid', nullable: true })
  forStatementId!: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  amount!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text' })
  source!: PriorPeriodAdjustment['source'];

  @Column({ name: 'inquiry_id', type: 'uuid', nullable: true })
  inquiryId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
