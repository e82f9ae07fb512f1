import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import type { Role, Target } from '@lodestar/contracts';
import { AuthService } from '../auth/auth.service';
import { defaultTargetYear } from './target-format';
import { METRICS, target, TREE } from './target.fixtures';
import { TargetsPageComponent } from './targets-page.component';
import { TargetsService } from './targets.service';

const FY2026: Target[] = [
  target('sales', 'nps', 'FY2026', ['30', '40', '50']),
  target('service', 'escalations', 'FY2026', ['260', '220', '180']),
  target('service', 'escalations', 'FY2026-Q2', ['55', '45', '35']),
];

const DEFAULT_WEIGHTS = {
  orgUnit: null,
  basis: 'default',
  weights: [
    { metric: 'nps', weight: '60' },
    { metric: 'csat', weight: '40' },
  ],
};

function setUp(query: { period?: string; metric?: string; unit?: string }, roles: Role[] = ['CX_LEAD']) {
  TestBed.configureTestingModule({
    imports: [TargetsPageComponent],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
      provideRouter([]),
      TargetsService,
      { provide: AuthService, useValue: { roles: signal(roles) } },
    ],
  });
  const fixture = TestBed.createComponent(TargetsPageComponent);
  for (const [name, value] of Object.entries(query)) fixture.componentRef.setInput(name, value);
  const http = TestBed.inject(HttpTestingController);
  const element: HTMLElement = fixture.nativeElement;
  document.body.appendChild(element);
  fixture.detectChanges();
  http.expectOne('/api/v1/metrics').flush(METRICS);
  http.expectOne('/api/v1/settings/fiscal-calendar').flush({ startMonth: 10, timeZone: 'UTC' });
  http.expectOne('/api/v1/org-units').flush(TREE);
  fixture.detectChanges();
  const render = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  const cell = (unit: string, metric: string, period: string) => {
    const found = element.querySelector<HTMLElement>(
      `td[data-unit="${unit}"][data-metric="${metric}"][data-period="${period}"]`,
    );
    if (!found) throw new Error(`no cell ${unit} ${metric} ${period}`);
    return found;
  };
  const cellText = (unit: string, metric: string, period: string) =>
    ['band', 'basis']
      .map((part) => cell(unit, metric, period).querySelector(`[data-testid="${part}"]`)?.textContent?.trim())
      .filter(Boolean)
      .join(' ');
  const editor = () => document.querySelector<HTMLElement>('ls-target-editor');
  const typeInto = (label: string, text: string) => {
    const field = Array.from(document.querySelectorAll('ls-target-editor mat-form-field')).find(
      (candidate) => candidate.querySelector('mat-label')?.textContent?.trim() === label,
    );
    const input = field?.querySelector('input');
    if (!input) throw new Error(`no input labelled ${label}`);
    input.value = text;
    input.dispatchEvent(new Event('input'));
  };
  const submit = () => editor()?.querySelector('form')?.dispatchEvent(new Event('submit'));
  const flushWeights = () =>
    http.expectOne((request) => request.url === '/api/v1/cx-index/weights').flush(DEFAULT_WEIGHTS);
  const listUrl = (period: string) => `/api/v1/targets?period=${period}`;
  return { fixture, http, element, render, cell, cellText, editor, typeInto, submit, flushWeights, listUrl };
}

