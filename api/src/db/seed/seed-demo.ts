import { DataSource, EntityManager } from 'typeorm';
import { validateResponse } from '../../metrics/voc-row';
import { createStage, mergeStage, stageRows } from '../../metrics/voc-store';
import { generateDemoActuals } from './demo-actuals';
import { seedDemoInvestments } from './demo-investments';
import { seedDemoRecognition } from './demo-recognition';
import { seedDemoScorecards } from './demo-scorecards';
import { DEMO_CX_INDEX_WEIGHTS, generateDemoTargets } from './demo-targets';
import { generateDemoVoc } from './demo-voc';
import { appendAnchor, appendAuditEntry } from '../../audit/audit.service';
import { hashPassword } from '../../auth/passwords';
import { OrgUnitEntity } from '../../org/org-unit.entity';
import { FISCAL_CALENDAR_KEY } from '../../settings/fiscal-calendar.service';
import { SettingEntity } from '../../settings/setting.entity';
import { UserEntity } from '../../users/user.entity';
import { dataSourceOptions } from '../data-source';
import { DEMO_FISCAL_CALENDAR, DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS } from './demo-company';

/**
 * Loads the demo company into an empty database (no users yet); does nothing otherwise.
 * Returns whether it loaded. One transaction: a crash half-way leaves the database empty.
 */
export interface SeedOptions {
  /** The demo's survey answers (about 50,000); tests that count answers themselves leave them out. */
  voc?: boolean;
  /** The demo's commercial and operational actuals (about 500 measurements); loaded unless false. */
  actuals?: boolean;
  /** The demo's targets for FY2025 to FY2027 and its CX index weights; loaded unless false. */
  targets?: boolean;
}

export async function seedDemoCompany(url: string, anchorFile: string | null, options: SeedOptions = {}): Promise<boolean> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const head = await dataSource.transaction(async (manager) => {
      await manager.query('LOCK TABLE users IN EXCLUSIVE MODE');
      if ((await manager.count(UserEntity)) > 0) return undefined;
      const unitIds = new Map<string, string>();
      for (const unit of DEMO_UNITS) {
        const saved = await manager.save(
          manager.create(OrgUnitEntity, {
            key: unit.key,
            name: unit.name,
            type: unit.type,
            parentId: unit.parent ? (unitIds.get(unit.parent) ?? null) : null,
          }),
        );
        unitIds.set(unit.key, saved.id);
      }
      const userIds = new Map<string, string>();
      for (const user of DEMO_USERS) {
        const saved = await manager.save(
          manager.create(UserEntity, {
            email: user.email,
            name: user.name,
            roles: user.roles,
            orgUnitId: unitIds.get(user.unit) ?? null,
            passwordHash,
            active: true,
            mustChangePassword: false,
          }),
        );
        userIds.set(user.email, saved.id);
      }
      for (const unit of DEMO_UNITS) {
        if (unit.leader) {
          await manager.update(OrgUnitEntity, { key: unit.key }, { leaderId: userIds.get(unit.leader) ?? null });
        }
      }
      await manager.save(SettingEntity, { key: FISCAL_CALENDAR_KEY, value: DEMO_FISCAL_CALENDAR });
      const answers = options.voc === false ? 0 : await seedDemoVoc(manager, unitIds);
      const actuals = options.actuals === false ? 0 : await seedDemoActuals(manager, unitIds, userIds.get('cx@example.com') ?? null);
      const targets = options.targets === false ? { targets: 0, weights: 0 } : await seedDemoTargets(manager, unitIds, userIds.get('cx@example.com') ?? null);
      await seedDemoScorecards(manager, unitIds, userIds);
      await seedDemoInvestments(manager, unitIds, userIds);
      await seedDemoRecognition(manager, unitIds, userIds);

      return appendAuditEntry(manager, { id: null, email: null }, {
        action: 'demo.seed',
        entityType: 'company',
        entityId: 'company',
        after: { units: DEMO_UNITS.length, users: DEMO_USERS.length, vocAnswers: answers, measurements: actuals, targets: targets.targets, cxIndexWeights: targets.weights, fiscalCalendar: DEMO_FISCAL_CALENDAR },
        reason: 'demo company loaded on first start',
      });
    });
    if (head && anchorFile) appendAnchor(anchorFile, head);
    return head !== undefined;
  } finally {
    await dataSource.destroy();
  }
}

