import {
  BadRequestException,
  ConflictException,
  HttpException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type {
  MetricDirection,
  PlanRules,
  PlanVersion,
  PlanVersionDiff,
  PlanVersionStatus,
} from '@lodestar/contracts';
import type { Request } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, type RecordAudit } from '../audit/audit.service';
import { ReadCache } from '../common/read-cache';
import { readCsvUpload, type CsvLineError } from '../common/csv-upload';
import type { RequestUser } from '../common/request-user';
import type { CreatePlanVersionDto, UpdatePlanVersionDto } from './dto/plan-version.dto';
import type { PlanParticipantInputDto } from './dto/participants.dto';
import {
  CSV_FIELDS,
  checkParticipants,
  JSON_FIELDS,
  type CheckedParticipant,
  type RawParticipant,
} from './participant-rows';
import { readParticipantsCsv } from './participants-csv';
import { PlanFreeze } from './plan-freeze';
import { EMPTY_RULES, normalizeRules, planRulesProblems } from './plan-rules-input';
import { diffVersions, type DiffableVersion } from './plan-version-diff';
import {
  acknowledgeRefusal,
  decisionCheck,
  deleteRefusal,
  editRefusal,
  publishCheck,
  readRefusal,
  revisionRefusal,
  staleRefusal,
  submitCheck,
  type Refusal,
  type RuledVersion,
} from './plan-version-rules';
import { PARTICIPANT_COUNT } from './plans.service';

/** How many problems a summary sentence quotes (the `errors` member lists all of them). */
const QUOTED_ERRORS = 5;

interface VersionRow {
  id: string;
  planId: string;
  planName: string;
  number: number;
  status: PlanVersionStatus;
  effectiveFrom: string;
  rules: PlanRules;
  notes: string;
  revision: number;
  basedOn: string | null;
  authorId: string;
  authorName: string;
  updatedAt: Date;
  submittedAt: Date | null;
  approvedById: string | null;
  approvedByName: string | null;
  approvedAt: Date | null;
  publishedById: string | null;
  publishedByName: string | null;
  publishedAt: Date | null;
  rejectedById: string | null;
  rejectedByName: string | null;
  rejectedAt: Date | null;
  rejectionReason: string | null;
  frozenAt: Date | null;
  participantCount: number;
}

interface ParticipantRow {
  id: string;
  userId: string;
  userName: string;
  email: string;
  orgUnitId: string;
  orgUnitKey: string;
  orgUnitName: string;
  annualTargetBonus: string;
  startDate: string;
  endDate: string | null;
}

const SELECT_VERSION = `
  SELECT v.id, v.plan_id AS "planId", p.name AS "planName", v.number, v.status, v.effective_from AS "effectiveFrom",
         v.rules, v.notes, v.revision, v.based_on AS "basedOn",
         v.author_id AS "authorId", au.name AS "authorName", v.updated_at AS "updatedAt", v.submitted_at AS "submittedAt",
         v.approved_by AS "approvedById", ap.name AS "approvedByName", v.approved_at AS "approvedAt",
         v.published_by AS "publishedById", pu.name AS "publishedByName", v.published_at AS "publishedAt",
         v.rejected_by AS "rejectedById", rj.name AS "rejectedByName", v.rejected_at AS "rejectedAt",
         v.rejection_reason AS "rejectionReason", v.frozen_at AS "frozenAt",
         ${PARTICIPANT_COUNT} AS "participantCount"
    FROM plan_versions v
    JOIN incentive_plans p ON p.id = v.plan_id
    JOIN users au ON au.id = v.author_id
    LEFT JOIN users ap ON ap.id = v.approved_by
    LEFT JOIN users pu ON pu.id = v.published_by
    LEFT JOIN users rj ON rj.id = v.rejected_by`;

/** A version with the ETag it is sent with. */
export interface TaggedVersion {
  version: PlanVersion;
  etag: string;
}

export function etagOf(revision: number): string {
  return `"${revision}"`;
}

