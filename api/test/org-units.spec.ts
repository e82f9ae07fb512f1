import type { OrgUnitNode } from '@lodestar/contracts';
import { bearer, createTestApp, TestApp } from './support/test-app';

function find(nodes: OrgUnitNode[], key: string): OrgUnitNode | undefined {
  for (const node of nodes) {
    if (node.key === key) return node;
    const inChild = find(node.children, key);
    if (inChild) return inChild;
  }
  return undefined;
}

describe('org units', () => {
  let t: TestApp;
  let admin: string;
  let member: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.tokenFor('admin@example.com');
    member = await t.tokenFor('member@example.com');
  });
  afterAll(() => t.close());

  it('shows any signed-in user the tree: the company, its nine functions with leaders, and teams below', async () => {
    const res = await t.http.get('/api/v1/org-units').set(...bearer(member)).expect(200);
    const roots = res.body as OrgUnitNode[];
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ key: 'company', type: 'COMPANY', leader: { email: 'ceo@example.com' } });
    const functions = roots[0].children.filter((unit) => unit.type === 'FUNCTION').map((unit) => unit.key);
    expect(functions.sort()).toEqual(['finance', 'hr', 'it', 'marketing', 'operations', 'product', 'quality', 'sales', 'service']);
    const sales = find(roots, 'sales');
    expect(sales?.leader?.name).toBe('Victor Salas');
    expect(sales?.children.map((unit) => unit.key).sort()).toEqual(['emea', 'key-accounts', 'regional-sales']);
    const [{ n }] = await t.sql<{ n: string }>('SELECT count(*) AS n FROM users WHERE active');
    expect(roots[0].headcount).toBe(Number(n));
    expect(sales?.headcount).toBe(6);
  });

  it('lets an admin add a team under a function and records it in the audit log', async () => {
    const [leader] = await t.sql<{ id: string }>(`SELECT id FROM users WHERE email = 'mei.chen@example.com'`);
    const res = await t.http
      .post('/api/v1/org-units')
      .set(...bearer(admin))
      .send({ key: 'installation', name: 'Installation', type: 'TEAM', parentKey: 'service', leaderId: leader.id })
      .expect(201);
    expect(res.body).toMatchObject({ key: 'installation', leader: { email: 'mei.chen@example.com' } });
    const tree = await t.http.get('/api/v1/org-units').set(...bearer(member)).expect(200);
    expect(find(tree.body, 'service')?.children.map((unit) => unit.key)).toContain('installation');
    const [entry] = await t.sql<{ action: string }>(`SELECT action FROM audit_entries WHERE entity_id = 'installation'`);
    expect(entry.action).toBe('org-unit.create');
  });

  it('refuses bad keys, unknown parents, duplicates and a second root with reasons', async () => {
    const badKey = await t.http.post('/api/v1/org-units').set(...bearer(admin)).send({ key: 'Field Service', name: 'X', type: 'TEAM', parentKey: 'service' }).expect(400);
    expect(badKey.body.detail).toMatch(/key must be a slug/);
    const noParent = await t.http.post('/api/v1/org-units').set(...bearer(admin)).send({ key: 'x', name: 'X', type: 'TEAM', parentKey: 'nowhere' }).expect(400);
    expect(noParent.body.detail).toMatch(/no org unit with the key "nowhere"/);
    await t.http.post('/api/v1/org-units').set(...bearer(admin)).send({ key: 'sales', name: 'X', type: 'TEAM', parentKey: 'service' }).expect(409);
    const orphan = await t.http.post('/api/v1/org-units').set(...bearer(admin)).send({ key: 'loose', name: 'X', type: 'TEAM' }).expect(400);
    expect(orphan.body.detail).toMatch(/Only the company has no parent/);
    const badType = await t.http.post('/api/v1/org-units').set(...bearer(admin)).send({ key: 'y', name: 'Y', type: 'TRIBE', parentKey: 'sales' }).expect(400);
    expect(badType.body.detail).toMatch(/type must be one of COMPANY/);
  });

  it('moves a unit but never under itself or its own sub-units', async () => {
    const cycle = await t.http.patch('/api/v1/org-units/sales').set(...bearer(admin)).send({ parentKey: 'key-accounts' }).expect(400);
    expect(cycle.body.detail).toMatch(/cannot move under itself/);
    await t.http.patch('/api/v1/org-units/emea').set(...bearer(admin)).send({ parentKey: 'marketing', name: 'EMEA' }).expect(200);
    const tree = await t.http.get('/api/v1/org-units').set(...bearer(member)).expect(200);
    expect(find(tree.body, 'marketing')?.children.map((unit) => unit.key)).toContain('emea');
    await t.http.patch('/api/v1/org-units/nowhere').set(...bearer(admin)).send({ name: 'X' }).expect(404);
  });

  it('keeps org-unit editing to admins', async () => {
    await t.http.post('/api/v1/org-units').set(...bearer(member)).send({ key: 'z', name: 'Z', type: 'TEAM', parentKey: 'sales' }).expect(403);
  });
});
