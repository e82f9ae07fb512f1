import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import type { MeasurementGrid, MeasurementResult, MetricDefinition } from '@lodestar/contracts';
import { MeasurementsPageComponent } from './measurements-page.component';
import { MeasurementsService } from './measurements.service';

const definition = (overrides: Partial<MetricDefinition>): MetricDefinition => ({
  key: 'quota_attainment',
  name: 'Quota attainment',
  description: null,
  category: 'COMMERCIAL',
  unit: 'percent',
  direction: 'higher',
  aggregation: 'ratio',
  survey: null,
  builtIn: true,
  ...overrides,
});

const METRICS: MetricDefinition[] = [
  definition({
    key: 'nps',
    name: 'Net Promoter Score',
    category: 'CX',
    unit: 'score',
    aggregation: 'response_weighted',
    survey: 'nps',
  }),
  definition({
    key: 'escalations',
    name: 'Escalations',
    category: 'CX',
    unit: 'count',
    aggregation: 'sum',
    direction: 'lower',
  }),
  definition({}),
  definition({ key: 'revenue', name: 'Revenue', unit: 'currency', aggregation: 'sum' }),
];

const GRID: MeasurementGrid = {
  metric: 'quota_attainment',
  period: 'FY2026',
  aggregation: 'ratio',
  months: ['2025-10', '2025-11'],
  rows: [
    { orgUnit: 'sales', name: 'Sales', depth: 1, cells: [null, null], total: null },
    {
      orgUnit: 'key-accounts',
      name: 'Key Accounts',
      depth: 2,
      cells: [{ value: '118', numerator: '1180000', denominator: '1000000', version: 1 }, null],
      total: '118',
    },
  ],
};

const EMPTY_GRID: MeasurementGrid = {
  ...GRID,
  rows: GRID.rows.map((row) => ({ ...row, cells: [null, null], total: null })),
};

const HISTORY: MeasurementResult = {
  metric: 'quota_attainment',
  orgUnit: 'key-accounts',
  period: '2025-10',
  aggregation: 'ratio',
  value: '125',
  numerator: '1250000',
  denominator: '1000000',
  monthsWithData: 1,
  monthsInPeriod: 1,
  basis: 'own',
  months: [
    {
      period: '2025-10',
      value: '125',
      numerator: '1250000',
      denominator: '1000000',
      note: null,
      version: 2,
      history: [
        {
          version: 2,
          value: '125',
          numerator: '1250000',
          denominator: '1000000',
          note: null,
          reason: 'Late booking from the Samsung order',
          recordedBy: 'cx@example.com',
          recordedAt: '2026-11-23T10:05:00.000Z',
          source: 'manual',
        },
        {
          version: 1,
          value: '118',
          numerator: '1180000',
          denominator: '1000000',
          note: null,
          reason: null,
          recordedBy: 'cx@example.com',
          recordedAt: '2026-11-20T09:00:00.000Z',
          source: 'csv',
        },
      ],
    },
  ],
};

function setUp(query: { metric?: string; period?: string }) {
  TestBed.configureTestingModule({
    imports: [MeasurementsPageComponent],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
      provideRouter([]),
      MeasurementsService,
    ],
  });
  const fixture = TestBed.createComponent(MeasurementsPageComponent);
  if (query.metric) fixture.componentRef.setInput('metric', query.metric);
  if (query.period) fixture.componentRef.setInput('period', query.period);
  const http = TestBed.inject(HttpTestingController);
  const element: HTMLElement = fixture.nativeElement;
  document.body.appendChild(element);
  fixture.detectChanges();
  http.expectOne('/api/v1/metrics').flush(METRICS);
  http.expectOne('/api/v1/settings/fiscal-calendar').flush({ startMonth: 10, timeZone: 'UTC' });
  fixture.detectChanges();
  const render = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  const cell = (unit: string, month: string) => {
    const found = element.querySelector<HTMLElement>(`td[data-unit="${unit}"][data-month="${month}"]`);
    if (!found) throw new Error(`no cell ${unit} ${month}`);
    return found;
  };
  const editor = () => document.querySelector<HTMLElement>('ls-measurement-editor');
  const typeInto = (label: string, text: string) => {
    const field = Array.from(document.querySelectorAll('ls-measurement-editor mat-form-field')).find(
      (candidate) => candidate.querySelector('mat-label')?.textContent?.trim() === label,
    );
    const input = field?.querySelector('input');
    if (!input) throw new Error(`no input labelled ${label}`);
    input.value = text;
    input.dispatchEvent(new Event('input'));
  };
  const gridUrl = (metric: string, period: string) =>
    `/api/v1/measurements/grid?metric=${metric}&period=${period}`;
  return { fixture, http, element, render, cell, editor, typeInto, gridUrl };
}

