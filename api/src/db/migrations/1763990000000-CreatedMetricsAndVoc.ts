import { MigrationInterface, QueryRunner } from 'typeorm';

/** The built-in metrics of the specification: key, name, category, unit, direction, aggregation, survey. */
const BUILT_IN: [string, string, string, string, string, string, string | null][] = [
  ['nps', 'Net Promoter Score', 'CX', 'score', 'higher', 'response_weighted', 'nps'],
  ['csat', 'Customer satisfaction (top-2-box)', 'CX', 'percent', 'higher', 'response_weighted', 'csat'],
  ['ces', 'Customer effort score (ease, 1–7)', 'CX', 'score', 'higher', 'response_weighted', 'ces'],
  ['retention', 'Gross revenue retention', 'CX', 'percent', 'higher', 'ratio', null],
  ['churn', 'Accounts lost', 'CX', 'percent', 'lower', 'ratio', null],
  ['complaint_rate', 'Complaints per 100 orders', 'CX', 'count', 'lower', 'ratio', null],
  ['first_time_right', 'First time right', 'CX', 'percent', 'higher', 'ratio', null],
  ['on_time_delivery', 'On-time delivery', 'CX', 'percent', 'higher', 'ratio', null],
  ['escalations', 'Escalations', 'CX', 'count', 'lower', 'sum', null],
  ['quota_attainment', 'Quota attainment', 'COMMERCIAL', 'percent', 'higher', 'ratio', null],
  ['revenue', 'Revenue', 'COMMERCIAL', 'currency', 'higher', 'sum', null],
  ['gross_margin', 'Gross margin', 'COMMERCIAL', 'percent', 'higher', 'ratio', null],
  ['adjusted_margin', 'Adjusted margin (CX investments added back)', 'COMMERCIAL', 'percent', 'higher', 'ratio', null],
  ['adjusted_quota_attainment', 'Adjusted quota attainment (with quota relief)', 'COMMERCIAL', 'percent', 'higher', 'ratio', null],
  ['pipeline_attainment', 'Pipeline attainment', 'COMMERCIAL', 'percent', 'higher', 'ratio', null],
  ['renewal_rate', 'Renewal rate', 'COMMERCIAL', 'percent', 'higher', 'ratio', null],
  ['budget_attainment', 'Budget attainment (spend ÷ budget)', 'COMMERCIAL', 'percent', 'lower', 'ratio', null],
];

export class CreatedMetricsAndVoc1763990000000 implements MigrationInterface {
  name = 'CreatedMetricsAndVoc1763990000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE metric_definitions (
        key text PRIMARY KEY CONSTRAINT metric_definitions_key_format CHECK (key ~ '^[a-z][a-z0-9_]*$'),
        name text NOT NULL,
        description text,
        category text NOT NULL CHECK (category IN ('CX','COMMERCIAL','OPERATIONAL')),
        unit text NOT NULL CHECK (unit IN ('percent','score','count','currency')),
        direction text NOT NULL CHECK (direction IN ('higher','lower')),
        aggregation text NOT NULL CHECK (aggregation IN ('response_weighted','sum','ratio','latest','mean')),
        survey text CHECK (survey IN ('nps','csat','ces')),
        built_in boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const [key, name, category, unit, direction, aggregation, survey] of BUILT_IN) {
      await q.query(
        `INSERT INTO metric_definitions (key, name, category, unit, direction, aggregation, survey, built_in)
         VALUES ($1, $2, $3, $4, $5, $6, $7, true)`,
        [key, name, category, unit, direction, aggregation, survey],
      );
    }
    await q.query(`
      CREATE TABLE voc_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL CHECK (status IN ('queued','running','succeeded','failed')),
        file_name text NOT NULL,
        total_bytes bigint NOT NULL,
        bytes_read bigint NOT NULL DEFAULT 0,
        rows_processed integer NOT NULL DEFAULT 0,
        inserted integer NOT NULL DEFAULT 0,
        duplicates integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        failure text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE voc_responses (
        response_id text PRIMARY KEY,
        responded_at timestamptz NOT NULL,
        month text NOT NULL CHECK (month ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
        account text,
        -- no foreign keys here: imports check units before staging, and a per-row key check
        -- would double the cost of loading millions of answers
        org_unit_id uuid NOT NULL,
        survey text NOT NULL CHECK (survey IN ('nps','csat','ces')),
        score smallint NOT NULL,
        cause text,
        comment text,
        import_id uuid,
        CONSTRAINT voc_responses_score_range CHECK (
          (survey = 'nps' AND score BETWEEN 0 AND 10) OR (survey = 'csat' AND score BETWEEN 1 AND 5) OR (survey = 'ces' AND score BETWEEN 1 AND 7))
      )`);
    await q.query(`CREATE INDEX voc_responses_unit_month_idx ON voc_responses(org_unit_id, month, survey)`);
    // Score histograms per unit, month and survey, kept in the writing transaction, so a result for
    // any unit × period is a sum over a few rows rather than a scan of the responses.
    await q.query(`
      CREATE TABLE voc_histograms (
        org_unit_id uuid NOT NULL REFERENCES org_units(id),
        month text NOT NULL,
        survey text NOT NULL,
        score smallint NOT NULL,
        count bigint NOT NULL,
        PRIMARY KEY (org_unit_id, month, survey, score)
      )`);
    // Cause counts of the unhappy answers (NPS 0–6, CSAT 1–2, CES 1–3), for the Pareto.
    await q.query(`
      CREATE TABLE voc_cause_counts (
        org_unit_id uuid NOT NULL REFERENCES org_units(id),
        month text NOT NULL,
        survey text NOT NULL,
        cause text NOT NULL,
        count bigint NOT NULL,
        PRIMARY KEY (org_unit_id, month, survey, cause)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE voc_cause_counts`);
    await q.query(`DROP TABLE voc_histograms`);
    await q.query(`DROP TABLE voc_responses`);
    await q.query(`DROP TABLE voc_imports`);
    await q.query(`DROP TABLE metric_definitions`);
  }
}
