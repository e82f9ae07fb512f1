import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatedFoundationSchema1763890000000 implements MigrationInterface {
  name = 'CreatedFoundationSchema1763890000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL CONSTRAINT org_units_key_format CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL,
        type text NOT NULL CONSTRAINT org_units_type_known CHECK (type IN ('COMPANY','FUNCTION','TEAM','PRODUCT_LINE','REGION')),
        parent_id uuid REFERENCES org_units(id) ON DELETE RESTRICT,
        leader_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT org_units_key_unique UNIQUE (key)
      )`);
    await q.query(`CREATE INDEX org_units_parent_idx ON org_units(parent_id)`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CONSTRAINT users_email_lower CHECK (email = lower(email)),
        name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL DEFAULT '{}' CONSTRAINT users_roles_known
          CHECK (roles <@ ARRAY['ADMIN','HR','APPROVER','CX_LEAD','REVIEWER','EXECUTIVE','MEMBER']::text[]),
        org_unit_id uuid REFERENCES org_units(id) ON DELETE SET NULL,
        active boolean NOT NULL DEFAULT true,
        must_change_password boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_unique UNIQUE (email)
      )`);
    await q.query(`CREATE INDEX users_org_unit_idx ON users(org_unit_id)`);
    await q.query(`ALTER TABLE org_units ADD CONSTRAINT org_units_leader_fk FOREIGN KEY (leader_id) REFERENCES users(id) ON DELETE SET NULL`);
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL CONSTRAINT sessions_token_hash_unique UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions(user_id)`);
    await q.query(`
      CREATE TABLE settings (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE audit_entries (
        id bigint PRIMARY KEY,
        at timestamptz NOT NULL,
        actor_id uuid,
        actor_email text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        before jsonb,
        after jsonb,
        reason text,
        pay_data boolean NOT NULL DEFAULT false,
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
    await q.query(`CREATE SEQUENCE audit_entries_id_seq OWNED BY audit_entries.id`);
    await q.query(`CREATE INDEX audit_entries_entity_idx ON audit_entries(entity_type, entity_id)`);
    await q.query(`CREATE INDEX audit_entries_actor_idx ON audit_entries(actor_id)`);
    await q.query(`CREATE INDEX audit_entries_at_idx ON audit_entries(at)`);
    await q.query(`
      CREATE FUNCTION audit_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit entries are append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
      FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_entries`);
    await q.query(`DROP FUNCTION audit_entries_refuse_change()`);
    await q.query(`DROP TABLE settings`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`ALTER TABLE org_units DROP CONSTRAINT org_units_leader_fk`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE org_units`);
  }
}
