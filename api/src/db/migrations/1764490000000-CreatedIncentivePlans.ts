import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incentive plans and their statements.
 *
 * - `incentive_plans` → `plan_versions` (`DRAFT` → `IN_REVIEW` → `APPROVED` → `PUBLISHED`; a
 *   rejection returns a version to `DRAFT`). A version's rules (components, curves, gates,
 *   multiplier, plan cap) are one JSON document; `revision` is its ETag. Approval writes
 *   `frozen`: the target bands and CX-index weights the version reads, so a later target edit
 *   cannot move pay. A version applies from `effective_from` (a quarter) to the end of its
 *   fiscal year.
 * - `plan_participants`: people of a version with their annual target bonus (money is
 *   `numeric(14, 2)`), the unit whose results count, and inclusive start and end dates.
 * - `plan_acknowledgements`: a participant's acknowledgement of a published version.
 * - `pay_overrides`: HR's value for a CX input with too small a sample, signed off by an approver.
 * - `statement_periods`: quarters HR has closed (and released); any other quarter is open.
 * - `statements`: one per participant and quarter; a projection while the quarter is open, a
 *   locked snapshot once closed. `trace` is the calculation trace (json: written in bulk, read whole).
 * - `statement_inquiries`: a participant's question about a statement and HR's answer.
 * - `statement_adjustments`: prior-period adjustments carried into a statement (restatements
 *   of a closed quarter's inputs, or an inquiry's adjustment).
 */
