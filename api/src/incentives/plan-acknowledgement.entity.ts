import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A participant's acknowledgement of a published plan version: the first date counts. */
@Entity('plan_acknowledgements')
export class PlanAcknowledgementEntity {
  @PrimaryColumn({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', default: () => 'now()' })
  acknowledgedAt!: Date;
}
