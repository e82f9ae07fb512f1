import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * HR's value for a CX input (`nps`, `csat`, `ces`, `cx_index`) of one unit and quarter whose
 * sample is too small for pay, with a reason. `PENDING` until an APPROVER other than the person
 * who entered it approves or rejects it; only an `APPROVED` one is used for pay. At most one
 * pending or approved override per unit, metric and quarter. The value is `numeric` in
 * PostgreSQL and a decimal string here.
 */
@Entity('pay_overrides')
export class PayOverrideEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId!: string;

  @Column({ type: 'text' })
  metric!: string;

  /** A quarter label, `FY2026-Q1`. */
  @Column({ type: 'text' })
  period!: string;

  @Column({ type: 'numeric', precision: 20, scale: 6 })
  value!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text', default: 'PENDING' })
  status!: 'PENDING' | 'APPROVED' | 'REJECTED';

  @Column({ name: 'entered_by', type: 'uuid' })
  enteredBy!: string;

  @Column({ name: 'entered_at', type: 'timestamptz', default: () => 'now()' })
  enteredAt!: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** Why it was rejected (or a note on an approval). */
  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;
}
