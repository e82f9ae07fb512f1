import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type VocImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';

@Entity('voc_imports')
export class VocImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  status!: VocImportStatus;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'total_bytes', type: 'bigint' })
  totalBytes!: string;

  @Column({ name: 'bytes_read', type: 'bigint', default: 0 })
  bytesRead!: string;

  @Column({ name: 'rows_processed', type: 'integer', default: 0 })
  rowsProcessed!: number;

  @Column({ type: 'integer', default: 0 })
  inserted!: number;

  @Column({ type: 'integer', default: 0 })
  duplicates!: number;

  @Column({ type: 'integer', default: 0 })
  rejected!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors!: { line: number; message: string }[];

  @Column({ type: 'text', nullable: true })
  failure!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
