import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A comment on a unit's scorecard for a period, optionally about one metric (a red cell). */
@Entity('scorecard_comments')
export class ScorecardCommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId!: string;

  /** A month, fiscal quarter or fiscal year label. */
  @Column({ type: 'text' })
  period!: string;

  @Column({ name: 'metric_key', type: 'text', nullable: true })
  metricKey!: string | null;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  /** Plain text, at most 4,000 characters. */
  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