describe('Targets page', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    document.body.replaceChildren();
  });

  it('opens on the year whose targets are due, says why, and says what to do when it has none', async () => {
    const { http, element, render, flushWeights, listUrl } = setUp({});
    const year = defaultTargetYear(10, 'UTC');
    http.expectOne(listUrl(year)).flush([]);
    flushWeights();
    await render();
    expect(element.querySelector('h1')?.textContent).toBe('Targets');
    expect(element.querySelector('.year .mat-mdc-select-value')?.textContent).toContain(year);
    expect(element.querySelector('[data-testid="year-hint"]')?.textContent?.trim()).toMatch(
      /^Opens on FY\d{4}(: in this year's fourth quarter, next year's targets are set\.| from \w{3} \d{4}, this year's fourth quarter, when its targets are set\.)$/,
    );
    expect(element.textContent).toContain(`No targets for ${year} yet: add one or import a CSV`);
    expect(element.querySelector('[data-testid="target-grid"]')).toBeNull();
    expect(element.querySelector('#target-import')).not.toBeNull();
  });

  it('shows each unit’s metrics with the year and quarters, and the bands quarters take from their year', async () => {
    const { http, element, render, cellText, flushWeights, listUrl } = setUp({ period: 'FY2026' });
    http.expectOne(listUrl('FY2026')).flush(FY2026);
    flushWeights();
    await render();
    const groups = Array.from(element.querySelectorAll('[data-testid="unit-group"]')).map((th) =>
      th.textContent?.trim(),
    );
    expect(groups).toEqual(['Sales', 'Service']);
    const header = Array.from(element.querySelectorAll('[data-testid="target-grid"] thead th')).map((th) =>
      th.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(header).toEqual([
      'Unit and metric',
      'FY2026 Oct 2025 – Sep 2026',
      'Q1 Oct 2025 – Dec 2025',
      'Q2 Jan 2026 – Mar 2026',
      'Q3 Apr 2026 – Jun 2026',
      'Q4 Jul 2026 – Sep 2026',
    ]);
    const directions = Array.from(element.querySelectorAll('[data-testid="direction"]')).map((item) =>
      item.textContent?.trim(),
    );
    expect(directions).toEqual(['higher is better', 'lower is better']);
    expect(cellText('sales', 'nps', 'FY2026')).toBe('30 · 40 · 50');
    expect(cellText('sales', 'nps', 'FY2026-Q1')).toBe('30 · 40 · 50 from FY2026');
    expect(cellText('service', 'escalations', 'FY2026-Q1')).toBe('65 · 55 · 45 FY2026 ÷ 4');
    expect(cellText('service', 'escalations', 'FY2026-Q2')).toBe('55 · 45 · 35');
    const muted = element.querySelectorAll('td.inherited');
    expect(muted).toHaveLength(7);
  });

  it('refuses a badly ordered band with the API’s sentence before saving, then posts a batch of one', async () => {
    const { http, element, render, cell, editor, typeInto, submit, flushWeights, listUrl } = setUp({
      period: 'FY2026',
    });
    http.expectOne(listUrl('FY2026')).flush(FY2026);
    flushWeights();
    await render();

    cell('sales', 'nps', 'FY2026-Q3').focus();
    cell('sales', 'nps', 'FY2026-Q3').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }),
    );
    await render();
    expect(editor()?.querySelector('h3')?.textContent?.trim()).toBe(
      'Phase Sales · Net Promoter Score · FY2026-Q3',
    );
    expect(editor()?.querySelector('[data-testid="editor-current"]')?.textContent).toContain(
      'Now from FY2026: 30 · 40 · 50.',
    );
    typeInto('Threshold', '40');
    await render();
    expect(editor()?.querySelector('[data-testid="band-problem"]')?.textContent?.trim()).toBe(
      'Threshold 40 must be below target 40 for a higher-is-better metric.',
    );
    submit();
    await render();
    http.expectNone({ method: 'POST', url: '/api/v1/targets' });

    typeInto('Threshold', '35');
    typeInto('Target', '42');
    typeInto('Stretch', '52');
    typeInto('Try an actual', '47');
    await render();
    expect(editor()?.querySelector('[data-testid="band-problem"]')).toBeNull();
    expect(
      editor()?.querySelector('[data-testid="score-preview"]')?.textContent?.replace(/\s+/g, ' ').trim(),
    ).toMatch(/^scores 125,\s*On target$/);
    submit();
    await render();
    const post = http.expectOne({ method: 'POST', url: '/api/v1/targets' });
    expect(post.request.body).toEqual({
      targets: [
        {
          metric: 'nps',
          orgUnit: 'sales',
          period: 'FY2026-Q3',
          threshold: '35',
          target: '42',
          stretch: '52',
        },
      ],
    });
    post.flush({ received: 1, created: 1, updated: 0, unchanged: 0 });
    await render();
    expect(editor()).toBeNull();
    expect(element.querySelector('[data-testid="save-notice"]')?.textContent).toBe(
      'Sales · Net Promoter Score · FY2026-Q3 saved: 35 · 42 · 52.',
    );
    http
      .expectOne(listUrl('FY2026'))
      .flush([...FY2026, target('sales', 'nps', 'FY2026-Q3', ['35', '42', '52'])]);
    await render();
    expect(
      element.querySelector('td[data-metric="nps"][data-period="FY2026-Q3"]')?.hasAttribute('data-own'),
    ).toBe(true);
  });

  it('shows the API’s refusal in the editor and cancels with Escape', async () => {
    const { http, render, cell, editor, typeInto, submit, flushWeights, listUrl } = setUp({
      period: 'FY2026',
    });
    http.expectOne(listUrl('FY2026')).flush(FY2026);
    flushWeights();
    await render();
    cell('sales', 'nps', 'FY2026').click();
    await render();
    typeInto('Stretch', '55');
    submit();
    await render();
    http.expectOne({ method: 'POST', url: '/api/v1/targets' }).flush(
      {
        detail:
          '1 of 1 targets are not valid, so none was stored: targets[0]: orgUnit "sales" is not an org unit key',
        errors: ['targets[0]: orgUnit "sales" is not an org unit key (GET /api/v1/org-units lists them)'],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await render();
    expect(editor()?.querySelector('[role="alert"]')?.textContent).toContain(
      'OrgUnit "sales" is not an org unit key (GET /api/v1/org-units lists them).',
    );
    editor()
      ?.querySelector('form')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await render();
    expect(editor()).toBeNull();
  });

  it('removes a phased quarter after asking, saying what it takes instead', async () => {
    // jsdom lays nothing out, so the dialog's focus trap finds its first button "not focusable"
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { http, element, render, cell, editor, flushWeights, listUrl } = setUp({ period: 'FY2026' });
    http.expectOne(listUrl('FY2026')).flush(FY2026);
    flushWeights();
    await render();
    cell('service', 'escalations', 'FY2026-Q2').click();
    await render();
    Array.from(editor()?.querySelectorAll('button') ?? [])
      .find((button) => button.textContent?.trim() === 'Remove')
      ?.click();
    await render();
    const dialog = document.querySelector('ls-confirm-dialog');
    expect(dialog?.textContent).toContain('Remove the target of Service · Escalations · FY2026-Q2?');
    expect(dialog?.textContent).toContain('FY2026-Q2 then takes 65 · 55 · 45 (FY2026 ÷ 4).');
    Array.from(dialog?.querySelectorAll('button') ?? [])
      .find((button) => button.textContent?.trim() === 'Remove')
      ?.click();
    await render();
    const removal = http.expectOne(
      (request) => request.method === 'DELETE' && request.url === '/api/v1/targets',
    );
    expect(removal.request.params.toString()).toBe('metric=escalations&orgUnit=service&period=FY2026-Q2');
    removal.flush(null, { status: 204, statusText: 'No Content' });
    await render();
    expect(element.querySelector('[data-testid="save-notice"]')?.textContent).toBe(
      'Service · Escalations · FY2026-Q2 removed. FY2026-Q2 then takes 65 · 55 · 45 (FY2026 ÷ 4).',
    );
    http.expectOne(listUrl('FY2026')).flush(FY2026.slice(0, 2));
    warn.mockRestore();
  });

  it('adds a row for a unit and metric without targets and opens its year', async () => {
    const { http, element, render, editor, flushWeights, listUrl } = setUp({ period: 'FY2027' });
    http.expectOne(listUrl('FY2027')).flush([]);
    flushWeights();
    await render();
    const button = (text: string) =>
      Array.from(element.querySelectorAll<HTMLButtonElement>('button')).find(
        (candidate) => candidate.textContent?.trim() === text,
      );
    button('Add target')?.click();
    await render();
    const form = element.querySelector('form.add');
    const choose = async (index: number, text: string) => {
      form?.querySelectorAll<HTMLElement>('.mat-mdc-select-trigger')[index].click();
      await render();
      Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
        .find((option) => option.textContent?.trim() === text)
        ?.click();
      await render();
    };
    await choose(0, 'Service');
    await choose(1, 'Escalations');
    button('Set its FY2027 target')?.click();
    await render();
    await render();
    expect(
      element.querySelector('td[data-unit="service"][data-metric="escalations"][data-period="FY2027"]'),
    ).not.toBeNull();
    expect(editor()?.querySelector('h3')?.textContent?.trim()).toBe('Set Service · Escalations · FY2027');
    expect(editor()?.textContent).toContain('lower is better: threshold > target > stretch');
  });

  it('keeps the fiscal year, metric and unit in the link', async () => {
    const { http, element, render, flushWeights } = setUp({ period: 'FY2026', metric: 'nps', unit: 'sales' });
    const list = http.expectOne((request) => request.url === '/api/v1/targets');
    expect(list.request.params.toString()).toBe('period=FY2026&metric=nps&orgUnit=sales');
    list.flush([FY2026[0]]);
    flushWeights();
    await render();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    element.querySelector<HTMLElement>('.unit .mat-mdc-select-trigger')?.click();
    await render();
    Array.from(document.querySelectorAll<HTMLElement>('.ls-unit-panel mat-option'))
      .find((option) => option.textContent?.trim() === 'All units')
      ?.click();
    expect(navigate).toHaveBeenCalledWith(
      [],
      expect.objectContaining({ queryParams: { period: 'FY2026', metric: 'nps', unit: null } }),
    );
  });

  it('lets executives read the targets and weights without changing them', async () => {
    const { http, element, render, cell, editor, flushWeights, listUrl } = setUp({ period: 'FY2026' }, [
      'EXECUTIVE',
      'MEMBER',
    ]);
    http.expectOne(listUrl('FY2026')).flush(FY2026);
    flushWeights();
    await render();
    expect(element.textContent).toContain('You can read them here; the CX lead sets them.');
    expect(element.querySelector('#target-import')).toBeNull();
    const texts = Array.from(element.querySelectorAll('button')).map((button) => button.textContent?.trim());
    expect(texts).not.toContain('Add target');
    expect(texts).not.toContain('Save weights');
    cell('sales', 'nps', 'FY2026').click();
    cell('sales', 'nps', 'FY2026').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }),
    );
    await render();
    expect(editor()).toBeNull();
    expect(cell('sales', 'nps', 'FY2026').textContent).not.toContain('Press Enter');
    expect(cell('sales', 'nps', 'FY2026').title).toBe(
      'Sales · Net Promoter Score · FY2026: 30 · 40 · 50 (threshold · target · stretch), as set.',
    );
    expect(element.querySelector<HTMLInputElement>('#weight-nps')?.readOnly).toBe(true);
  });

  it('says so when the targets cannot be loaded, and tries again', async () => {
    const { http, element, render, flushWeights, listUrl } = setUp({ period: 'FY2026' });
    http
      .expectOne(listUrl('FY2026'))
      .flush({ detail: 'The server had a problem.' }, { status: 500, statusText: 'Server Error' });
    flushWeights();
    await render();
    expect(element.textContent).toContain('The targets could not be loaded');
    Array.from(element.querySelectorAll<HTMLButtonElement>('button'))
      .find((button) => button.textContent?.trim() === 'Try again')
      ?.click();
    await render();
    http.expectOne(listUrl('FY2026')).flush(FY2026);
    await render();
    expect(element.querySelector('[data-testid="target-grid"]')).not.toBeNull();
  });
});
