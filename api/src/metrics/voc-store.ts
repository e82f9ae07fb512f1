import type { EntityManager } from 'typeorm';
import type { StagedResponse } from './voc-row';

export const STAGE_COLUMNS = 'line, response_id, responded_at, month, account, org_unit_id, survey, score, cause, comment';

/** A staging table for one transaction; dropped at its end. */
export async function createStage(query: (sql: string) => Promise<unknown>): Promise<void> {
  await query(`CREATE TEMP TABLE voc_stage (
      line integer NOT NULL, response_id text NOT NULL, responded_at timestamptz NOT NULL, month text NOT NULL,
      account text, org_unit_id uuid NOT NULL, survey text NOT NULL, score smallint NOT NULL, cause text, comment text
    ) ON COMMIT DROP`);
}

/** Adds validated answers to the staging table, in batches (for JSON input and the demo seed). */
export async function stageRows(manager: EntityManager, rows: readonly StagedResponse[], batch = 5000): Promise<void> {
  for (let start = 0; start < rows.length; start += batch) {
    const part = rows.slice(start, start + batch);
    await manager.query(
      `INSERT INTO voc_stage (${STAGE_COLUMNS})
       SELECT * FROM unnest($1::int[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::smallint[], $9::text[], $10::text[])`,
      [
        part.map((r) => r.line),
        part.map((r) => r.responseId),
        part.map((r) => r.respondedAt),
        part.map((r) => r.month),
        part.map((r) => r.account),
        part.map((r) => r.orgUnitId),
        part.map((r) => r.survey),
        part.map((r) => r.score),
        part.map((r) => r.cause),
        part.map((r) => r.comment),
      ],
    );
  }
}

const UNHAPPY = `((survey = 'nps' AND score <= 6) OR (survey = 'csat' AND score <= 2) OR (survey = 'ces' AND score <= 3))`;

/**
 * Moves the staged answers into `voc_responses` in file order: an id already stored, or seen
 * earlier in the batch, is skipped by ON CONFLICT DO NOTHING, so the first of each id wins; adds exactly the inserted answers to the histograms and to the
 * cause counts of unhappy answers. Runs in the caller's transaction. Returns how many were new.
 */
export async function mergeStage(manager: EntityManager, importId: string | null): Promise<number> {
  const rows: { inserted: string }[] = await manager.query(
    `WITH inserted AS (
       INSERT INTO voc_responses (response_id, responded_at, month, account, org_unit_id, survey, score, cause, comment, import_id)
       SELECT response_id, responded_at, month, account, org_unit_id, survey, score, cause, comment, $1::uuid
         FROM voc_stage ORDER BY line
       ON CONFLICT (response_id) DO NOTHING
       RETURNING org_unit_id, month, survey, score, cause
     ), histogram AS (
       INSERT INTO voc_histograms (org_unit_id, month, survey, score, count)
       SELECT org_unit_id, month, survey, score, count(*) FROM inserted GROUP BY 1, 2, 3, 4
       ON CONFLICT (org_unit_id, month, survey, score) DO UPDATE SET count = voc_histograms.count + EXCLUDED.count
     ), causes AS (
       INSERT INTO voc_cause_counts (org_unit_id, month, survey, cause, count)
       SELECT org_unit_id, month, survey, coalesce(nullif(btrim(cause), ''), 'unspecified'), count(*)
         FROM inserted WHERE ${UNHAPPY} GROUP BY 1, 2, 3, 4
       ON CONFLICT (org_unit_id, month, survey, cause) DO UPDATE SET count = voc_cause_counts.count + EXCLUDED.count
     )
     SELECT count(*)::text AS inserted FROM inserted`,
    [importId],
  );
  return Number(rows[0].inserted);
}
