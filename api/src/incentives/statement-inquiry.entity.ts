import type { InquiryReason, InquiryStatus } from '@lodestar/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A participant's question about one of their statements (a reason code and text) and HR's
 * answer: answered, rejected, or adjusted by a signed amount (`numeric(14, 2)`, a decimal string
 * here) that the next open quarter's statement carries as an `INQUIRY` adjustment.
 */
@Entity('statement_inquiries')
export class StatementInquiryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'statement_id', type: 'uuid' })
  statementId!: string;

  @Column({ name: 'raised_by', type: 'uuid' })
  raisedBy!: string;

  @Column({ type: 'text' })
  reason!: InquiryReason;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  status!: InquiryStatus;

  /** HR's answer; null while the inquiry is open. */
  @Column({ type: 'text', nullable: true })
  response!: string | null;

  /** With `ADJUSTED`: the signed amount for the next open quarter, e.g. `"-120.50"`. */
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  adjustment!: string | null;

  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  answeredBy!: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
