import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A person in a plan version: the unit whose results count, the annual target bonus
 * (`numeric(14, 2)`, a decimal string here) and inclusive dates. A transfer is two rows of the
 * same person with dates that do not overlap.
 */
@Entity('plan_participants')
export class PlanParticipantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId!: string;

  @Column({ name: 'annual_target_bonus', type: 'numeric', precision: 14, scale: 2 })
  annualTargetBonus!: string;

  /** `YYYY-MM-DD`. */
  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  /** `YYYY-MM-DD`, inclusive; null while the person stays in the plan. */
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate!: string | null;
}
