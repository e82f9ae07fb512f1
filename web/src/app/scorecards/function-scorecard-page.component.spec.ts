import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { CurrentUser, CxResult, OrgUnitNode, Role } from '@lodestar/contracts';
import { AuthService } from '../auth/auth.service';
import { FunctionScorecardPageComponent } from './function-scorecard-page.component';
import { DEFINITIONS, OPERATIONS_SCORECARD } from './scorecard.fixtures';

const person = (id: string, name: string) => ({ id, name, email: `${id}@example.com`, roles: [] as Role[] });
const node = (
  key: string,
  name: string,
  leader: string | null,
  children: OrgUnitNode[] = [],
): OrgUnitNode => ({
  id: key,
  key,
  name,
  type: 'FUNCTION',
  parentId: null,
  leader: leader ? person(leader, name + ' lead') : null,
  headcount: 1,
  children,
});
const TREE = [
  node('company', 'Helix', 'ceo', [
    node('operations', 'Operations', 'vp-ops', [node('logistics', 'Logistics', null)]),
    node('sales', 'Sales', 'vp-sales'),
  ]),
];

const NPS: CxResult = {
  metric: 'nps',
  orgUnit: 'operations',
  period: 'FY2025-Q4',
  value: 9.2,
  n: 410,
  marginOfError: 8.8,
  insufficientSample: false,
  minimumSample: 30,
  breakdown: {},
  distribution: Array.from({ length: 11 }, (_, score) => ({ score, count: 10, share: 1 / 11 })),
};

async function setUp(user: Pick<CurrentUser, 'id' | 'roles'>) {
  TestBed.configureTestingModule({
    imports: [FunctionScorecardPageComponent],
    providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations(), provideRouter([])],
  });
  const http = TestBed.inject(HttpTestingController);
  const restored = TestBed.inject(AuthService).restore();
  http.expectOne('/api/v1/auth/me').flush({
    email: `${user.id}@example.com`,
    name: 'Signed in',
    mustChangePassword: false,
    orgUnitId: null,
    ...user,
  });
  await restored;

  const fixture = TestBed.createComponent(FunctionScorecardPageComponent);
  fixture.componentRef.setInput('key', 'operations');
  fixture.componentRef.setInput('period', 'FY2025-Q4');
  fixture.detectChanges();
  http.expectOne('/api/v1/settings/fiscal-calendar').flush({ startMonth: 10, timeZone: 'UTC' });
  http.expectOne('/api/v1/org-units').flush(TREE);
  http.expectOne('/api/v1/metrics').flush(DEFINITIONS);
  fixture.detectChanges();
  http
    .expectOne('/api/v1/scorecards/org-units/operations?period=FY2025-Q4')
    .flush(JSON.parse(JSON.stringify(OPERATIONS_SCORECARD)));
  http.expectOne('/api/v1/cx/results?orgUnit=operations&period=FY2025-Q4&metric=nps').flush(NPS);
  fixture.detectChanges();
  await fixture.whenStable();
  http
    .expectOne((request) => request.url === '/api/v1/cx/pareto')
    .flush([
      { cause: 'Delivery delay', count: 120, share: 0.6, cumulativeShare: 0.6 },
      { cause: 'Slow field service', count: 80, share: 0.4, cumulativeShare: 1 },
    ]);
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return { fixture, http, element, text };
}