export class CreatedIncentivePlans1764490000000 implements MigrationInterface {
  name = 'CreatedIncentivePlans1764490000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE incentive_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL CONSTRAINT incentive_plans_key_format CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL CONSTRAINT incentive_plans_name_length CHECK (char_length(name) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CONSTRAINT incentive_plans_description_length CHECK (char_length(description) <= 4000),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT incentive_plans_key_unique UNIQUE (key)
      )`);
    await q.query(`
      CREATE TABLE plan_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES incentive_plans(id) ON DELETE CASCADE,
        number integer NOT NULL CONSTRAINT plan_versions_number_positive CHECK (number > 0),
        status text NOT NULL DEFAULT 'DRAFT'
          CONSTRAINT plan_versions_status_known CHECK (status IN ('DRAFT','IN_REVIEW','APPROVED','PUBLISHED')),
        effective_from text NOT NULL CONSTRAINT plan_versions_effective_from_label CHECK (effective_from ~ '^FY\\d{4}-Q[1-4]$'),
        rules jsonb NOT NULL DEFAULT '{"components":[],"gates":[],"multiplier":null,"planCap":null}',
        notes text NOT NULL DEFAULT '' CONSTRAINT plan_versions_notes_length CHECK (char_length(notes) <= 4000),
        revision integer NOT NULL DEFAULT 1,
        based_on uuid REFERENCES plan_versions(id) ON DELETE SET NULL,
        author_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz,
        published_by uuid REFERENCES users(id),
        published_at timestamptz,
        rejected_by uuid REFERENCES users(id),
        rejected_at timestamptz,
        rejection_reason text,
        frozen jsonb,
        frozen_at timestamptz,
        CONSTRAINT plan_versions_number_unique UNIQUE (plan_id, number),
        -- approval and publication are recorded with who and when
        CONSTRAINT plan_versions_approved_recorded CHECK (status NOT IN ('APPROVED','PUBLISHED') OR (approved_by IS NOT NULL AND frozen IS NOT NULL)),
        CONSTRAINT plan_versions_published_recorded CHECK (status <> 'PUBLISHED' OR published_by IS NOT NULL),
        -- four eyes: the author never approves
        CONSTRAINT plan_versions_four_eyes CHECK (approved_by IS NULL OR approved_by <> author_id)
      )`);
    await q.query(`CREATE INDEX plan_versions_published_idx ON plan_versions (plan_id, effective_from) WHERE status = 'PUBLISHED'`);
    await q.query(`
      CREATE TABLE plan_participants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES plan_versions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        org_unit_id uuid NOT NULL REFERENCES org_units(id),
        annual_target_bonus numeric(14, 2) NOT NULL CONSTRAINT plan_participants_bonus_range CHECK (annual_target_bonus >= 0),
        start_date date NOT NULL,
        end_date date,
        CONSTRAINT plan_participants_dates_ordered CHECK (end_date IS NULL OR end_date >= start_date),
        CONSTRAINT plan_participants_once_per_start UNIQUE (version_id, user_id, start_date)
      )`);
    await q.query(`CREATE INDEX plan_participants_user_idx ON plan_participants (user_id)`);
    await q.query(`
      CREATE TABLE plan_acknowledgements (
        version_id uuid NOT NULL REFERENCES plan_versions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        acknowledged_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (version_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE pay_overrides (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_unit_id uuid NOT NULL REFERENCES org_units(id),
        metric text NOT NULL REFERENCES metric_definitions(key),
        period text NOT NULL CONSTRAINT pay_overrides_period_label CHECK (period ~ '^FY\\d{4}-Q[1-4]$'),
        value numeric(20, 6) NOT NULL,
        reason text NOT NULL CONSTRAINT pay_overrides_reason_length CHECK (char_length(reason) BETWEEN 10 AND 2000),
        status text NOT NULL DEFAULT 'PENDING' CONSTRAINT pay_overrides_status_known CHECK (status IN ('PENDING','APPROVED','REJECTED')),
        entered_by uuid NOT NULL REFERENCES users(id),
        entered_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        decision_reason text,
        CONSTRAINT pay_overrides_four_eyes CHECK (decided_by IS NULL OR decided_by <> entered_by)
      )`);
    // At most one override in force (pending or approved) per unit, metric and quarter.
    await q.query(
      `CREATE UNIQUE INDEX pay_overrides_one_live_idx ON pay_overrides (org_unit_id, metric, period) WHERE status <> 'REJECTED'`,
    );
    await q.query(`
      CREATE TABLE statement_periods (
        period text PRIMARY KEY CONSTRAINT statement_periods_period_label CHECK (period ~ '^FY\\d{4}-Q[1-4]$'),
        status text NOT NULL CONSTRAINT statement_periods_status_known CHECK (status IN ('CLOSED','RELEASED')),
        closed_by uuid NOT NULL REFERENCES users(id),
        closed_at timestamptz NOT NULL DEFAULT now(),
        released_by uuid REFERENCES users(id),
        released_at timestamptz,
        CONSTRAINT statement_periods_release_recorded CHECK (status <> 'RELEASED' OR released_by IS NOT NULL)
      )`);
    await q.query(`
      CREATE TABLE statements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        period text NOT NULL CONSTRAINT statements_period_label CHECK (period ~ '^FY\\d{4}-Q[1-4]$'),
        participant_id uuid NOT NULL REFERENCES plan_participants(id),
        user_id uuid NOT NULL REFERENCES users(id),
        version_id uuid NOT NULL REFERENCES plan_versions(id),
        org_unit_id uuid NOT NULL REFERENCES org_units(id),
        status text NOT NULL DEFAULT 'PROJECTION' CONSTRAINT statements_status_known CHECK (status IN ('PROJECTION','CLOSED','RELEASED')),
        total_payout numeric NOT NULL,
        period_target numeric NOT NULL,
        amount numeric(14, 2) NOT NULL,
        adjustments numeric(14, 2) NOT NULL DEFAULT 0,
        carried_in numeric(14, 2) NOT NULL DEFAULT 0 CONSTRAINT statements_carried_in_range CHECK (carried_in <= 0),
        payable numeric(14, 2) NOT NULL CONSTRAINT statements_never_below_zero CHECK (payable >= 0),
        carried_forward numeric(14, 2) NOT NULL DEFAULT 0 CONSTRAINT statements_carried_forward_range CHECK (carried_forward <= 0),
        -- json, not jsonb: a quarter's recompute writes every trace (about 10 KB each), and json
        -- takes them about twice as fast; a trace is read whole, never searched
        trace json NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT statements_one_per_participant_period UNIQUE (participant_id, period)
      )`);
    await q.query(`CREATE INDEX statements_period_idx ON statements (period, status)`);
    await q.query(`CREATE INDEX statements_user_idx ON statements (user_id, period)`);
    await q.query(`
      CREATE TABLE statement_inquiries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        statement_id uuid NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
        raised_by uuid NOT NULL REFERENCES users(id),
        reason text NOT NULL CONSTRAINT statement_inquiries_reason_known
          CHECK (reason IN ('DATA_ERROR','WRONG_TARGET','ELIGIBILITY','CALCULATION','OTHER')),
        text text NOT NULL CONSTRAINT statement_inquiries_text_length CHECK (char_length(text) BETWEEN 10 AND 4000),
        status text NOT NULL DEFAULT 'OPEN' CONSTRAINT statement_inquiries_status_known CHECK (status IN ('OPEN','ANSWERED','ADJUSTED','REJECTED')),
        response text,
        adjustment numeric(14, 2),
        answered_by uuid REFERENCES users(id),
        answered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT statement_inquiries_answer_recorded CHECK (status = 'OPEN' OR (response IS NOT NULL AND answered_by IS NOT NULL)),
        CONSTRAINT statement_inquiries_adjustment_given CHECK (status <> 'ADJUSTED' OR adjustment IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX statement_inquiries_statement_idx ON statement_inquiries (statement_id)`);
    await q.query(`CREATE INDEX statement_inquiries_open_idx ON statement_inquiries (created_at) WHERE status = 'OPEN'`);
    await q.query(`
      CREATE TABLE statement_adjustments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        statement_id uuid NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
        for_period text NOT NULL CONSTRAINT statement_adjustments_period_label CHECK (for_period ~ '^FY\\d{4}-Q[1-4]$'),
        for_statement_id uuid REFERENCES statements(id),
        amount numeric(14, 2) NOT NULL,
        reason text NOT NULL,
        source text NOT NULL CONSTRAINT statement_adjustments_source_known CHECK (source IN ('RESTATEMENT','INQUIRY')),
        -- the inquiry whose answer made it (source INQUIRY): an inquiry's adjustment is applied once
        inquiry_id uuid REFERENCES statement_inquiries(id),
        CONSTRAINT statement_adjustments_inquiry_given CHECK ((source = 'INQUIRY') = (inquiry_id IS NOT NULL)),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX statement_adjustments_statement_idx ON statement_adjustments (statement_id)`);
    await q.query(`CREATE INDEX statement_adjustments_for_statement_idx ON statement_adjustments (for_statement_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE statement_adjustments`);
    await q.query(`DROP TABLE statement_inquiries`);
    await q.query(`DROP TABLE statements`);
    await q.query(`DROP TABLE statement_periods`);
    await q.query(`DROP TABLE pay_overrides`);
    await q.query(`DROP TABLE plan_acknowledgements`);
    await q.query(`DROP TABLE plan_participants`);
    await q.query(`DROP TABLE plan_versions`);
    await q.query(`DROP TABLE incentive_plans`);
  }
}