/** What a version looks like in the audit log (its participants are logged apart, as pay data). */
function versionView(
  row: Pick<VersionRow, 'number' | 'status' | 'effectiveFrom' | 'notes' | 'rules' | 'revision'>,
) {
  return {
    number: row.number,
    status: row.status,
    effectiveFrom: row.effectiveFrom,
    notes: row.notes,
    rules: row.rules,
    revision: row.revision,
  };
}

/** Participants as the audit log and the diff name them: by e-mail and unit key. */
function participantsView(rows: readonly ParticipantRow[]) {
  return rows.map((row) => ({
    email: row.email,
    orgUnit: row.orgUnitKey,
    annualTargetBonus: row.annualTargetBonus,
    startDate: row.startDate,
    endDate: row.endDate,
  }));
}

function ruled(
  row: VersionRow,
  participants: readonly { userId: string }[],
): RuledVersion & { effectiveFrom: string } {
  return {
    number: row.number,
    status: row.status,
    authorId: row.authorId,
    participantUserIds: participants.map((participant) => participant.userId),
    effectiveFrom: row.effectiveFrom,
  };
}

function refused(refusal: Refusal): HttpException {
  return new HttpException(
    { message: refusal.message, ...(refusal.errors ? { errors: refusal.errors } : {}) },
    refusal.status,
  );
}

function mayReadAll(actor: RequestUser): boolean {
  return actor.roles.includes('HR') || actor.roles.includes('APPROVER');
}

/**
 * Plan versions: drafts HR edits under optimistic concurrency (`If-Match` with the revision), the
 * four-eyes workflow DRAFT → IN_REVIEW → APPROVED → PUBLISHED with approval's freeze of the
 * target bands, participants (JSON or CSV, all or nothing), the diff of two versions and the
 * participants' acknowledgements. Every write is audited in its own transaction.
 */