describe('Measurements page', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    document.body.replaceChildren();
  });

  it('opens on quota attainment and the current fiscal year, and offers only the measured metrics', async () => {
    const { fixture, http, element, render } = setUp({});
    const grid = http.expectOne((request) => request.url === '/api/v1/measurements/grid');
    expect(grid.request.params.get('metric')).toBe('quota_attainment');
    expect(grid.request.params.get('period')).toMatch(/^FY\d{4}$/);
    grid.flush({ ...EMPTY_GRID, period: grid.request.params.get('period') });
    await render();
    expect(element.querySelector('h1')?.textContent).toBe('Measurements');
    const facts = Array.from(element.querySelectorAll('[data-testid="metric-facts"] div')).map((fact) => [
      fact.querySelector('dt')?.textContent?.trim(),
      fact.querySelector('dd')?.textContent?.trim(),
    ]);
    expect(facts).toEqual([
      ['Unit', 'percent'],
      ['Year total', 'ratio of sums (Σ numerators ÷ Σ denominators)'],
      ['Better', 'higher'],
      ['Stored as', 'bookings ÷ quota'],
    ]);
    expect(element.textContent).toContain(
      `No values for ${grid.request.params.get('period')} yet: type them into the grid or import a CSV`,
    );

    element.querySelector<HTMLElement>('.metric .mat-mdc-select-trigger')?.click();
    await render();
    const groups = Array.from(document.querySelectorAll('.ls-metric-panel mat-optgroup')).map((group) => [
      group.querySelector('.mat-mdc-optgroup-label')?.textContent?.trim(),
      Array.from(group.querySelectorAll('mat-option')).map((option) =>
        option.textContent?.replace(/\s+/g, ' ').trim(),
      ),
    ]);
    expect(groups).toEqual([
      ['CX', ['Escalations · count · sum of months']],
      ['Commercial', ['Quota attainment · percent · ratio of sums', 'Revenue · money (EUR) · sum of months']],
    ]);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    Array.from(document.querySelectorAll<HTMLElement>('.ls-metric-panel mat-option'))
      .find((option) => option.textContent?.includes('Revenue'))
      ?.click();
    expect(navigate).toHaveBeenCalledWith(
      [],
      expect.objectContaining({
        queryParams: { metric: 'revenue', period: grid.request.params.get('period') },
      }),
    );
    fixture.destroy();
  });

  it('types a value into an empty month and posts it as a batch of one, typed in', async () => {
    const { http, element, render, cell, editor, typeInto, gridUrl } = setUp({
      metric: 'quota_attainment',
      period: 'FY2026',
    });
    http.expectOne(gridUrl('quota_attainment', 'FY2026')).flush(GRID);
    await render();
    expect(cell('key-accounts', '2025-10').textContent?.trim()).toBe('118.0 %');

    cell('sales', '2025-11').click();
    await render();
    http
      .expectOne('/api/v1/measurements?metric=quota_attainment&orgUnit=sales&period=2025-11')
      .flush({ ...HISTORY, orgUnit: 'sales', period: '2025-11', months: [] });
    await render();
    expect(editor()?.textContent).toContain('Enter Sales · November 2025');
    expect(document.body.textContent).not.toContain('Reason for the restatement');
    typeInto('Bookings', '950000');
    typeInto('Quota', '1000000');
    editor()?.querySelector('form')?.dispatchEvent(new Event('submit'));
    await render();

    const post = http.expectOne({ method: 'POST', url: '/api/v1/measurements' });
    expect(post.request.body).toEqual({
      measurements: [
        {
          metric: 'quota_attainment',
          orgUnit: 'sales',
          period: '2025-11',
          numerator: '950000',
          denominator: '1000000',
        },
      ],
      source: 'manual',
    });
    post.flush({ received: 1, created: 1, restated: 0, unchanged: 0 });
    await render();
    expect(editor()).toBeNull();
    expect(element.querySelector('[data-testid="save-notice"]')?.textContent).toBe(
      'Sales, November 2025 saved: 95.0 %.',
    );
    const updated: MeasurementGrid = JSON.parse(JSON.stringify(GRID));
    updated.rows[0].cells[1] = { value: '95', numerator: '950000', denominator: '1000000', version: 1 };
    http.expectOne(gridUrl('quota_attainment', 'FY2026')).flush(updated);
    http
      .expectOne('/api/v1/measurements?metric=quota_attainment&orgUnit=sales&period=2025-11')
      .flush(HISTORY);
    await render();
    expect(cell('sales', '2025-11').textContent?.trim()).toBe('95.0 %');
  });

  it('requires a reason to restate a month, shows the API’s refusal inline, and lists every version', async () => {
    const { http, element, render, cell, editor, typeInto, gridUrl } = setUp({
      metric: 'quota_attainment',
      period: 'FY2026',
    });
    http.expectOne(gridUrl('quota_attainment', 'FY2026')).flush(GRID);
    await render();
    cell('key-accounts', '2025-10').focus();
    cell('key-accounts', '2025-10').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }),
    );
    await render();
    http
      .expectOne('/api/v1/measurements?metric=quota_attainment&orgUnit=key-accounts&period=2025-10')
      .flush(HISTORY);
    await render();

    const history = Array.from(element.querySelectorAll('[data-testid="history-version"]')).map((item) =>
      ['.badge', '.value', '.ratio', '.reason', '.meta'].map((part) =>
        item.querySelector(part)?.textContent?.replace(/\s+/g, ' ').trim(),
      ),
    );
    expect(history).toEqual([
      [
        'v2',
        '125.0 %',
        '1,250,000 ÷ 1,000,000',
        'Reason: Late booking from the Samsung order',
        expect.stringMatching(/^cx@example\.com · .+ · Typed in$/),
      ],
      ['v1', '118.0 %', '1,180,000 ÷ 1,000,000', 'First value', expect.stringMatching(/ · CSV import$/)],
    ]);

    expect(editor()?.textContent).toContain('Restate Key Accounts · October 2025');
    typeInto('Bookings', '1250000');
    editor()?.querySelector('form')?.dispatchEvent(new Event('submit'));
    await render();
    http.expectNone({ method: 'POST', url: '/api/v1/measurements' });
    expect(editor()?.textContent).toContain('Say why the value changes');

    typeInto('Reason for the restatement', 'Late booking');
    editor()?.querySelector('form')?.dispatchEvent(new Event('submit'));
    await render();
    const post = http.expectOne({ method: 'POST', url: '/api/v1/measurements' });
    expect(post.request.body.measurements[0]).toEqual({
      metric: 'quota_attainment',
      orgUnit: 'key-accounts',
      period: '2025-10',
      numerator: '1250000',
      denominator: '1000000',
      reason: 'Late booking',
    });
    post.flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'Key Accounts is closed for 2025-10.',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await render();
    expect(editor()?.querySelector('[role="alert"]')?.textContent).toContain(
      'Key Accounts is closed for 2025-10.',
    );

    editor()
      ?.querySelector('form')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await render();
    expect(editor()).toBeNull();
  });

  it('says so when the metric in the link holds no measurements', async () => {
    const { http, element, render, gridUrl } = setUp({ metric: 'nps', period: 'FY2026' });
    http
      .expectOne(gridUrl('nps', 'FY2026'))
      .flush({ detail: 'nps comes from survey answers' }, { status: 400, statusText: 'Bad Request' });
    await render();
    expect(element.textContent).toContain('“nps” is not a metric that holds measurements');
  });
});
