import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Targets per metric, org unit and fiscal period (a fiscal year `FY2026` or a quarter
 * `FY2026-Q1`): threshold, target and stretch, strictly ordered one way or the other (which way
 * depends on the metric's direction, checked by the API); and the CX index weights, per unit or
 * for the whole company (`org_unit_id` null). The CX index becomes a metric of its own, so it can
 * have targets and be a plan component.
 */
export class CreatedTargets1764190000000 implements MigrationInterface {
  name = 'CreatedTargets1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO metric_definitions (key, name, description, category, unit, direction, aggregation, survey, built_in)
       VALUES ('cx_index', 'CX index', $1, 'CX', 'score', 'higher', 'mean', NULL, true)`,
      ['The weighted mean of a unit’s CX metric scores: 50 at threshold, 100 at target, 150 at stretch.'],
    );
    await q.query(`
      CREATE TABLE targets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        metric_key text NOT NULL REFERENCES metric_definitions(key),
        org_unit_id uuid NOT NULL REFERENCES org_units(id),
        period text NOT NULL CONSTRAINT targets_period_format CHECK (period ~ '^FY\\d{4}(-Q[1-4])?$'),
        threshold numeric NOT NULL,
        target numeric NOT NULL,
        stretch numeric NOT NULL,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- rising for higher-is-better metrics, falling for lower-is-better ones, never flat
        CONSTRAINT targets_band_order CHECK (
          (threshold < target AND target < stretch) OR (threshold > target AND target > stretch)),
        -- also the path to a unit's targets of a metric in a fiscal year and its quarters
        CONSTRAINT targets_metric_unit_period_unique UNIQUE (metric_key, org_unit_id, period)
      )`);
    await q.query(`
      CREATE TABLE cx_index_weights (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- null: the company default, used by every unit without weights of its own
        org_unit_id uuid REFERENCES org_units(id),
        metric_key text NOT NULL REFERENCES metric_definitions(key)
          CONSTRAINT cx_index_weights_not_the_index CHECK (metric_key <> 'cx_index'),
        weight numeric NOT NULL CONSTRAINT cx_index_weights_weight_range CHECK (weight > 0 AND weight <= 100),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- one weight per metric in the default too: nulls count as equal here
        CONSTRAINT cx_index_weights_unit_metric_unique UNIQUE NULLS NOT DISTINCT (org_unit_id, metric_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cx_index_weights`);
    await q.query(`DROP TABLE targets`);
    await q.query(`DELETE FROM metric_definitions WHERE key = 'cx_index'`);
  }
}