@Injectable()
export class PlanVersionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly freezer: PlanFreeze,
    private readonly cache: ReadCache,
  ) {}

  // ───────────────────────────── reads ─────────────────────────────

  /** A version as its reader may see it: HR and approvers whole, a participant only their own rows. */
  async get(actor: RequestUser, id: string): Promise<TaggedVersion> {
    const row = await this.row(this.dataSource.manager, id);
    const participants = await this.participants(this.dataSource.manager, id);
    const refusal = readRefusal(ruled(row, participants), actor);
    if (refusal) throw refused(refusal);
    return this.tagged(this.dataSource.manager, row, participants, mayReadAll(actor) ? null : actor.id);
  }

  /**
   * What changed from `against` (by default the version this one was based on, else the plan's
   * latest published version) to this one.
   */
  async diff(id: string, against?: string): Promise<PlanVersionDiff> {
    const manager = this.dataSource.manager;
    const to = await this.row(manager, id);
    let fromId = against ?? to.basedOn;
    if (!fromId) {
      const [published]: { id: string }[] = await manager.query(
        `SELECT id FROM plan_versions WHERE plan_id = $1 AND status = 'PUBLISHED' AND id <> $2 ORDER BY number DESC LIMIT 1`,
        [to.planId, id],
      );
      fromId = published?.id;
    }
    if (!fromId) {
      throw new NotFoundException(
        `Version ${to.number} was based on no other version and its plan has no published version to compare it with: give ?against= with the id of a version.`,
      );
    }
    const from = await this.row(manager, fromId, false, 'against');
    const [fromParticipants, toParticipants] = await Promise.all([
      this.participants(manager, from.id),
      this.participants(manager, to.id),
    ]);
    const diffable = (row: VersionRow, rows: ParticipantRow[]): DiffableVersion => ({
      effectiveFrom: row.effectiveFrom,
      rules: row.rules,
      participants: participantsView(rows),
    });
    return {
      from: { id: from.id, number: from.number },
      to: { id: to.id, number: to.number },
      changes: diffVersions(diffable(from, fromParticipants), diffable(to, toParticipants)),
    };
  }

  // ───────────────────────────── drafts ─────────────────────────────

  /** A new draft numbered after the plan's last version, copying rules and participants from `basedOn`. */
  async create(actor: RequestUser, planId: string, body: CreatePlanVersionDto): Promise<TaggedVersion> {
    const id = await this.audit.write(actor, async (manager, record) => {
      // one numbering at a time per plan
      const plans: { id: string }[] = await manager.query(
        `SELECT id FROM incentive_plans WHERE id = $1 FOR UPDATE`,
        [planId],
      );
      if (!plans.length)
        throw new NotFoundException(
          `There is no incentive plan with the id ${planId}: GET /api/v1/plans lists them.`,
        );
      let rules: PlanRules = EMPTY_RULES;
      let copied: ParticipantRow[] = [];
      let base: VersionRow | null = null;
      if (body.basedOn) {
        base = await this.row(manager, body.basedOn, false, 'basedOn');
        if (base.planId !== planId) {
          throw new BadRequestException(
            `basedOn must be a version of this plan: ${body.basedOn} is version ${base.number} of ${base.planName}.`,
          );
        }
        rules = base.rules;
        copied = await this.participants(manager, base.id);
      }
      const [{ id: created }]: { id: string }[] = await manager.query(
        `INSERT INTO plan_versions (plan_id, number, effective_from, rules, based_on, author_id)
         SELECT $1, coalesce(max(number), 0) + 1, $2, $3::jsonb, $4, $5 FROM plan_versions WHERE plan_id = $1
         RETURNING id`,
        [planId, body.effectiveFrom, JSON.stringify(rules), base?.id ?? null, actor.id],
      );
      if (copied.length) {
        await manager.query(
          `INSERT INTO plan_participants (version_id, user_id, org_unit_id, annual_target_bonus, start_date, end_date)
           SELECT $1, user_id, org_unit_id, annual_target_bonus, start_date, end_date FROM plan_participants WHERE version_id = $2`,
          [created, base?.id],
        );
      }
      const row = await this.row(manager, created);
      await record({
        action: 'plan-version.create',
        entityType: 'plan_version',
        entityId: created,
        after: {
          plan: row.planName,
          basedOn: base ? base.number : null,
          ...versionView(row),
          participants: participantsView(copied),
        },
        payData: copied.length > 0,
      });
      return created;
    });
    return this.tagged(this.dataSource.manager, await this.row(this.dataSource.manager, id));
  }

  /** Changes a draft's effective-from, notes or rules (replaced whole, checked by `rulesProblems`). */
  async update(
    actor: RequestUser,
    id: string,
    ifMatch: string | undefined,
    body: UpdatePlanVersionDto,
  ): Promise<TaggedVersion> {
    if (body.effectiveFrom === undefined && body.notes === undefined && body.rules === undefined) {
      throw new BadRequestException('Send at least one of effectiveFrom, notes or rules to change.');
    }
    let rules: PlanRules | undefined;
    if (body.rules !== undefined) {
      const normalized = normalizeRules(body.rules);
      if ('problems' in normalized) {
        throw new BadRequestException({
          message: `The rules were not saved: ${normalized.problems.join('; ')}.`,
          errors: normalized.problems,
        });
      }
      rules = normalized.rules;
    }
    const checkedRules = rules;
    await this.writeDraft(actor, id, ifMatch, async (manager, before, record) => {
      if (checkedRules) {
        const problems = planRulesProblems(checkedRules, await this.directions(manager));
        if (problems.length) {
          throw new UnprocessableEntityException({
            message: `The rules were not saved (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}): ${problems.slice(0, QUOTED_ERRORS).join(' ')}`,
            errors: problems,
          });
        }
      }
      return async (revision) => {
        await manager.query(
          `UPDATE plan_versions SET effective_from = coalesce($2, effective_from), notes = coalesce($3, notes),
                  rules = coalesce($4::jsonb, rules) WHERE id = $1`,
          [
            id,
            body.effectiveFrom ?? null,
            body.notes ?? null,
            checkedRules ? JSON.stringify(checkedRules) : null,
          ],
        );
        const after = await this.row(manager, id);
        await record({
          action: 'plan-version.update',
          entityType: 'plan_version',
          entityId: id,
          before: versionView(before),
          after: { ...versionView(after), revision },
        });
      };
    });
    return this.tagged(this.dataSource.manager, await this.row(this.dataSource.manager, id));
  }

  /** Replaces a draft's participants with the list (all checked, all or nothing). */
  async replaceParticipants(
    actor: RequestUser,
    id: string,
    ifMatch: string | undefined,
    list: PlanParticipantInputDto[],
  ): Promise<TaggedVersion> {
    await this.writeDraft(actor, id, ifMatch, async (manager, before, record) => {
      const items = list.map((raw, ref) => ({ ref, raw: raw as RawParticipant }));
      const checked = checkParticipants(
        items,
        await this.participantContext(manager, items),
        JSON_FIELDS,
        (ref) => `participants[${ref}]`,
      );
      if ('errors' in checked) {
        const errors = checked.errors.map((error) => `participants[${error.ref}]: ${error.message}`);
        throw new BadRequestException({
          message: `${errors.length} of ${list.length} participants are not valid, so none was stored: ${errors.slice(0, QUOTED_ERRORS).join('; ')}.`,
          errors,
        });
      }
      return this.storeParticipants(
        manager,
        id,
        before,
        checked.rows,
        record,
        'plan-version.participants.replace',
      );
    });
    return this.tagged(this.dataSource.manager, await this.row(this.dataSource.manager, id));
  }

  /** A CSV of participants replaces a draft's list: every line valid, or 422 with every bad line and nothing written. */
  async importParticipants(
    actor: RequestUser,
    id: string,
    ifMatch: string | undefined,
    req: Request,
  ): Promise<TaggedVersion> {
    const upload = await readCsvUpload(req, { defaultFileName: 'participants.csv' });
    const { rows, errors: csvErrors } = await readParticipantsCsv(upload.content);
    await this.writeDraft(actor, id, ifMatch, async (manager, before, record) => {
      if (!rows.length && !csvErrors.length) {
        throw new BadRequestException(
          'The file holds no participants: under the header line, give one line per person with email, org_unit, annual_target_bonus, start_date and end_date.',
        );
      }
      const checked = checkParticipants(
        rows,
        await this.participantContext(manager, rows),
        CSV_FIELDS,
        (line) => `line ${line}`,
      );
      const errors: CsvLineError[] = [
        ...csvErrors,
        ...('errors' in checked ? checked.errors.map(({ ref, message }) => ({ line: ref, message })) : []),
      ];
      if (errors.length || 'errors' in checked) {
        errors.sort((a, b) => a.line - b.line);
        throw new UnprocessableEntityException({
          message: `${errors.length} of ${rows.length + csvErrors.length} lines of ${upload.fileName} are not valid, so no participant was stored: ${errors
            .slice(0, QUOTED_ERRORS)
            .map((error) => `line ${error.line}: ${error.message}`)
            .join('; ')}.`,
          errors,
        });
      }
      return this.storeParticipants(
        manager,
        id,
        before,
        checked.rows,
        record,
        'plan-version.participants.import',
        upload.fileName,
      );
    });
    return this.tagged(this.dataSource.manager, await this.row(this.dataSource.manager, id));
  }

  /** Deletes a draft (with its participants); `If-Match`, when sent, must be current. */
  async remove(actor: RequestUser, id: string, ifMatch: string | undefined): Promise<void> {
    await this.audit.write(actor, async (manager, record) => {
      const before = await this.row(manager, id, true);
      const refusal = deleteRefusal(before) ?? (ifMatch ? revisionRefusal(ifMatch, before.revision) : null);
      if (refusal) throw refused(refusal);
      const participants = await this.participants(manager, id);
      await manager.query(`DELETE FROM plan_versions WHERE id = $1 AND status = 'DRAFT'`, [id]);
      await record({
        action: 'plan-version.delete',
        entityType: 'plan_version',
        entityId: id,
        before: {
          plan: before.planName,
          ...versionView(before),
          participants: participantsView(participants),
        },
        after: null,
        payData: participants.length > 0,
      });
    });
  }

  // ───────────────────────────── workflow ─────────────────────────────

  /** HR sends a draft to review: refused with every reason when its rules have problems or it has no participants. */
  async submit(actor: RequestUser, id: string): Promise<TaggedVersion> {
    return this.transition(actor, id, 'plan-version.submit', async (manager, before, participants) => {
      const problems =
        before.status === 'DRAFT' ? planRulesProblems(before.rules, await this.directions(manager)) : [];
      const checked = submitCheck(ruled(before, participants), actor, problems);
      if ('refusal' in checked) throw refused(checked.refusal);
      await manager.query(
        `UPDATE plan_versions SET status = 'IN_REVIEW', submitted_at = now() WHERE id = $1`,
        [id],
      );
      return {};
    });
  }

  /**
   * An approver who neither wrote the version nor is in it approves it; in the same transaction
   * the target bands and CX index weights it reads are frozen (409 naming every missing band).
   */
  async approve(actor: RequestUser, id: string): Promise<TaggedVersion> {
    return this.transition(actor, id, 'plan-version.approve', async (manager, before, participants) => {
      const checked = decisionCheck('approve', ruled(before, participants), actor);
      if ('refusal' in checked) throw refused(checked.refusal);
      const frozen = await this.freezer.freeze(
        manager,
        before.rules,
        participants.map((participant) => participant.orgUnitId),
        before.effectiveFrom,
      );
      if ('missing' in frozen) {
        throw new ConflictException({
          message:
            frozen.missing.length === 1
              ? frozen.missing[0]
              : `Version ${before.number} reads ${frozen.missing.length} target bands that are not set: ${frozen.missing.slice(0, QUOTED_ERRORS).join(' ')}`,
          errors: frozen.missing,
        });
      }
      await manager.query(
        `UPDATE plan_versions SET status = 'APPROVED', approved_by = $2, approved_at = now(), frozen = $3::jsonb, frozen_at = now()
          WHERE id = $1`,
        [id, actor.id, JSON.stringify(frozen.frozen)],
      );
      return {
        frozen: { bands: frozen.frozen.bands.length, cxIndexWeights: frozen.frozen.cxIndexWeights.length },
      };
    });
  }

  /** An approver who neither wrote the version nor is in it sends it back to draft with the reason, which stays on it. */
  async reject(actor: RequestUser, id: string, reason: string): Promise<TaggedVersion> {
    return this.transition(
      actor,
      id,
      'plan-version.reject',
      async (manager, before, participants) => {
        const checked = decisionCheck('reject', ruled(before, participants), actor);
        if ('refusal' in checked) throw refused(checked.refusal);
        await manager.query(
          `UPDATE plan_versions SET status = 'DRAFT', submitted_at = NULL, rejected_by = $2, rejected_at = now(), rejection_reason = $3
            WHERE id = $1`,
          [id, actor.id, reason],
        );
        return { rejection: reason };
      },
      reason,
    );
  }

  /** HR publishes an approved version, unless a statement period it would apply to is closed already. */
  async publish(actor: RequestUser, id: string): Promise<TaggedVersion> {
    const published = await this.transition(
      actor,
      id,
      'plan-version.publish',
      async (manager, before, participants) => {
        const closed: { period: string }[] = await manager.query(`SELECT period FROM statement_periods`);
        const checked = publishCheck(
          ruled(before, participants),
          actor,
          closed.map((row) => row.period),
        );
        if ('refusal' in checked) throw refused(checked.refusal);
        await manager.query(
          `UPDATE plan_versions SET status = 'PUBLISHED', published_by = $2, published_at = now() WHERE id = $1`,
          [id, actor.id],
        );
        return {};
      },
    );
    // the open quarters' projections follow the version that applies now
    this.cache.changed('incentives');
    return published;
  }

  /** A participant acknowledges a published version; the first date counts and is returned again after. */
  async acknowledge(actor: RequestUser, id: string): Promise<{ acknowledgedAt: string }> {
    return this.audit.write(actor, async (manager, record) => {
      const row = await this.row(manager, id);
      const participants = await this.participants(manager, id);
      const refusal = acknowledgeRefusal(ruled(row, participants), actor);
      if (refusal) throw refused(refusal);
      const inserted: { at: Date }[] = await manager.query(
        `INSERT INTO plan_acknowledgements (version_id, user_id) VALUES ($1, $2)
         ON CONFLICT (version_id, user_id) DO NOTHING RETURNING acknowledged_at AS at`,
        [id, actor.id],
      );
      if (inserted.length) {
        await record({
          action: 'plan-version.acknowledge',
          entityType: 'plan_version',
          entityId: id,
          after: { number: row.number, plan: row.planName, acknowledgedBy: actor.email, at: inserted[0].at },
        });
        return { acknowledgedAt: inserted[0].at.toISOString() };
      }
      const [first]: { at: Date }[] = await manager.query(
        `SELECT acknowledged_at AS at FROM plan_acknowledgements WHERE version_id = $1 AND user_id = $2`,
        [id, actor.id],
      );
      return { acknowledgedAt: first.at.toISOString() };
    });
  }

  // ───────────────────────────── internals ─────────────────────────────

  /**
   * One write to a draft, in one audited transaction: the version exists (404), is a draft (409)
   * and `If-Match` names its revision (428 without, 412 when stale). `prepare` checks the change
   * and returns the write; then a single `UPDATE … WHERE revision = $n AND status = 'DRAFT'` claims
   * the next revision, so of two writers with the same revision exactly one wins, and the write
   * runs under that row lock.
   */
  private async writeDraft(
    actor: RequestUser,
    id: string,
    ifMatch: string | undefined,
    prepare: (
      manager: EntityManager,
      before: VersionRow,
      record: RecordAudit,
    ) => Promise<(revision: number) => Promise<void>>,
  ): Promise<void> {
    await this.audit.write(actor, async (manager, record) => {
      const before = await this.row(manager, id);
      const refusal = editRefusal(before) ?? revisionRefusal(ifMatch, before.revision);
      if (refusal) throw refused(refusal);
      const write = await prepare(manager, before, record);
      const claimed: { revision: number }[] = await manager.query(
        `UPDATE plan_versions SET revision = revision + 1, updated_at = now()
          WHERE id = $1 AND revision = $2 AND status = 'DRAFT' RETURNING revision`,
        [id, before.revision],
      );
      // TypeORM answers UPDATE … RETURNING as [rows, count]
      const rows = (Array.isArray(claimed[0]) ? claimed[0] : claimed) as { revision: number }[];
      if (!rows.length) {
        const now = await this.row(manager, id);
        throw refused(editRefusal(now) ?? staleRefusal(now.revision));
      }
      await write(rows[0].revision);
    });
  }

  /**
   * A status change in one audited transaction under the version's row lock: `change` checks the
   * rules and writes; the revision grows, and the entry records the status before and after.
   */
  private async transition(
    actor: RequestUser,
    id: string,
    action: string,
    change: (
      manager: EntityManager,
      before: VersionRow,
      participants: ParticipantRow[],
    ) => Promise<Record<string, unknown>>,
    reason: string | null = null,
  ): Promise<TaggedVersion> {
    await this.audit.write(actor, async (manager, record) => {
      const before = await this.row(manager, id, true);
      const participants = await this.participants(manager, id);
      const extra = await change(manager, before, participants);
      await manager.query(
        `UPDATE plan_versions SET revision = revision + 1, updated_at = now() WHERE id = $1`,
        [id],
      );
      const after = await this.row(manager, id);
      await record({
        action,
        entityType: 'plan_version',
        entityId: id,
        before: { number: before.number, status: before.status, revision: before.revision },
        after: { number: after.number, status: after.status, revision: after.revision, ...extra },
        reason,
      });
    });
    return this.tagged(this.dataSource.manager, await this.row(this.dataSource.manager, id));
  }

  /** Replaces the participants of a draft whose revision is claimed, with one audit entry (pay data). */
  private storeParticipants(
    manager: EntityManager,
    id: string,
    before: VersionRow,
    rows: CheckedParticipant[],
    record: RecordAudit,
    action: string,
    fileName?: string,
  ): Promise<(revision: number) => Promise<void>> {
    return Promise.resolve(async (revision: number) => {
      const previous = await this.participants(manager, id);
      await manager.query(`DELETE FROM plan_participants WHERE version_id = $1`, [id]);
      if (rows.length) {
        await manager.query(
          `INSERT INTO plan_participants (version_id, user_id, org_unit_id, annual_target_bonus, start_date, end_date)
           SELECT $1, k.user_id, k.org_unit_id, k.bonus, k.start_date, k.end_date
             FROM unnest($2::uuid[], $3::uuid[], $4::numeric[], $5::date[], $6::date[]) AS k(user_id, org_unit_id, bonus, start_date, end_date)`,
          [
            id,
            rows.map((row) => row.userId),
            rows.map((row) => row.orgUnitId),
            rows.map((row) => row.annualTargetBonus),
            rows.map((row) => row.startDate),
            rows.map((row) => row.endDate),
          ],
        );
      }
      await record({
        action,
        entityType: 'plan_version',
        entityId: id,
        before: {
          number: before.number,
          revision: before.revision,
          participants: participantsView(previous),
        },
        after: {
          number: before.number,
          revision,
          ...(fileName ? { fileName } : {}),
          participants: rows.map((row) => ({
            email: row.email,
            orgUnit: row.orgUnitKey,
            annualTargetBonus: row.annualTargetBonus,
            startDate: row.startDate,
            endDate: row.endDate,
          })),
        },
        payData: true,
      });
    });
  }

  /** The users and units a list of participations names, looked up at once. */
  private async participantContext(manager: EntityManager, items: readonly { raw: RawParticipant }[]) {
    const emails = [
      ...new Set(
        items
          .map((item) =>
            String(item.raw.user ?? '')
              .trim()
              .toLowerCase(),
          )
          .filter(Boolean),
      ),
    ];
    const keys = [...new Set(items.map((item) => String(item.raw.orgUnit ?? '').trim()).filter(Boolean))];
    const [users, units]: [
      { id: string; name: string; email: string }[],
      { id: string; name: string; key: string }[],
    ] = await Promise.all([
      emails.length
        ? manager.query(`SELECT id, name, email FROM users WHERE lower(email) = ANY($1::text[])`, [emails])
        : [],
      keys.length
        ? manager.query(`SELECT id, name, key FROM org_units WHERE key = ANY($1::text[])`, [keys])
        : [],
    ]);
    return {
      users: new Map(users.map((user) => [user.email.toLowerCase(), user])),
      units: new Map(units.map((unit) => [unit.key, unit])),
    };
  }

  private async directions(manager: EntityManager): Promise<Map<string, MetricDirection>> {
    const rows: { key: string; direction: MetricDirection }[] = await manager.query(
      `SELECT key, direction FROM metric_definitions`,
    );
    return new Map(rows.map((row) => [row.key, row.direction]));
  }

  /** A version by id: 404 (400 when it is a field of the request, named by `field`). */
  private async row(
    manager: EntityManager,
    id: string,
    forUpdate = false,
    field?: string,
  ): Promise<VersionRow> {
    const [row]: VersionRow[] = await manager.query(
      `${SELECT_VERSION} WHERE v.id = $1${forUpdate ? ' FOR UPDATE OF v' : ''}`,
      [id],
    );
    if (!row) {
      const sentence = `There is no plan version with the id ${id}: GET /api/v1/plans lists the plans with their versions.`;
      throw field ? new BadRequestException(`${field}: ${sentence}`) : new NotFoundException(sentence);
    }
    return row;
  }

  private participants(manager: EntityManager, versionId: string): Promise<ParticipantRow[]> {
    return manager.query(
      `SELECT pp.id, pp.user_id AS "userId", u.name AS "userName", u.email, pp.org_unit_id AS "orgUnitId",
              o.key AS "orgUnitKey", o.name AS "orgUnitName", pp.annual_target_bonus::text AS "annualTargetBonus",
              pp.start_date::text AS "startDate", pp.end_date::text AS "endDate"
         FROM plan_participants pp JOIN users u ON u.id = pp.user_id JOIN org_units o ON o.id = pp.org_unit_id
        WHERE pp.version_id = $1
        ORDER BY u.name, u.email, pp.start_date`,
      [versionId],
    );
  }

  /** The version as sent, with its ETag; `onlyUser` limits participants and acknowledgements to one person's. */
  private async tagged(
    manager: EntityManager,
    row: VersionRow,
    participantRows?: ParticipantRow[],
    onlyUser: string | null = null,
  ): Promise<TaggedVersion> {
    const [participants, acknowledgements]: [
      ParticipantRow[],
      { userId: string; userName: string; at: Date }[],
    ] = await Promise.all([
      participantRows ?? this.participants(manager, row.id),
      manager.query(
        `SELECT a.user_id AS "userId", u.name AS "userName", a.acknowledged_at AS at
           FROM plan_acknowledgements a JOIN users u ON u.id = a.user_id
          WHERE a.version_id = $1 ORDER BY a.acknowledged_at, u.name`,
        [row.id],
      ),
    ]);
    const person = (personId: string | null, name: string | null) =>
      personId && name !== null ? { id: personId, name } : null;
    const version: PlanVersion = {
      id: row.id,
      planId: row.planId,
      planName: row.planName,
      number: row.number,
      status: row.status,
      effectiveFrom: row.effectiveFrom,
      author: { id: row.authorId, name: row.authorName },
      updatedAt: row.updatedAt.toISOString(),
      participantCount: row.participantCount,
      revision: row.revision,
      notes: row.notes,
      rules: row.rules,
      participants: participants
        .filter((participant) => onlyUser === null || participant.userId === onlyUser)
        .map((participant) => ({
          id: participant.id,
          user: { id: participant.userId, name: participant.userName, email: participant.email },
          orgUnit: { key: participant.orgUnitKey, name: participant.orgUnitName },
          annualTargetBonus: participant.annualTargetBonus,
          startDate: participant.startDate,
          endDate: participant.endDate,
        })),
      submittedAt: row.submittedAt?.toISOString() ?? null,
      approvedBy: person(row.approvedById, row.approvedByName),
      approvedAt: row.approvedAt?.toISOString() ?? null,
      publishedBy: person(row.publishedById, row.publishedByName),
      publishedAt: row.publishedAt?.toISOString() ?? null,
      rejection:
        row.rejectedById && row.rejectedAt && row.rejectionReason !== null
          ? {
              by: { id: row.rejectedById, name: row.rejectedByName ?? '' },
              at: row.rejectedAt.toISOString(),
              reason: row.rejectionReason,
            }
          : null,
      frozenAt: row.frozenAt?.toISOString() ?? null,
      acknowledgements: acknowledgements
        .filter((ack) => onlyUser === null || ack.userId === onlyUser)
        .map((ack) => ({ user: { id: ack.userId, name: ack.userName }, at: ack.at.toISOString() })),
    };
    return { version, etag: etagOf(row.revision) };
  }
}