async function seedDemoVoc(manager: EntityManager, unitIds: Map<string, string>): Promise<number> {
  const context = { unitIds, timeZone: DEMO_FISCAL_CALENDAR.timeZone };
  const rows = generateDemoVoc().map((answer, line) => {
    const result = validateResponse(
      {
        response_id: answer.responseId,
        responded_at: answer.respondedAt,
        account: answer.account,
        org_unit: answer.unit,
        survey: answer.survey,
        score: answer.score,
        cause: answer.cause,
        comment: answer.comment,
      },
      line,
      context,
    );
    if ('error' in result) throw new Error(`Demo answer ${answer.responseId} is invalid: ${result.error}`);
    return result.row;
  });
  await createStage((sql) => manager.query(sql));
  await stageRows(manager, rows);
  return mergeStage(manager, null);
}

/** The demo's actuals as version 1 of each month, recorded by the CX lead, in one multi-row INSERT. */
async function seedDemoActuals(manager: EntityManager, unitIds: Map<string, string>, recordedBy: string | null): Promise<number> {
  const rows = generateDemoActuals();
  const unitId = (key: string) => {
    const id = unitIds.get(key);
    if (!id) throw new Error(`Demo actuals name the unit "${key}", which the demo company does not have.`);
    return id;
  };
  await manager.query(
    `INSERT INTO measurements (metric_key, org_unit_id, month, version, value, numerator, denominator, source, recorded_by)
     SELECT k.metric_key, k.org_unit_id, k.month, 1, k.value, k.numerator, k.denominator, 'api', $7
       FROM unnest($1::text[], $2::uuid[], $3::text[], $4::numeric[], $5::numeric[], $6::numeric[])
         AS k(metric_key, org_unit_id, month, value, numerator, denominator)`,
    [
      rows.map((row) => row.metric),
      rows.map((row) => unitId(row.unit)),
      rows.map((row) => row.month),
      rows.map((row) => row.value),
      rows.map((row) => row.numerator),
      rows.map((row) => row.denominator),
      recordedBy,
    ],
  );
  return rows.length;
}

/** The demo's targets and CX index weights, set by the CX lead, in one multi-row INSERT each. */
async function seedDemoTargets(manager: EntityManager, unitIds: Map<string, string>, updatedBy: string | null): Promise<{ targets: number; weights: number }> {
  const unitId = (key: string) => {
    const id = unitIds.get(key);
    if (!id) throw new Error(`Demo targets name the unit "${key}", which the demo company does not have.`);
    return id;
  };
  const targets = generateDemoTargets();
  await manager.query(
    `INSERT INTO targets (metric_key, org_unit_id, period, threshold, target, stretch, updated_by)
     SELECT k.metric_key, k.org_unit_id, k.period, k.threshold, k.target, k.stretch, $7::uuid
       FROM unnest($1::text[], $2::uuid[], $3::text[], $4::numeric[], $5::numeric[], $6::numeric[])
         AS k(metric_key, org_unit_id, period, threshold, target, stretch)`,
    [
      targets.map((row) => row.metric),
      targets.map((row) => unitId(row.unit)),
      targets.map((row) => row.period),
      targets.map((row) => row.threshold),
      targets.map((row) => row.target),
      targets.map((row) => row.stretch),
      updatedBy,
    ],
  );
  await manager.query(
    `INSERT INTO cx_index_weights (org_unit_id, metric_key, weight, updated_by)
     SELECT k.org_unit_id, k.metric_key, k.weight, $4::uuid FROM unnest($1::uuid[], $2::text[], $3::numeric[]) AS k(org_unit_id, metric_key, weight)`,
    [
      DEMO_CX_INDEX_WEIGHTS.map((row) => (row.unit === null ? null : unitId(row.unit))),
      DEMO_CX_INDEX_WEIGHTS.map((row) => row.metric),
      DEMO_CX_INDEX_WEIGHTS.map((row) => row.weight),
      updatedBy,
    ],
  );
  return { targets: targets.length, weights: DEMO_CX_INDEX_WEIGHTS.length };
}
