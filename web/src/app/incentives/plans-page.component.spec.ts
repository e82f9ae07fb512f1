import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import type { IncentiveForecast, IncentivePlan, Role } from '@lodestar/contracts';
import { AuthService } from '../auth/auth.service';
import { forecastGroups } from './cost-forecast.component';
import { planKeyOf } from './plan-dialogs.component';
import { HANNA, SALES_PLAN, version } from './plan.fixtures';
import { PlansPageComponent } from './plans-page.component';

const forecastFor = (fiscalYear: number): IncentiveForecast => ({
  fiscalYear,
  quarters: [
    { period: `FY${fiscalYear}-Q1`, basis: 'RELEASED', total: '48210.55' },
    { period: `FY${fiscalYear}-Q2`, basis: 'CLOSED', total: '50120.00' },
    { period: `FY${fiscalYear}-Q3`, basis: 'PROJECTION', total: '51000.45' },
    { period: `FY${fiscalYear}-Q4`, basis: 'NONE', total: '0.00' },
  ],
  total: '149331.00',
  currency: 'EUR',
});

async function setUp(roles: Role[], plans: IncentivePlan[] = [SALES_PLAN]) {
  TestBed.configureTestingModule({
    imports: [PlansPageComponent],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
      provideRouter([]),
      {
        provide: AuthService,
        useValue: {
          user: signal({
            id: HANNA.id,
            name: HANNA.name,
            email: 'hr@example.com',
            roles,
            mustChangePassword: false,
          }),
          roles: signal(roles),
        },
      },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(PlansPageComponent);
  const element: HTMLElement = fixture.nativeElement;
  document.body.appendChild(element);
  const render = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  fixture.detectChanges();
  http.expectOne('/api/v1/plans').flush(plans);
  http.expectOne('/api/v1/settings/fiscal-calendar').flush({ startMonth: 10, timeZone: 'UTC' });
  await render();
  const forecast = http.expectOne((request) => request.url === '/api/v1/incentives/forecast');
  const year = Number(forecast.request.params.get('fiscalYear'));
  forecast.flush(forecastFor(year));
  await render();
  const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  const button = (label: string, root: ParentNode = element) =>
    Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((candidate) =>
      candidate.textContent?.includes(label),
    );
  return { fixture, http, element, render, text, button, year };
}

describe('plans page', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    document.body.replaceChildren();
  });

  it('lists each plan with its versions, newest first, with status, first quarter, author and participants', async () => {
    const { element, text } = await setUp(['APPROVER']);
    const rows = Array.from(element.querySelectorAll('[data-plan="sales-bonus"] tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('th, td'))
        .slice(0, 5)
        .map((cell) => text(cell)),
    );
    expect(rows).toEqual([
      ['Version 3', 'Draft', 'FY2027-Q1', 'Hanna Richter', '1'],
      ['Version 2', 'Published', 'FY2026-Q1', 'Hanna Richter', '1'],
    ]);
    expect(element.querySelector('[data-plan="sales-bonus"] tbody a')?.getAttribute('href')).toBe(
      '/plans/versions/v3',
    );
  });

  it('offers New plan and New version only to HR, based on the latest published version', async () => {
    const approver = await setUp(['APPROVER']);
    expect(approver.element.querySelector('[data-testid="new-plan"]')).toBeNull();
    expect(approver.element.querySelector('[data-testid="new-version-sales-bonus"]')).toBeNull();
    approver.fixture.destroy();
    TestBed.resetTestingModule();
    document.body.replaceChildren();

    const hr = await setUp(['HR']);
    expect(hr.element.querySelector('[data-testid="new-plan"]')).not.toBeNull();
    expect(hr.text(hr.element.querySelector('[data-testid="new-version-sales-bonus"]'))).toBe(
      'New version based on version 2…',
    );
  });

  it('checks a new plan before sending it, suggests its key and lists it once created', async () => {
    const { element, http, render, button, text } = await setUp(['HR']);
    element.querySelector<HTMLButtonElement>('[data-testid="new-plan"]')?.click();
    await render();
    const dialog = document.querySelector('mat-dialog-container');
    if (!dialog) throw new Error('no dialog');
    button('Create plan', dialog)?.click();
    await render();
    expect(
      Array.from(dialog.querySelectorAll('[data-testid="new-plan-problems"] li')).map((item) => text(item)),
    ).toEqual([
      'Give the plan a name.',
      'The key is lower-case letters and digits in words joined by "-", such as sales-bonus, at most 60 characters.',
    ]);
    http.expectNone('/api/v1/plans');

    const name = dialog.querySelector<HTMLInputElement>('[data-testid="plan-name"]');
    if (!name) throw new Error('no name field');
    name.value = 'Service executives';
    name.dispatchEvent(new Event('input'));
    await render();
    expect(dialog.querySelector<HTMLInputElement>('[data-testid="plan-key"]')?.value).toBe(
      'service-executives',
    );
    button('Create plan', dialog)?.click();
    await render();
    const created = http.expectOne((request) => request.method === 'POST' && request.url === '/api/v1/plans');
    expect(created.request.body).toEqual({ key: 'service-executives', name: 'Service executives' });
    const plan: IncentivePlan = {
      id: 'p-service',
      key: 'service-executives',
      name: 'Service executives',
      description: '',
      versions: [],
    };
    created.flush(plan);
    await render();
    http.expectOne('/api/v1/plans').flush([SALES_PLAN, plan]);
    await render();
    expect(document.querySelector('mat-dialog-container')).toBeNull();
    expect(text(element.querySelector('[data-testid="notice"]'))).toBe(
      'Service executives was created. Draft its first version with "New version".',
    );
    expect(text(element.querySelector('[data-plan="service-executives"]'))).toContain('No versions yet');
  });

  it('keeps the dialog open with the API’s sentence when a plan is refused', async () => {
    const { element, http, render, button, text } = await setUp(['HR']);
    element.querySelector<HTMLButtonElement>('[data-testid="new-plan"]')?.click();
    await render();
    const dialog = document.querySelector('mat-dialog-container');
    if (!dialog) throw new Error('no dialog');
    const name = dialog.querySelector<HTMLInputElement>('[data-testid="plan-name"]');
    if (!name) throw new Error('no name field');
    name.value = 'Sales bonus';
    name.dispatchEvent(new Event('input'));
    button('Create plan', dialog)?.click();
    await render();
    // A key already listed is refused before sending.
    expect(text(dialog.querySelector('[data-testid="new-plan-problems"]'))).toBe(
      'A plan with the key "sales-bonus" already exists: choose another key.',
    );
    const key = dialog.querySelector<HTMLInputElement>('[data-testid="plan-key"]');
    if (!key) throw new Error('no key field');
    key.value = 'sales-bonus-2027';
    key.dispatchEvent(new Event('input'));
    button('Create plan', dialog)?.click();
    await render();
    const refused = http.expectOne((request) => request.method === 'POST');
    refused.flush(
      {
        status: 409,
        title: 'Conflict',
        detail: 'A plan with the key "sales-bonus-2027" already exists: choose another key.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await render();
    expect(document.querySelector('mat-dialog-container')).not.toBeNull();
    expect(text(dialog.querySelector('ls-inline-error'))).toBe(
      'A plan with the key "sales-bonus-2027" already exists: choose another key.',
    );
  });

  it('creates a new version based on the published one and opens it', async () => {
    const { element, http, render, button, year } = await setUp(['HR']);
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    element.querySelector<HTMLButtonElement>('[data-testid="new-version-sales-bonus"]')?.click();
    await render();
    const dialog = document.querySelector('mat-dialog-container');
    if (!dialog) throw new Error('no dialog');
    button('Create draft', dialog)?.click();
    await render();
    const created = http.expectOne('/api/v1/plans/p-sales/versions');
    expect(created.request.body.basedOn).toBe('v2');
    expect(created.request.body.effectiveFrom).toMatch(new RegExp(`^FY${year}-Q[1-4]$`));
    created.flush(version({ id: 'v4', number: 4 }));
    await render();
    expect(navigate).toHaveBeenCalledWith(['/plans/versions', 'v4']);
  });

  it('states the year’s forecast cost and lists its quarters by basis in the table', async () => {
    const { element, render, text, year, http } = await setUp(['HR']);
    expect(text(element.querySelector('[data-testid="forecast-total"]'))).toBe(
      `FY${year} in total: €149,331`,
    );
    element.querySelector<HTMLButtonElement>('ls-cost-forecast mat-slide-toggle button')?.click();
    await render();
    const rows = Array.from(element.querySelectorAll('[data-testid="forecast-table"] tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('th, td')).map((cell) => text(cell)),
    );
    expect(rows).toEqual([
      [`FY${year}-Q1`, 'Released · statements released to participants', '€48,211'],
      [`FY${year}-Q2`, 'Closed · statements closed and in review', '€50,120'],
      [`FY${year}-Q3`, 'Projection · projected from the actuals so far', '€51,000'],
      [`FY${year}-Q4`, 'No plan · no plan version applies', '€0'],
    ]);

    const picker = element.querySelector<HTMLSelectElement>('[data-testid="forecast-year"]');
    if (!picker) throw new Error('no year picker');
    picker.value = String(year + 1);
    picker.dispatchEvent(new Event('change'));
    await render();
    http.expectOne(`/api/v1/incentives/forecast?fiscalYear=${year + 1}`).flush(forecastFor(year + 1));
    await render();
    expect(text(element.querySelector('[data-testid="forecast-total"]'))).toBe(
      `FY${year + 1} in total: €149,331`,
    );
  });
});

describe('plans page data', () => {
  it('gives the forecast chart one bar per quarter named after its basis', () => {
    expect(
      forecastGroups(forecastFor(2027)).map((group) => [
        group.name,
        group.series[0].name,
        group.series[0].value,
      ]),
    ).toEqual([
      ['FY2027-Q1', 'Released', 48210.55],
      ['FY2027-Q2', 'Closed', 50120],
      ['FY2027-Q3', 'Projection', 51000.45],
      ['FY2027-Q4', 'No plan', 0],
    ]);
  });

  it('suggests a plan key from its name', () => {
    expect(planKeyOf('Sales Executives – FY2027')).toBe('sales-executives-fy2027');
    expect(planKeyOf('  Équipe   Service ')).toBe('equipe-service');
  });
});
