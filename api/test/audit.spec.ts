import * as fs from 'node:fs';
import { appendAuditEntry, AuditService } from '../src/audit/audit.service';
import { bearer, createTestApp, TestApp } from './support/test-app';

describe('audit log', () => {
  let t: TestApp;
  let admin: string;
  let hr: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.tokenFor('admin@example.com');
    hr = await t.tokenFor('hr@example.com');
    // a few writes through the API, and one entry holding pay data
    await t.http.put('/api/v1/settings/fiscal-calendar').set(...bearer(admin)).send({ startMonth: 10, timeZone: 'UTC' }).expect(200);
    await t.http.patch('/api/v1/org-units/hr').set(...bearer(admin)).send({ name: 'People' }).expect(200);
    await t.app.get(AuditService).write({ id: null, email: 'hr@example.com' }, (_manager, record) =>
      record({ action: 'target-bonus.update', entityType: 'participant', entityId: 'p-1', after: { annualTargetBonus: '40000.00' }, payData: true }),
    );
  });
  afterAll(() => t.close());

  it('lists entries newest first with actor, entity, before and after, filtered and paginated', async () => {
    const res = await t.http.get('/api/v1/audit?pageSize=2').set(...bearer(hr)).expect(200);
    expect(res.body.total).toBe(4);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items[0]).toMatchObject({ action: 'target-bonus.update', payData: true });
    const filtered = await t.http.get('/api/v1/audit?entityType=org-unit&actor=ADMIN@example.com').set(...bearer(hr)).expect(200);
    expect(filtered.body.items).toHaveLength(1);
    expect(filtered.body.items[0]).toMatchObject({ entityId: 'hr', before: { name: 'HR' }, after: { name: 'People' } });
    const future = await t.http.get('/api/v1/audit?from=2999-01-01').set(...bearer(hr)).expect(200);
    expect(future.body.total).toBe(0);
    const bad = await t.http.get('/api/v1/audit?from=yesterday').set(...bearer(hr)).expect(400);
    expect(bad.body.detail).toMatch(/from must be an ISO 8601 date/);
  });

  it('hides entries holding pay data from an admin', async () => {
    const res = await t.http.get('/api/v1/audit').set(...bearer(admin)).expect(200);
    expect(res.body.total).toBe(3);
    expect(res.body.items.some((entry: { payData: boolean }) => entry.payData)).toBe(false);
  });

  it('verifies an untouched chain and its anchor file', async () => {
    const res = await t.http.get('/api/v1/audit/verify').set(...bearer(hr)).expect(200);
    expect(res.body).toMatchObject({ valid: true, checked: 4, firstBrokenId: null, anchorMatches: true });
    expect(res.body.head.hash).toBe(res.body.anchoredHead.hash);
    expect(fs.readFileSync(t.anchorFile, 'utf8').trim().split('\n')).toHaveLength(4);
  });

  it('has the database itself refuse UPDATE, DELETE and TRUNCATE of entries', async () => {
    await expect(t.sql(`UPDATE audit_entries SET reason = 'edited'`)).rejects.toThrow(/append-only/);
    await expect(t.sql(`DELETE FROM audit_entries`)).rejects.toThrow(/append-only/);
    await expect(t.sql(`TRUNCATE audit_entries`)).rejects.toThrow(/append-only/);
  });

  it('keeps a write and its audit entry together: a failed write leaves no entry', async () => {
    const before = await t.sql<{ n: string }>('SELECT count(*) AS n FROM audit_entries');
    await expect(
      t.app.get(AuditService).write({ id: null, email: 'x@example.com' }, async (manager, record) => {
        await record({ action: 'doomed', entityType: 'test' });
        await manager.query('SELECT 1/0');
      }),
    ).rejects.toThrow();
    const after = await t.sql<{ n: string }>('SELECT count(*) AS n FROM audit_entries');
    expect(after[0].n).toBe(before[0].n);
  });

  describe('after tampering by a superuser', () => {
    afterEach(async () => {
      await t.sql('ALTER TABLE audit_entries ENABLE TRIGGER USER');
    });

    it('reports the first broken entry when one row is edited behind the trigger', async () => {
      const [second] = await t.sql<{ id: string }>('SELECT id::text FROM audit_entries ORDER BY id LIMIT 1 OFFSET 1');
      await t.sql('ALTER TABLE audit_entries DISABLE TRIGGER USER');
      await t.sql(`UPDATE audit_entries SET reason = 'nothing to see' WHERE id = $1`, [second.id]);
      const res = await t.http.get('/api/v1/audit/verify').set(...bearer(admin)).expect(200);
      expect(res.body).toMatchObject({ valid: false, firstBrokenId: second.id, checked: 4 });
    });

    it('catches a rewrite of the whole chain through the anchor file', async () => {
      await t.sql('ALTER TABLE audit_entries DISABLE TRIGGER USER');
      const rows = await t.sql<{ id: string }>('SELECT id::text FROM audit_entries ORDER BY id');
      await t.sql('DELETE FROM audit_entries');
      // re-create a consistent chain with different content, as a forger with full access would
      const service = t.app.get(AuditService);
      await service.write({ id: null, email: 'forger@example.com' }, async (manager, record) => {
        await manager.query(`SELECT setval('audit_entries_id_seq', $1::bigint, false)`, [rows[0].id]);
        for (let i = 0; i < rows.length; i++) await record({ action: 'nothing', entityType: 'nothing' });
      });
      const res = await t.http.get('/api/v1/audit/verify').set(...bearer(admin)).expect(200);
      expect(res.body.valid).toBe(true);
      expect(res.body.anchorMatches).toBe(false);
    });
  });

  it('appends entries from concurrent writers as one unbroken chain', async () => {
    const service = t.app.get(AuditService);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => service.write({ id: null, email: 'load@example.com' }, (manager) => appendAuditEntry(manager, { id: null, email: null }, { action: `concurrent-${i}`, entityType: 'test' }))),
    );
    const ids = await t.sql<{ id: string }>(`SELECT id::text FROM audit_entries WHERE action LIKE 'concurrent-%' ORDER BY id`);
    expect(ids).toHaveLength(20);
    const chain = await t.sql<{ ok: boolean }>(
      `SELECT bool_and(prev_hash = lag) AS ok FROM (SELECT prev_hash, lag(hash) OVER (ORDER BY id) AS lag FROM audit_entries) x WHERE lag IS NOT NULL`,
    );
    expect(chain[0].ok).toBe(true);
  });
});
