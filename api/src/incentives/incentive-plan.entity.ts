import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An incentive plan: a key and a name; its rules live in its versions. */
@Entity('incentive_plans')
export class IncentivePlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** A slug such as `sales-bonus`; unique. */
  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
