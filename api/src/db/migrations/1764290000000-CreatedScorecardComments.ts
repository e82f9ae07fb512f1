import { MigrationInterface, QueryRunner } from 'typeorm';

/** A period label: a month `2026-03`, a fiscal quarter `FY2026-Q1` or a fiscal year `FY2026`. */
const PERIOD_LABEL = `'^(\\d{4}-(0[1-9]|1[0-2])|FY\\d{4}(-Q[1-4])?)$'`;

/**
 * Scorecards: each unit's primary commercial metric and its margin (or budget) metric, shown
 * beside its CX results; the comment thread on a unit's scorecard per period; and action plans
 * on red cells, which stay on the scorecard until they are done.
 */
export class CreatedScorecardComments1764290000000 implements MigrationInterface {
  name = 'CreatedScorecardComments1764290000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE org_units
        ADD COLUMN primary_metric_key text REFERENCES metric_definitions(key),
        ADD COLUMN margin_metric_key text REFERENCES metric_definitions(key)`);
    await q.query(`
      CREATE TABLE scorecard_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_unit_id uuid NOT NULL REFERENCES org_units(id),
        period text NOT NULL CONSTRAINT scorecard_comments_period_label CHECK (period ~ ${PERIOD_LABEL}),
        metric_key text REFERENCES metric_definitions(key),
        author_id uuid NOT NULL REFERENCES users(id),
        body text NOT NULL CONSTRAINT scorecard_comments_body_length CHECK (char_length(body) BETWEEN 1 AND 4000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // A unit's thread for a period, newest first.
    await q.query(
      `CREATE INDEX scorecard_comments_unit_period_idx ON scorecard_comments (org_unit_id, period, created_at DESC)`,
    );
    await q.query(`
      CREATE TABLE action_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_unit_id uuid NOT NULL REFERENCES org_units(id),
        period text NOT NULL CONSTRAINT action_plans_period_label CHECK (period ~ ${PERIOD_LABEL}),
        metric_key text NOT NULL REFERENCES metric_definitions(key),
        title text NOT NULL CONSTRAINT action_plans_title_length CHECK (char_length(title) BETWEEN 1 AND 500),
        owner_id uuid NOT NULL REFERENCES users(id),
        due_date date NOT NULL,
        status text NOT NULL DEFAULT 'open' CONSTRAINT action_plans_status_known CHECK (status IN ('open','in_progress','done')),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        -- a plan is closed exactly when it is done
        CONSTRAINT action_plans_closed_when_done CHECK ((status = 'done') = (closed_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX action_plans_unit_status_idx ON action_plans (org_unit_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE action_plans`);
    await q.query(`DROP TABLE scorecard_comments`);
    await q.query(`ALTER TABLE org_units DROP COLUMN margin_metric_key, DROP COLUMN primary_metric_key`);
  }
}
