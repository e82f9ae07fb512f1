import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Measurements of non-VoC metrics: one row per version of a metric's value for an org unit and
 * month. A restatement is a new row with the next version and a reason; rows are never updated.
 * Ratio metrics keep their numerator and denominator, the others a value; all are `numeric`.
 */
export class CreatedMeasurements1764090000000 implements MigrationInterface {
  name = 'CreatedMeasurements1764090000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE measurements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        metric_key text NOT NULL REFERENCES metric_definitions(key),
        org_unit_id uuid NOT NULL REFERENCES org_units(id),
        month text NOT NULL CHECK (month ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
        version integer NOT NULL CHECK (version >= 1),
        value numeric,
        numerator numeric CHECK (numerator >= 0),
        denominator numeric CHECK (denominator > 0),
        note text,
        reason text,
        source text NOT NULL CHECK (source IN ('api','csv','manual')),
        recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        -- a value, or a numerator with its denominator (ratio metrics), never both
        CONSTRAINT measurements_figures CHECK (
          (value IS NOT NULL AND numerator IS NULL AND denominator IS NULL)
          OR (value IS NULL AND numerator IS NOT NULL AND denominator IS NOT NULL)),
        -- a restatement says why
        CONSTRAINT measurements_restatement_reason CHECK (version = 1 OR reason IS NOT NULL),
        -- also the path to a unit's current version of a month (the highest) and to its months of a period
        CONSTRAINT measurements_version_unique UNIQUE (metric_key, org_unit_id, month, version)
      )`);
    // Every unit's months of a metric in a period (grids, roll-ups), newest version first.
    await q.query(`CREATE INDEX measurements_metric_month_idx ON measurements (metric_key, month, org_unit_id, version DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE measurements`);
  }
}
