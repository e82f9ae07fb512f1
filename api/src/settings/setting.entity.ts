import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Company-wide settings as key → JSON value (e.g. `fiscal-calendar`). */
@Entity('settings')
export class SettingEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'jsonb' })
  value!: unknown;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
