import type { PlanRules, PlanVersionStatus } from '@lodestar/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FrozenInputs } from './frozen-inputs';

/**
 * A numbered version of a plan: `DRAFT` → `IN_REVIEW` → `APPROVED` → `PUBLISHED` (a rejection
 * returns it to `DRAFT`). `revision` is its ETag and grows with every write; `frozen` holds the
 * target bands and CX index weights approval read.
 */
@Entity('plan_versions')
export class PlanVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'text', default: 'DRAFT' })
  status!: PlanVersionStatus;

  /** A quarter label, `FY2027-Q1`: the version applies from it to the end of that fiscal year. */
  @Column({ name: 'effective_from', type: 'text' })
  effectiveFrom!: string;

  @Column({ type: 'jsonb' })
  rules!: PlanRules;

  @Column({ type: 'text', default: '' })
  notes!: string;

  @Column({ type: 'integer', default: 1 })
  revision!: number;

  @Column({ name: 'based_on', type: 'uuid', nullable: true })
  basedOn!: string | null;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy!: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy!: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'rejected_by', type: 'uuid', nullable: true })
  rejectedBy!: string | null;

  @Column({ name: 'rejected_at', type: 'timestamptz', nullable: true })
  rejectedAt!: Date | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  frozen!: FrozenInputs | null;

  @Column({ name: 'frozen_at', type: 'timestamptz', nullable: true })
  frozenAt!: Date | null;
}