describe('function scorecard page', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows the unit, its CX index, the units below it, trends, the NPS and its causes, plans and comments', async () => {
    const { element, text } = await setUp({ id: 'member', roles: ['MEMBER'] });

    expect(text(element.querySelector('h1'))).toBe('Operations scorecard');
    expect(text(element.querySelector('.ls-page-header p'))).toBe(
      'Function · led by Olu Adeyemi · 64 people',
    );
    const index = element.querySelector('[data-testid="headline"] [data-column="cx_index"]');
    expect(text(index)).toContain('24');
    expect(text(index)).toContain('Off track');
    expect(
      Array.from(element.querySelectorAll('tbody tr[data-unit]')).map((row) => row.getAttribute('data-unit')),
    ).toEqual(['operations', 'logistics']);
    expect(element.querySelector('tr[data-unit="operations"] a')).toBeNull();
    // The open action plan flags the cell it answers.
    const flagged = Array.from(element.querySelectorAll('[data-testid="plan-flag"]')).map((flag) =>
      flag.closest('td')?.getAttribute('data-column'),
    );
    expect(flagged).toEqual(['on_time_delivery']);
    expect(
      Array.from(element.querySelectorAll('ls-metric-trend-chart section')).map((chart) =>
        chart.getAttribute('data-metric'),
      ),
    ).toEqual(['budget_attainment', 'nps', 'on_time_delivery']);
    expect(element.querySelector('ls-nps-distribution')).not.toBeNull();
    expect(text(element.querySelector('ls-voc-pareto'))).toContain('Delivery delay');
    expect(text(element.querySelector('[data-testid="action-plan"]'))).toContain(
      'Second shift on final assembly; weekly delivery review with key accounts',
    );
    expect(text(element.querySelector('[data-testid="action-plan"]'))).toContain('Owner Aiko Tanaka');
    expect(text(element.querySelector('[data-testid="comment"]'))).toContain('Chloé Xavier');
  });

  it('lists the CX investments of the unit and below, with the approved amounts of each kind summed exactly', async () => {
    const { element, text } = await setUp({ id: 'member', roles: ['MEMBER'] });
    const panel = element.querySelector('[data-testid="scorecard-investments"]');
    const rows = Array.from(panel?.querySelectorAll('[data-testid="scorecard-investment"]') ?? []).map(
      (row) => Array.from(row.querySelectorAll('td')).map((cell) => text(cell)),
    );
    expect(rows.map((row) => [row[0], row[1], row[2], row[4]])).toEqual([
      ['2025-08', 'Logistics & Delivery', 'Cost', 'Approved'],
      ['2025-09', 'Operations', 'Cost', 'Approved'],
      ['2025-09', 'Operations', 'Quota relief', 'Proposed'],
    ]);
    // 18,000.10 + 4,500.20 approved cost; the proposed relief is not counted
    expect(text(panel?.querySelector('header p') ?? null)).toMatch(
      /Approved: €22,500 of cost.*€0 of quota relief/,
    );
  });

  it('asks for a comment on a red cell, and shows no forms to someone who cannot write', async () => {
    const { element, text } = await setUp({ id: 'member', roles: ['MEMBER'] });
    expect(text(element.querySelector('[data-testid="comments-required"]'))).toBe(
      "On-time delivery is off track (red) in FY2025-Q4: it waits for a comment from the unit's executive or the CX lead.",
    );
    expect(element.querySelector('form[aria-label="Add a comment"]')).toBeNull();
    expect(element.querySelector('[data-testid="action-plans"] mat-select')).toBeNull();
  });

  it("posts the unit's executive's comment on the metric the prompt names, and shows it at the top", async () => {
    const { fixture, http, element, text } = await setUp({ id: 'vp-ops', roles: ['EXECUTIVE', 'MEMBER'] });
    expect(text(element.querySelector('[data-testid="comments-required"]'))).toContain(
      'On-time delivery is off track (red) in FY2025-Q4: add a comment.',
    );
    Array.from(element.querySelectorAll<HTMLButtonElement>('[data-testid="comments-required"] button'))
      .find((button) => text(button) === 'Comment')
      ?.click();
    fixture.detectChanges();
    const form = element.querySelector('form[aria-label="Add a comment"]') as HTMLFormElement;
    const body = form.querySelector('textarea') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(body);
    body.value = '  Second shift on final assembly from October.  ';
    body.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    form.dispatchEvent(new Event('submit'));
    fixture.detectChanges();

    const request = http.expectOne('/api/v1/scorecards/org-units/operations/comments');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      period: 'FY2025-Q4',
      metric: 'on_time_delivery',
      body: 'Second shift on final assembly from October.',
    });
    request.flush({
      id: 'c2',
      orgUnit: 'operations',
      period: 'FY2025-Q4',
      metric: 'on_time_delivery',
      author: { id: 'vp-ops', name: 'Olu Adeyemi' },
      body: 'Second shift on final assembly from October.',
      createdAt: '2025-10-08T08:00:00Z',
    });
    fixture.detectChanges();
    expect(text(element.querySelector('[data-testid="comment"]'))).toContain(
      'Second shift on final assembly from October.',
    );
    expect(element.querySelector('[data-testid="comments-required"]')).toBeNull();
    await fixture.whenStable();
    expect(body.value).toBe('');
  });

  it('posts a comment on the whole scorecard without a metric, and shows the refusal of the API', async () => {
    const { fixture, http, element } = await setUp({ id: 'cx', roles: ['CX_LEAD', 'MEMBER'] });
    const form = element.querySelector('form[aria-label="Add a comment"]') as HTMLFormElement;
    form.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    http.expectNone('/api/v1/scorecards/org-units/operations/comments');
    expect(form.textContent).toContain('Write the comment first');

    const body = form.querySelector('textarea') as HTMLTextAreaElement;
    body.value = 'Delivery is the lever.';
    body.dispatchEvent(new Event('input'));
    form.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    const request = http.expectOne('/api/v1/scorecards/org-units/operations/comments');
    expect(request.request.body).toEqual({ period: 'FY2025-Q4', body: 'Delivery is the lever.' });
    request.flush(
      {
        status: 403,
        detail: 'Only the executive who leads Operations (or a unit above it) or a CX lead can comment.',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    fixture.detectChanges();
    expect(form.querySelector('[role="alert"]')?.textContent).toContain(
      'Only the executive who leads Operations',
    );
    expect(body.value).toBe('Delivery is the lever.');
  });

  it('moves an action plan on with its status', async () => {
    const { fixture, http, element } = await setUp({ id: 'vp-ops', roles: ['EXECUTIVE', 'MEMBER'] });
    const select = element.querySelector<HTMLElement>(
      '[data-testid="action-plan"] .status .mat-mdc-select-trigger',
    );
    select?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
      .find((option) => option.textContent?.trim() === 'In progress')
      ?.click();
    fixture.detectChanges();
    const request = http.expectOne('/api/v1/scorecards/action-plans/p1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ status: 'in_progress' });
    request.flush({ ...OPERATIONS_SCORECARD.actionPlans[0], status: 'in_progress' });
    fixture.detectChanges();
    expect(element.querySelector('[data-testid="action-plan"]')?.getAttribute('data-status')).toBe(
      'in_progress',
    );
  });
});
