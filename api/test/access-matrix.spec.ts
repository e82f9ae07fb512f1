import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { ROLES, type Role } from '@lodestar/contracts';
import { ACCESS_KEY } from '../src/common/access.decorator';
import { bearer, createTestApp, TestApp } from './support/test-app';

type Who = 'anyone' | 'signed-in' | Role[];

/**
 * Who may call each route, written down independently of the decorators. A route the app has
 * that is missing here, or a row here without a route, fails the test.
 */
const EXPECTED: Record<string, Who> = {
  'GET /health': 'anyone',
  'GET /ready': 'anyone',
  'POST /api/v1/auth/login': 'anyone',
  'GET /api/v1/auth/me': 'signed-in',
  'POST /api/v1/auth/logout': 'signed-in',
  'POST /api/v1/auth/password': 'signed-in',
  'GET /api/v1/users': ['ADMIN'],
  'POST /api/v1/users': ['ADMIN'],
  'PATCH /api/v1/users/:id': ['ADMIN'],
  'POST /api/v1/users/:id/password-reset': ['ADMIN'],
  'GET /api/v1/org-units': 'signed-in',
  'POST /api/v1/org-units': ['ADMIN'],
  'PATCH /api/v1/org-units/:key': ['ADMIN'],
  'GET /api/v1/settings/fiscal-calendar': 'signed-in',
  'PUT /api/v1/settings/fiscal-calendar': ['ADMIN'],
  'GET /api/v1/audit': ['HR', 'APPROVER', 'ADMIN'],
  'GET /api/v1/audit/verify': ['HR', 'APPROVER', 'ADMIN'],
  'GET /api/v1/metrics': 'signed-in',
  'POST /api/v1/metrics': ['CX_LEAD'],
  'POST /api/v1/measurements': ['CX_LEAD'],
  'POST /api/v1/measurements/imports': ['CX_LEAD'],
  'GET /api/v1/measurements': 'signed-in',
  'GET /api/v1/measurements/grid': 'signed-in',
  'POST /api/v1/voc/imports': ['CX_LEAD'],
  'GET /api/v1/voc/imports': ['CX_LEAD'],
  'GET /api/v1/voc/imports/:id': ['CX_LEAD'],
  'POST /api/v1/voc/responses': ['CX_LEAD'],
  'GET /api/v1/voc/comments': 'signed-in',
  'GET /api/v1/cx/results': 'signed-in',
  'GET /api/v1/cx/pareto': 'signed-in',
  'POST /api/v1/targets': ['CX_LEAD'],
  'POST /api/v1/targets/imports': ['CX_LEAD'],
  'GET /api/v1/targets': 'signed-in',
  'GET /api/v1/targets/effective': 'signed-in',
  'DELETE /api/v1/targets': ['CX_LEAD'],
  'GET /api/v1/cx-index/weights': 'signed-in',
  'PUT /api/v1/cx-index/weights': ['CX_LEAD'],
  'DELETE /api/v1/cx-index/weights': ['CX_LEAD'],
  'GET /api/v1/scorecards/company': 'signed-in',
  'GET /api/v1/scorecards/org-units/:key': 'signed-in',
  'GET /api/v1/scorecards/company/export': 'signed-in',
  'POST /api/v1/scorecards/org-units/:key/comments': ['EXECUTIVE', 'CX_LEAD'],
  'POST /api/v1/scorecards/org-units/:key/action-plans': ['EXECUTIVE', 'CX_LEAD'],
  'PATCH /api/v1/scorecards/action-plans/:id': ['EXECUTIVE', 'CX_LEAD'],
  'POST /api/v1/cx-investments': 'signed-in',
  'GET /api/v1/cx-investments': 'signed-in',
  'GET /api/v1/cx-investments/:id': 'signed-in',
  'POST /api/v1/cx-investments/:id/decision': ['CX_LEAD', 'APPROVER'],
  'POST /api/v1/cx-investments/:id/withdraw': 'signed-in',
  'GET /api/v1/cx-investments/budget': 'signed-in',
  'PUT /api/v1/cx-investments/budget': ['CX_LEAD'],
  'GET /api/v1/cx-investments/settings': 'signed-in',
  'PUT /api/v1/cx-investments/settings': ['CX_LEAD'],
  'GET /api/v1/pay-overrides': ['HR', 'APPROVER'],
  'POST /api/v1/pay-overrides': ['HR'],
  'POST /api/v1/pay-overrides/:id/decision': ['APPROVER'],
  'GET /api/v1/statements': 'signed-in',
  'GET /api/v1/statements/:id': 'signed-in',
  'POST /api/v1/statements/recompute': ['HR'],
  'GET /api/v1/statement-periods': ['HR', 'APPROVER'],
  'POST /api/v1/statement-periods/:period/close': ['HR'],
  'POST /api/v1/statement-periods/:period/release': ['HR'],
  'GET /api/v1/plan-versions/:id/preview-facts': ['HR', 'APPROVER'],
  'POST /api/v1/plan-versions/:id/what-if': ['HR', 'APPROVER'],
  'GET /api/v1/incentives/me': 'signed-in',
  'GET /api/v1/incentives/forecast': ['HR', 'APPROVER'],
  'GET /api/v1/plans': ['HR', 'APPROVER'],
  'POST /api/v1/plans': ['HR'],
  'GET /api/v1/plans/:id': ['HR', 'APPROVER'],
  'POST /api/v1/plans/:id/versions': ['HR'],
  'GET /api/v1/plan-versions/:id': ['HR', 'APPROVER', 'EXECUTIVE'],
  'PATCH /api/v1/plan-versions/:id': ['HR'],
  'DELETE /api/v1/plan-versions/:id': ['HR'],
  'PUT /api/v1/plan-versions/:id/participants': ['HR'],
  'POST /api/v1/plan-versions/:id/participants/imports': ['HR'],
  'POST /api/v1/plan-versions/:id/submit': ['HR'],
  'POST /api/v1/plan-versions/:id/approve': ['APPROVER'],
  'POST /api/v1/plan-versions/:id/reject': ['APPROVER'],
  'POST /api/v1/plan-versions/:id/publish': ['HR'],
  'GET /api/v1/plan-versions/:id/diff': ['HR', 'APPROVER'],
  'POST /api/v1/plan-versions/:id/acknowledge': 'signed-in',
  'POST /api/v1/statements/:id/inquiries': 'signed-in',
  'GET /api/v1/inquiries': ['HR'],
  'POST /api/v1/inquiries/:id/answer': ['HR'],
  'GET /api/v1/statements/export': ['HR'],
  'GET /api/v1/statements/payroll': ['HR'],
  'POST /api/v1/nominations': 'signed-in',
  'GET /api/v1/nominations': 'signed-in',
  'POST /api/v1/nominations/:id/decision': ['REVIEWER'],
  'GET /api/v1/recognition/feed': 'signed-in',
  'GET /api/v1/recognition/leaderboard': 'signed-in',
  'GET /api/v1/recognition/analytics': ['CX_LEAD', 'HR', 'EXECUTIVE'],
  'GET /api/v1/recognition/settings': 'signed-in',
  'PUT /api/v1/recognition/settings': ['CX_LEAD'],
  'GET /api/v1/recognition/budgets': 'signed-in',
  'PUT /api/v1/recognition/budgets': ['CX_LEAD'],
  'GET /api/v1/recognition/tags': 'signed-in',
  'POST /api/v1/recognition/tags': ['ADMIN'],
  'GET /api/v1/inbox': 'signed-in',
};

