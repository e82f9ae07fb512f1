import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CX investments: money a unit spends (`cost`) or bookings it gives up (`quota_relief`) for the
 * customer's sake, per unit and month, proposed by someone in the unit and decided by a CX lead
 * (and an approver above a set amount). Approved ones are added back in `adjusted_margin` and
 * credited in `adjusted_quota_attainment`. Money is `numeric(14, 2)`: at most 12 digits before
 * the point and 2 after.
 *
 * Also the two settings of the approvals (the amount above which an approver must approve too,
 * and the default cap per unit and fiscal quarter) as one row, and the caps set for a unit and
 * quarter in place of that default.
 */
export class CreatedCxInvestments1764390000000 implements MigrationInterface {
  name = 'CreatedCxInvestments1764390000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cx_investments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CONSTRAINT cx_investments_kind_known CHECK (kind IN ('cost','quota_relief')),
        org_unit_id uuid NOT NULL REFERENCES org_units(id),
        month text NOT NULL CONSTRAINT cx_investments_month_label CHECK (month ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
        amount numeric(14, 2) NOT NULL CONSTRAINT cx_investments_amount_positive CHECK (amount > 0),
        account text CONSTRAINT cx_investments_account_length CHECK (char_length(account) BETWEEN 1 AND 200),
        reason text NOT NULL CONSTRAINT cx_investments_reason_length CHECK (char_length(reason) BETWEEN 10 AND 2000),
        link text CONSTRAINT cx_investments_link_length CHECK (char_length(link) BETWEEN 1 AND 500),
        status text NOT NULL DEFAULT 'proposed' CONSTRAINT cx_investments_status_known
          CHECK (status IN ('proposed','awaiting_second_approval','approved','rejected','withdrawn')),
        proposed_by uuid NOT NULL REFERENCES users(id),
        proposed_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The list, newest first; a unit's months (budgets); the approved ones of some months (scorecards).
    await q.query(
      `CREATE INDEX cx_investments_proposed_at_idx ON cx_investments (proposed_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX cx_investments_unit_month_idx ON cx_investments (org_unit_id, month)`);
    await q.query(
      `CREATE INDEX cx_investments_approved_month_idx ON cx_investments (month) WHERE status = 'approved'`,
    );
    await q.query(`
      CREATE TABLE cx_investment_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        investment_id uuid NOT NULL REFERENCES cx_investments(id) ON DELETE CASCADE,
        decided_by uuid NOT NULL REFERENCES users(id),
        role text NOT NULL CONSTRAINT cx_investment_decisions_role_known CHECK (role IN ('CX_LEAD','APPROVER')),
        approve boolean NOT NULL,
        reason text CONSTRAINT cx_investment_decisions_reason_length CHECK (char_length(reason) BETWEEN 1 AND 2000),
        decided_at timestamptz NOT NULL DEFAULT now(),
        -- a rejection says why
        CONSTRAINT cx_investment_decisions_rejection_reason CHECK (approve OR reason IS NOT NULL),
        -- one decision per step, and two different people for the two steps (four eyes)
        CONSTRAINT cx_investment_decisions_one_per_role UNIQUE (investment_id, role),
        CONSTRAINT cx_investment_decisions_four_eyes UNIQUE (investment_id, decided_by)
      )`);
    await q.query(`
      CREATE TABLE cx_investment_settings (
        -- exactly one row
        id boolean PRIMARY KEY DEFAULT true CONSTRAINT cx_investment_settings_single_row CHECK (id),
        second_approval_above numeric(14, 2) NOT NULL CONSTRAINT cx_investment_settings_threshold_range CHECK (second_approval_above >= 0),
        default_quarter_cap numeric(14, 2) NOT NULL CONSTRAINT cx_investment_settings_cap_range CHECK (default_quarter_cap >= 0),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `INSERT INTO cx_investment_settings (second_approval_above, default_quarter_cap) VALUES (25000, 150000)`,
    );
    await q.query(`
      CREATE TABLE cx_investment_caps (
        org_unit_id uuid NOT NULL REFERENCES org_units(id),
        quarter text NOT NULL CONSTRAINT cx_investment_caps_quarter_label CHECK (quarter ~ '^FY\\d{4}-Q[1-4]$'),
        cap numeric(14, 2) NOT NULL CONSTRAINT cx_investment_caps_cap_range CHECK (cap >= 0),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (org_unit_id, quarter)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cx_investment_caps`);
    await q.query(`DROP TABLE cx_investment_settings`);
    await q.query(`DROP TABLE cx_investment_decisions`);
    await q.query(`DROP TABLE cx_investments`);
  }
}
