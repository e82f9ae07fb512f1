import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The recognition programme: nominations of a person or a team (with company value tags), the
 * reviewers' decisions (four eyes: one per reviewer and nomination), the programme's settings as
 * one row (limits per nominator and nominee per quarter, award tiers as JSON, the tier from which
 * a second approval is needed, the default quarterly budget), the company values, the units'
 * points budgets per fiscal quarter and the inbox messages that tell people of decisions.
 */
export class CreatedRecognition1764590000000 implements MigrationInterface {
  name = 'CreatedRecognition1764590000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE company_values (
        key text PRIMARY KEY CONSTRAINT company_values_key_format CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(key) <= 60),
        name text NOT NULL CONSTRAINT company_values_name_length CHECK (char_length(name) BETWEEN 1 AND 100),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO company_values (key, name) VALUES
        ('customer-first', 'Customer first'),
        ('ownership', 'Ownership'),
        ('one-team', 'One team'),
        ('right-first-time', 'Right first time'),
        ('speak-up', 'Speak up')`);
    await q.query(`
      CREATE TABLE nominations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nominated_by uuid NOT NULL REFERENCES users(id),
        nominee_kind text NOT NULL CONSTRAINT nominations_nominee_kind_known CHECK (nominee_kind IN ('PERSON','TEAM')),
        nominee_user_id uuid REFERENCES users(id),
        -- the team, or the person's unit when nominated: the unit whose budget pays the award
        org_unit_id uuid NOT NULL REFERENCES org_units(id),
        category text NOT NULL CONSTRAINT nominations_category_known CHECK (category IN ('PREVENTION','RECOVERY','COLLABORATION')),
        story text NOT NULL CONSTRAINT nominations_story_length CHECK (char_length(story) BETWEEN 1 AND 4000),
        voc_response_ids text[] NOT NULL DEFAULT '{}',
        metric text CONSTRAINT nominations_metric_length CHECK (char_length(metric) BETWEEN 1 AND 100),
        account text CONSTRAINT nominations_account_length CHECK (char_length(account) BETWEEN 1 AND 200),
        quarter text NOT NULL CONSTRAINT nominations_quarter_label CHECK (quarter ~ '^FY\\d{4}-Q[1-4]$'),
        status text NOT NULL DEFAULT 'PENDING' CONSTRAINT nominations_status_known
          CHECK (status IN ('PENDING','AWAITING_SECOND_APPROVAL','AWARDED','REJECTED')),
        tier text,
        points integer CONSTRAINT nominations_points_range CHECK (points > 0),
        idempotency_key text CONSTRAINT nominations_idempotency_key_length CHECK (char_length(idempotency_key) BETWEEN 1 AND 200),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        awarded_at timestamptz,
        CONSTRAINT nominations_nominee_known CHECK ((nominee_kind = 'PERSON') = (nominee_user_id IS NOT NULL)),
        CONSTRAINT nominations_not_self CHECK (nominee_user_id IS DISTINCT FROM nominated_by),
        -- a tier and its points from the first approval on
        CONSTRAINT nominations_award_tier CHECK (status NOT IN ('AWAITING_SECOND_APPROVAL','AWARDED') OR (tier IS NOT NULL AND points IS NOT NULL)),
        CONSTRAINT nominations_awarded_at CHECK ((status = 'AWARDED') = (awarded_at IS NOT NULL)),
        CONSTRAINT nominations_idempotency_key_unique UNIQUE (nominated_by, idempotency_key)
      )`);
    await q.query(`CREATE INDEX nominations_nominator_quarter_idx ON nominations (nominated_by, quarter)`);
    await q.query(`CREATE INDEX nominations_unit_quarter_idx ON nominations (org_unit_id, quarter)`);
    await q.query(
      `CREATE INDEX nominations_open_idx ON nominations (submitted_at) WHERE status IN ('PENDING','AWAITING_SECOND_APPROVAL')`,
    );
    await q.query(
      `CREATE INDEX nominations_awarded_idx ON nominations (awarded_at DESC, id DESC) WHERE status = 'AWARDED'`,
    );
    await q.query(`
      CREATE TABLE nomination_tags (
        nomination_id uuid NOT NULL REFERENCES nominations(id) ON DELETE CASCADE,
        tag text NOT NULL REFERENCES company_values(key),
        PRIMARY KEY (nomination_id, tag)
      )`);
    await q.query(`
      CREATE TABLE nomination_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nomination_id uuid NOT NULL REFERENCES nominations(id) ON DELETE CASCADE,
        decided_by uuid NOT NULL REFERENCES users(id),
        approve boolean NOT NULL,
        tier text,
        reason text CONSTRAINT nomination_decisions_reason_length CHECK (char_length(reason) BETWEEN 1 AND 2000),
        decided_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT nomination_decisions_approval_tier CHECK (NOT approve OR tier IS NOT NULL),
        CONSTRAINT nomination_decisions_rejection_reason CHECK (approve OR reason IS NOT NULL),
        -- four eyes: a reviewer decides a nomination once
        CONSTRAINT nomination_decisions_four_eyes UNIQUE (nomination_id, decided_by)
      )`);
    await q.query(`
      CREATE TABLE recognition_settings (
        -- exactly one row
        id boolean PRIMARY KEY DEFAULT true CONSTRAINT recognition_settings_single_row CHECK (id),
        max_per_nominator_per_quarter integer NOT NULL DEFAULT 5
          CONSTRAINT recognition_settings_nominator_limit_range CHECK (max_per_nominator_per_quarter BETWEEN 1 AND 1000),
        max_per_nominee_per_quarter integer NOT NULL DEFAULT 2
          CONSTRAINT recognition_settings_nominee_limit_range CHECK (max_per_nominee_per_quarter BETWEEN 1 AND 1000),
        tiers jsonb NOT NULL DEFAULT '[{"key":"BRONZE","name":"Bronze","points":100},{"key":"SILVER","name":"Silver","points":250},{"key":"GOLD","name":"Gold","points":1000}]'
          CONSTRAINT recognition_settings_tiers_list CHECK (jsonb_typeof(tiers) = 'array' AND jsonb_array_length(tiers) >= 1),
        second_approval_from_tier text NOT NULL DEFAULT 'GOLD',
        default_quarter_budget integer NOT NULL DEFAULT 5000
          CONSTRAINT recognition_settings_default_budget_range CHECK (default_quarter_budget >= 0),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO recognition_settings DEFAULT VALUES`);
    await q.query(`
      CREATE TABLE recognition_budgets (
        org_unit_id uuid NOT NULL REFERENCES org_units(id),
        quarter text NOT NULL CONSTRAINT recognition_budgets_quarter_label CHECK (quarter ~ '^FY\\d{4}-Q[1-4]$'),
        points integer NOT NULL CONSTRAINT recognition_budgets_points_range CHECK (points >= 0),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (org_unit_id, quarter)
      )`);
    await q.query(`
      CREATE TABLE inbox_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CONSTRAINT inbox_messages_kind_known
          CHECK (kind IN ('NOMINATION_AWARDED','NOMINATION_REJECTED','NOMINATION_AWAITING_SECOND_APPROVAL')),
        nomination_id uuid REFERENCES nominations(id) ON DELETE CASCADE,
        text text NOT NULL CONSTRAINT inbox_messages_text_length CHECK (char_length(text) BETWEEN 1 AND 4000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX inbox_messages_user_idx ON inbox_messages (user_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inbox_messages`);
    await q.query(`DROP TABLE recognition_budgets`);
    await q.query(`DROP TABLE recognition_settings`);
    await q.query(`DROP TABLE nomination_decisions`);
    await q.query(`DROP TABLE nomination_tags`);
    await q.query(`DROP TABLE nominations`);
    await q.query(`DROP TABLE company_values`);
  }
}