/** Example path values: ids that exist nowhere, so an allowed call changes nothing. */
const SAMPLE: Record<string, string> = { ':id': '00000000-0000-4000-8000-000000000000', ':key': 'no-such-unit' };

interface Route {
  method: string;
  path: string;
  declared: boolean;
}

function routesOf(t: TestApp): Route[] {
  const modules = t.app.get(ModulesContainer);
  const scanner = new MetadataScanner();
  const routes: Route[] = [];
  const controllers = [...modules.values()].flatMap((module) => [...module.controllers.values()]);
  for (const wrapper of controllers) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '').replace(/^\/|\/$/g, '');
    const prototype = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const sub = Reflect.getMetadata(PATH_METADATA, handler);
      if (sub === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const joined = [base, String(sub).replace(/^\/|\/$/g, '')].filter(Boolean).join('/');
      const path = ['health', 'ready'].includes(joined) ? `/${joined}` : `/api/v1/${joined}`;
      const declared = Reflect.getMetadata(ACCESS_KEY, handler) ?? Reflect.getMetadata(ACCESS_KEY, metatype);
      routes.push({ method, path, declared: declared !== undefined });
    }
  }
  return routes;
}

describe('authorization matrix: every route × every role', () => {
  let t: TestApp;
  let routes: Route[];
  beforeAll(async () => {
    t = await createTestApp();
    routes = routesOf(t);
  });
  afterAll(() => t.close());

  it('has an access rule on every route and a row in this table for each, and no row without a route', () => {
    expect(routes.filter((route) => !route.declared).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    const actual = routes.map((route) => `${route.method} ${route.path}`).sort();
    expect(actual).toEqual(Object.keys(EXPECTED).sort());
  });

  const callers: (Role | 'anonymous')[] = ['anonymous', ...ROLES];
  for (const [route, who] of Object.entries(EXPECTED)) {
    it(`${route}: ${typeof who === 'string' ? who : who.join(', ')}`, async () => {
      const [method, template] = route.split(' ');
      const path = template.replace(/:[a-zA-Z]+/g, (param) => SAMPLE[param] ?? 'x');
      const outcome: Record<string, number> = {};
      const expected: Record<string, string> = {};
      for (const caller of callers) {
        const call = t.http[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path);
        if (caller !== 'anonymous') {
          const { token } = await t.userWithRoles([caller]);
          call.set(...bearer(token));
        }
        const status = (await call.send({})).status;
        const allowed = who === 'anyone' || (caller !== 'anonymous' && (who === 'signed-in' || who.includes(caller)));
        outcome[caller] = status;
        expected[caller] = allowed ? 'allowed' : caller === 'anonymous' ? '401' : '403';
      }
      const seen = Object.fromEntries(
        Object.entries(outcome).map(([caller, status]) => [caller, status === 401 || status === 403 ? String(status) : 'allowed']),
      );
      expect(seen).toEqual(expected);
      for (const status of Object.values(outcome)) expect(status).toBeLessThan(500);
    });
  }
});
