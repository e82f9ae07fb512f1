import type { StatementPeriodStatus } from '@lodestar/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A quarter HR has closed (its statements locked) and possibly released; other quarters are open. */
@Entity('statement_periods')
export class StatementPeriodEntity {
  /** A quarter label, `FY2026-Q1`. */
  @PrimaryColumn({ type: 'text' })
  period!: string;

  @Column({ type: 'text' })
  status!: Exclude<StatementPeriodStatus, 'OPEN'>;

  @Column({ name: 'closed_by', type: 'uuid' })
  closedBy!: string;

  @Column({ name: 'closed_at', type: 'timestamptz', default: () => 'now()' })
  closedAt!: Date;

  @Column({ name: 'released_by', type: 'uuid', nullable: true })
  releasedBy!: string | null;

  @Column({ name: 'released_at', type: 'timestamptz', nullable: true })
  releasedAt!: Date | null;
}
