import type { CalculationTrace, StatementStatus } from '@lodestar/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One participant's statement for one quarter: a `PROJECTION` while the quarter is open
 * (recomputed as its inputs change), a locked snapshot once HR closes it (`CLOSED`, then
 * `RELEASED`). Money is `numeric(14, 2)` and percentages full-precision `numeric`, decimal
 * strings here; `trace` is the calculation trace the amounts come from.
 */
@Entity('statements')
export class StatementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** A quarter label, `FY2026-Q1`. */
  @Column({ type: 'text' })
  period!: string;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId!: string;

  @Column({ type: 'text', default: 'PROJECTION' })
  status!: StatementStatus;

  /** % of the period's target bonus. */
  @Column({ name: 'total_payout', type: 'numeric' })
  totalPayout!: string;

  @Column({ name: 'period_target', type: 'numeric' })
  periodTarget!: string;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  amount!: string;

  /** Σ prior-period adjustments carried into it. */
  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0 })
  adjustments!: string;

  /** ≤ 0: the balance recouped from an earlier statement. */
  @Column({ name: 'carried_in', type: 'numeric', precision: 14, scale: 2, default: 0 })
  carriedIn!: string;

  /** ≥ 0: a statement never pays below zero. */
  @Column({ type: 'numeric', precision: 14, scale: 2 })
  payable!: string;

  /** ≤ 0: what is left to recoup from the next statement. */
  @Column({ name: 'carried_forward', type: 'numeric', precision: 14, scale: 2, default: 0 })
  carriedForward!: string;

  @Column({ type: 'json' })
  trace!: CalculationTrace;

  @Column({ name: 'computed_at', type: 'timestamptz', default: () => 'now()' })
  computedAt!: Date;
}
