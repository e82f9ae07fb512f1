import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type {
  Inquiry,
  OrgUnitNode,
  Page,
  PayOverride,
  Role,
  StatementPeriod,
  StatementSummary,
} from '@lodestar/contracts';
import axe from 'axe-core';
import { AuthService } from '../auth/auth.service';
import { INQUIRY, STATEMENT, STATEMENT_SUMMARY } from './incentive.fixtures';
import { PayStatementsPageComponent } from './pay-statements-page.component';

const API = '/api/v1';
const HANNA = { id: 'u-hanna', name: 'Hanna Richter' };
const ARNO = { id: 'u-arno', name: 'Arno Becker' };

const period = (
  label: string,
  status: StatementPeriod['status'],
  statements = 12,
  ended = true,
): StatementPeriod => ({
  period: label,
  status,
  closedAt: status === 'OPEN' ? null : '2026-07-03T09:00:00.000Z',
  closedBy: status === 'OPEN' ? null : HANNA,
  releasedAt: status === 'RELEASED' ? '2026-07-10T09:00:00.000Z' : null,
  releasedBy: status === 'RELEASED' ? HANNA : null,
  statements,
  totalPayable: '152345.67',
  endsOn: '2026-09-30',
  ended,
});

/** FY2026 in August 2026: two quarters released, the third closed and in review, the fourth open. */
const FY2026: StatementPeriod[] = [
  period('FY2026-Q1', 'RELEASED'),
  period('FY2026-Q2', 'RELEASED'),
  period('FY2026-Q3', 'CLOSED'),
  period('FY2026-Q4', 'OPEN'),
];

const summary = (index: number, overrides: Partial<StatementSummary> = {}): StatementSummary => ({
  ...STATEMENT_SUMMARY,
  id: `st-${index}`,
  period: 'FY2026-Q3',
  status: 'CLOSED',
  participant: { id: `u-${index}`, name: `Participant ${String(index).padStart(2, '0')}` },
  adjustments: '0.00',
  openInquiries: 0,
  ...overrides,
});

const statementsPage = (items: StatementSummary[], total = items.length, page = 1, pageSize = 25) =>
  ({ items, total, page, pageSize }) satisfies Page<StatementSummary>;

const TREE: OrgUnitNode[] = [
  {
    id: 'u-company',
    key: 'company',
    name: 'Helix Lithography Systems',
    type: 'COMPANY',
    parentId: null,
    leader: null,
    headcount: 900,
    children: [
      {
        id: 'u-service',
        key: 'service',
        name: 'Service',
        type: 'FUNCTION',
        parentId: 'u-company',
        leader: null,
        headcount: 120,
        children: [],
      },
    ],
  },
];

const override = (overrides: Partial<PayOverride> = {}): PayOverride => ({
  id: 'ov-1',
  orgUnit: { key: 'service', name: 'Service' },
  metric: 'nps',
  period: 'FY2026-Q4',
  value: '31',
  reason: 'Only 22 answers this quarter; the trailing year is distorted by the recall.',
  status: 'PENDING',
  enteredBy: HANNA,
  enteredAt: '2026-08-12T10:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  ...overrides,
});

const overridesPage = (items: PayOverride[]): Page<PayOverride> => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 50,
});

interface SetUpOptions {
  roles: Role[];
  user?: { id: string; name: string };
  overrides?: PayOverride[];
  inquiries?: Inquiry[];
}

function setUp({ roles, user = HANNA, overrides = [], inquiries = [] }: SetUpOptions) {
  TestBed.configureTestingModule({
    imports: [PayStatementsPageComponent],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
      {
        provide: AuthService,
        useValue: {
          user: signal({
            ...user,
            email: 'someone@example.com',
            orgUnitId: null,
            roles,
            mustChangePassword: false,
          }),
          roles: signal(roles),
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(PayStatementsPageComponent);
  const http = TestBed.inject(HttpTestingController);
  backend = http;
  const element: HTMLElement = fixture.nativeElement;
  document.body.appendChild(element);
  const render = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  fixture.detectChanges();
  http.expectOne(`${API}/settings/fiscal-calendar`).flush({ startMonth: 10, timeZone: 'UTC' });
  http.expectOne(`${API}/pay-overrides?page=1&pageSize=50`).flush(overridesPage(overrides));
  if (roles.includes('HR')) {
    http
      .expectOne(`${API}/inquiries?status=OPEN&page=1&pageSize=20`)
      .flush({ items: inquiries, total: inquiries.length, page: 1, pageSize: 20 });
    http.expectOne(`${API}/org-units`).flush(TREE);
  }
  const periods = (fiscalYear = 2026) => http.expectOne(`${API}/statement-periods?fiscalYear=${fiscalYear}`);
  const statements = (label: string, page = 1, pageSize = 25) =>
    http.expectOne(`${API}/statements?period=${label}&page=${page}&pageSize=${pageSize}`);
  /** The year's quarters, then the statements of the quarter shown first. */
  const start = async (
    list = FY2026,
    first = 'FY2026-Q3',
    items = [summary(1), summary(2)],
    total = items.length,
  ) => {
    fixture.detectChanges();
    periods().flush(list);
    await render();
    statements(first).flush(statementsPage(items, total));
    await render();
  };
  return { fixture, http, element, render, periods, statements, start };
}

const buttons = (root: ParentNode) => [...root.querySelectorAll<HTMLButtonElement>('button')];
const buttonText = (root: ParentNode) =>
  buttons(root)
    .map((button) => (button.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
const button = (root: ParentNode, name: RegExp) => {
  const found = buttons(root).find((candidate) => name.test((candidate.textContent ?? '').trim()));
  if (!found) throw new Error(`No button ${name}`);
  return found;
};
const quarter = (element: HTMLElement, label: string) => {
  const found = element.querySelector<HTMLElement>(`[data-testid="quarter"][data-period="${label}"]`);
  if (!found) throw new Error(`No quarter ${label}`);
  return found;
};
const text = (root: Element | null | undefined) => (root?.textContent ?? '').replace(/\s+/g, ' ').trim();

function type(root: ParentNode, selector: string, value: string) {
  const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
  if (!field) throw new Error(`No field ${selector}`);
  field.value = value;
  field.dispatchEvent(new Event('input'));
  field.dispatchEvent(new Event('blur'));
}

/** The confirm dialog's button (the dialog lives in the overlay container, outside the page). */
function confirmDialog(name: RegExp): string {
  const dialog = document.querySelector('ls-confirm-dialog');
  if (!dialog) throw new Error('No confirm dialog');
  const said = text(dialog);
  button(dialog, name).click();
  return said;
}

let warn: jest.SpyInstance;
let backend: HttpTestingController | null = null;

beforeAll(() => {
  jest.useFakeTimers({ advanceTimers: true, now: new Date('2026-08-20T12:00:00Z') });
});
afterAll(() => jest.useRealTimers());
beforeEach(() => {
  // jsdom lays nothing out, so the dialog's focus trap finds its buttons "not focusable".
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  // No request is left unanswered or sent twice by accident.
  backend?.verify();
  backend = null;
  warn.mockRestore();
  document.body.innerHTML = '';
});

describe('Statements page: quarters', () => {
  it('offers to close an open quarter only once it has ended, saying from when', async () => {
    const { element, start } = setUp({ roles: ['HR'] });
    const running = { ...period('FY2026-Q4', 'OPEN', 12, false), endsOn: '2026-09-30' };
    await start([...FY2026.slice(0, 3), running]);
    const q4 = quarter(element, 'FY2026-Q4');
    expect(buttonText(q4)).toEqual(['FY2026-Q4', 'Recompute projections']);
    expect(text(q4.querySelector('[data-testid="closes-after"]'))).toMatch(/^Can be closed after .*2026/);
  });

  it('lists the year’s quarters with status in words, statements and payable, and HR’s buttons per status', async () => {
    const { element, start } = setUp({ roles: ['HR'] });
    await start();

    expect(text(element.querySelector('[data-testid="fiscal-year"]'))).toContain('FY2026');
    const q1 = quarter(element, 'FY2026-Q1');
    const q3 = quarter(element, 'FY2026-Q3');
    const q4 = quarter(element, 'FY2026-Q4');
    expect(text(q1.querySelector('[data-testid="quarter-status"]'))).toBe('Released');
    expect(text(q3.querySelector('[data-testid="quarter-status"]'))).toBe('Closed — in review');
    expect(text(q4.querySelector('[data-testid="quarter-status"]'))).toBe('Open');
    expect(text(q4.querySelector('[data-testid="quarter-count"]'))).toBe('12');
    expect(text(q4.querySelector('[data-testid="quarter-payable"]'))).toBe('€152,345.67');

    expect(buttonText(q4)).toEqual(['FY2026-Q4', 'Recompute projections', 'Close quarter']);
    expect(buttonText(q3)).toEqual(['FY2026-Q3', 'Release to participants']);
    expect(buttonText(q1)).toEqual(['FY2026-Q1']);
    // The quarter waiting for review is the one shown first.
    expect(q3.querySelector('button')?.getAttribute('aria-pressed')).toBe('true');
    expect(text(element.querySelector('#list-title'))).toBe('Statements · FY2026-Q3');
  });

  it('shows an approver the quarters without the close, release and recompute buttons, and no exports', async () => {
    const { element, start } = setUp({ roles: ['APPROVER'], user: ARNO });
    await start();
    for (const label of ['FY2026-Q1', 'FY2026-Q3', 'FY2026-Q4']) {
      expect(buttonText(quarter(element, label))).toEqual([label]);
    }
    expect(element.textContent).toContain('HR closes, releases and exports quarters');
    expect(element.querySelector('[data-testid="export-csv"]')).toBeNull();
    expect(element.querySelector('[data-testid="inquiries"]')).toBeNull();
  });

  it('closes an open quarter only after the confirmation that explains locked snapshots and adjustments', async () => {
    const { http, element, render, periods, start } = setUp({ roles: ['HR'] });
    await start();

    button(quarter(element, 'FY2026-Q4'), /Close quarter/).click();
    await render();
    // Cancelled: nothing is sent.
    confirmDialog(/Cancel/);
    await render();
    http.expectNone(`${API}/statement-periods/FY2026-Q4/close`);

    button(quarter(element, 'FY2026-Q4'), /Close quarter/).click();
    await render();
    const said = confirmDialog(/Close quarter/);
    expect(said).toContain('Close FY2026-Q4?');
    expect(said).toContain('12 statements become locked snapshots');
    expect(said).toContain('becomes a prior-period adjustment in the next open quarter');
    await render();

    const close = http.expectOne(`${API}/statement-periods/FY2026-Q4/close`);
    expect(close.request.method).toBe('POST');
    expect(
      element.querySelector('[data-testid="quarter"][data-period="FY2026-Q4"] mat-progress-bar'),
    ).not.toBeNull();
    close.flush(period('FY2026-Q4', 'CLOSED'));
    await render();
    periods().flush([...FY2026.slice(0, 3), period('FY2026-Q4', 'CLOSED')]);
    await render();
    expect(text(element.querySelector('[data-testid="period-notice"]'))).toContain(
      'FY2026-Q4 is closed: its statements are locked for review.',
    );
    expect(buttonText(quarter(element, 'FY2026-Q4'))).toEqual(['FY2026-Q4', 'Release to participants']);
  });

  it('shows the API’s sentence when the quarter is already closed', async () => {
    const { http, element, render, start } = setUp({ roles: ['HR'] });
    await start();
    button(quarter(element, 'FY2026-Q4'), /Close quarter/).click();
    await render();
    confirmDialog(/Close quarter/);
    await render();
    http
      .expectOne(`${API}/statement-periods/FY2026-Q4/close`)
      .flush(
        { type: 'about:blank', title: 'Conflict', status: 409, detail: 'FY2026-Q4 is already closed.' },
        { status: 409, statusText: 'Conflict' },
      );
    await render();
    expect(text(element.querySelector('[data-testid="period-problem"]'))).toBe(
      'FY2026-Q4 is already closed.',
    );
    expect(button(quarter(element, 'FY2026-Q4'), /Close quarter/).disabled).toBe(false);
  });

  it('releases a closed quarter after confirmation', async () => {
    const { http, element, render, periods, statements, start } = setUp({ roles: ['HR'] });
    await start();
    button(quarter(element, 'FY2026-Q3'), /Release to participants/).click();
    await render();
    expect(confirmDialog(/^Release$/)).toContain('Release FY2026-Q3 to participants?');
    await render();
    const release = http.expectOne(`${API}/statement-periods/FY2026-Q3/release`);
    expect(release.request.method).toBe('POST');
    release.flush(period('FY2026-Q3', 'RELEASED'));
    await render();
    periods().flush([...FY2026.slice(0, 2), period('FY2026-Q3', 'RELEASED'), FY2026[3]]);
    statements('FY2026-Q3').flush(statementsPage([summary(1, { status: 'RELEASED' })]));
    await render();
    expect(text(element.querySelector('[data-testid="period-notice"]'))).toContain('FY2026-Q3 is released');
    expect(element.querySelector('[data-testid="payroll-csv"]')).not.toBeNull();
  });

  it('recomputes an open quarter’s projections with progress, then says how many and how long', async () => {
    const { http, element, render, periods, statements, start } = setUp({ roles: ['HR'] });
    await start();
    button(quarter(element, 'FY2026-Q4'), /FY2026-Q4/).click();
    await render();
    statements('FY2026-Q4').flush(statementsPage([]));
    await render();
    expect(text(element.querySelector('ls-empty-state'))).toContain(
      'Recompute the projections of this quarter',
    );

    button(quarter(element, 'FY2026-Q4'), /Recompute projections/).click();
    await render();
    const recompute = http.expectOne(`${API}/statements/recompute?period=FY2026-Q4`);
    expect(recompute.request.method).toBe('POST');
    expect(text(quarter(element, 'FY2026-Q4').querySelector('[role="status"]'))).toBe(
      'Recomputing the projections of FY2026-Q4…',
    );
    // Every quarter's buttons wait while one runs.
    expect(button(quarter(element, 'FY2026-Q3'), /Release/).disabled).toBe(true);
    recompute.flush({ period: 'FY2026-Q4', statements: 12, milliseconds: 1840 });
    await render();
    periods().flush(FY2026);
    statements('FY2026-Q4').flush(
      statementsPage([summary(1, { period: 'FY2026-Q4', status: 'PROJECTION' })]),
    );
    await render();
    expect(text(element.querySelector('[data-testid="period-notice"]'))).toBe(
      'Recomputed 12 statements for FY2026-Q4 in 1.8 s.',
    );
    expect(element.querySelectorAll('[data-testid="statement-row"]')).toHaveLength(1);
  });

  it('loads another fiscal year’s quarters from the picker', async () => {
    const { element, render, periods, statements, start } = setUp({ roles: ['HR'] });
    await start();
    element.querySelector<HTMLElement>('[data-testid="fiscal-year"]')?.click();
    await render();
    const option = [...document.querySelectorAll<HTMLElement>('mat-option')].find(
      (candidate) => text(candidate) === 'FY2025',
    );
    option?.click();
    await render();
    periods(2025).flush([period('FY2025-Q4', 'RELEASED')]);
    await render();
    statements('FY2025-Q4').flush(statementsPage([summary(1, { period: 'FY2025-Q4', status: 'RELEASED' })]));
    await render();
    expect(text(element.querySelector('#quarters-title'))).toBe('Quarters of FY2025');
    expect(text(element.querySelector('#list-title'))).toBe('Statements · FY2025-Q4');
  });
});

describe('Statements page: statements, exports and one statement', () => {
  it('pages through a quarter’s statements and sorts the page by a column', async () => {
    const { element, render, statements, start } = setUp({ roles: ['HR'] });
    const first = Array.from({ length: 25 }, (_, index) => summary(index + 1));
    await start(FY2026, 'FY2026-Q3', first, 27);
    expect(element.querySelectorAll('[data-testid="statement-row"]')).toHaveLength(25);

    element.querySelector<HTMLButtonElement>('.mat-mdc-paginator-navigation-next')?.click();
    await render();
    statements('FY2026-Q3', 2, 25).flush(
      statementsPage(
        [
          summary(26, { payable: '900.00', amount: '900.00' }),
          summary(27, { payable: '18452.05', amount: '18202.05', adjustments: '250.00', openInquiries: 1 }),
        ],
        27,
        2,
      ),
    );
    await render();
    let rows = [...element.querySelectorAll('[data-testid="statement-row"]')];
    expect(rows.map((row) => row.getAttribute('data-id'))).toEqual(['st-26', 'st-27']);
    const cells = [...rows[1].querySelectorAll('td')].map(text);
    expect(cells).toEqual([
      'Participant 27',
      'Sales',
      'Sales leadership incentive · v1',
      '82.6 %',
      '€18,202.05',
      '+€250.00',
      '€18,452.05',
      'Closed — in review',
      '1',
    ]);

    element.querySelector<HTMLButtonElement>('button[data-sort="payable"]')?.click();
    await render();
    rows = [...element.querySelectorAll('[data-testid="statement-row"]')];
    expect(rows.map((row) => row.getAttribute('data-id'))).toEqual(['st-27', 'st-26']);
    expect(
      element.querySelector('button[data-sort="payable"]')?.closest('th')?.getAttribute('aria-sort'),
    ).toBe('descending');
  });

  it('opens a statement from its row with the statement and its calculation trace', async () => {
    const { http, element, render, start } = setUp({ roles: ['APPROVER'], user: ARNO });
    await start(FY2026, 'FY2026-Q3', [summary(1), { ...STATEMENT_SUMMARY, status: 'CLOSED' }]);
    const row = element.querySelector<HTMLElement>(
      `[data-testid="statement-row"][data-id="${STATEMENT.id}"]`,
    );
    row?.querySelector<HTMLElement>('td:nth-child(3)')?.click();
    await render();
    http.expectOne(`${API}/statements/${STATEMENT.id}`).flush({ ...STATEMENT, status: 'CLOSED' });
    await render();
    const detail = element.querySelector('[data-testid="statement-detail"]');
    expect(text(detail?.querySelector('h2'))).toBe('Statement of Victor Salas · FY2026-Q3');
    expect(detail?.querySelector('ls-statement-view')).not.toBeNull();
    expect(detail?.querySelector('ls-statement-trace')).not.toBeNull();
    expect(text(detail)).toContain('€12,606.05');
    expect(row?.classList).toContain('selected');

    button(detail as HTMLElement, /Close statement/).click();
    await render();
    expect(element.querySelector('[data-testid="statement-detail"]')).toBeNull();
  });

  it('opens a statement with Enter on its participant', async () => {
    const { http, element, render, start } = setUp({ roles: ['HR'] });
    await start();
    const open = element.querySelector<HTMLButtonElement>('[data-id="st-2"] button');
    expect(open?.getAttribute('aria-label')).toBe('Open the statement of Participant 02, FY2026-Q3');
    open?.focus();
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    open?.dispatchEvent(enter);
    // Handled once: the browser's click of the button on Enter is held back.
    expect(enter.defaultPrevented).toBe(true);
    await render();
    http.expectOne(`${API}/statements/st-2`).flush(
      {
        type: 'about:blank',
        title: 'Forbidden',
        status: 403,
        detail: 'Only HR, approvers and Participant 02 may read this statement.',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    await render();
    expect(text(element.querySelector('[data-testid="statement-detail"] [role="alert"]'))).toContain(
      'Only HR, approvers and Participant 02 may read this statement.',
    );
  });

  it('links the exports to the chosen quarter, and the payroll file only for a released one', async () => {
    const { element, render, statements, start } = setUp({ roles: ['HR'] });
    await start();
    const href = (id: string) => element.querySelector(`[data-testid="${id}"]`)?.getAttribute('href');
    expect(href('export-csv')).toBe(`${API}/statements/export?period=FY2026-Q3&format=csv`);
    expect(href('export-xlsx')).toBe(`${API}/statements/export?period=FY2026-Q3&format=xlsx`);
    expect(element.querySelector('[data-testid="export-csv"]')?.hasAttribute('download')).toBe(true);
    expect(element.querySelector('[data-testid="payroll-csv"]')).toBeNull();

    button(quarter(element, 'FY2026-Q2'), /FY2026-Q2/).click();
    await render();
    statements('FY2026-Q2').flush(statementsPage([summary(1, { period: 'FY2026-Q2', status: 'RELEASED' })]));
    await render();
    expect(href('export-csv')).toBe(`${API}/statements/export?period=FY2026-Q2&format=csv`);
    expect(href('payroll-csv')).toBe(`${API}/statements/payroll?period=FY2026-Q2`);
  });
});

describe('Statements page: inquiries', () => {
  it('says so when no inquiry is open', async () => {
    const { element, start } = setUp({ roles: ['HR'] });
    await start();
    expect(text(element.querySelector('[data-testid="no-inquiries"]'))).toContain('No open inquiries');
  });

  it('requires an amount for Adjusted, in cents, and posts the answer with the signed amount', async () => {
    const { http, element, render, start, statements } = setUp({ roles: ['HR'], inquiries: [INQUIRY] });
    await start();
    const item = element.querySelector<HTMLElement>('[data-testid="inquiry"]') as HTMLElement;
    expect(text(item)).toContain('FY2026-Q3');
    expect(text(item)).toContain('Victor Salas');
    expect(text(item)).toContain('The calculation looks wrong');
    expect(text(item)).toContain('The CX gate held my quota at 100 %');
    expect(text(item.querySelector('[data-testid="inquiry-age"]'))).toBe('raised 31 days ago');

    button(item, /Answer/).click();
    await render();
    item.querySelector<HTMLInputElement>('[data-outcome="ADJUSTED"] input')?.click();
    await render();
    type(item, 'textarea[name="response"]', 'The margin of error was counted; we pay the difference.');
    await render();
    button(item, /Send answer/).click();
    await render();
    http.expectNone(`${API}/inquiries/${INQUIRY.id}/answer`);
    expect(text(item)).toContain('Enter the adjustment, such as 250.00 or -120.50.');

    type(item, 'input[name="adjustment"]', '-120.505');
    await render();
    button(item, /Send answer/).click();
    await render();
    http.expectNone(`${API}/inquiries/${INQUIRY.id}/answer`);
    expect(text(item)).toContain('Use at most 2 decimals (cents).');

    type(item, 'input[name="adjustment"]', '1,250.5');
    await render();
    expect(text(item)).toContain('+€1,250.50 in the next open quarter');
    button(item, /Send answer/).click();
    await render();
    const sent = http.expectOne(`${API}/inquiries/${INQUIRY.id}/answer`);
    expect(sent.request.method).toBe('POST');
    expect(sent.request.body).toEqual({
      status: 'ADJUSTED',
      response: 'The margin of error was counted; we pay the difference.',
      adjustment: '1250.50',
    });
    sent.flush({ ...INQUIRY, status: 'ADJUSTED', response: 'ok', adjustment: '1250.50' });
    await render();
    http
      .expectOne(`${API}/inquiries?status=OPEN&page=1&pageSize=20`)
      .flush({ items: [], total: 0, page: 1, pageSize: 20 });
    statements('FY2026-Q3').flush(statementsPage([summary(1)]));
    await render();
    expect(text(element.querySelector('[data-testid="inquiry-notice"]'))).toBe(
      'Adjusted the inquiry of Victor Salas about FY2026-Q3 with +€1,250.50 in the next open quarter.',
    );
    expect(element.querySelector('[data-testid="no-inquiries"]')).not.toBeNull();
  });

  it('posts a rejection with its response and no amount, and shows a refusal beside the inquiry', async () => {
    const { http, element, render, start } = setUp({ roles: ['HR'], inquiries: [INQUIRY] });
    await start();
    const item = element.querySelector<HTMLElement>('[data-testid="inquiry"]') as HTMLElement;
    button(item, /Answer/).click();
    await render();
    item.querySelector<HTMLInputElement>('[data-outcome="REJECTED"] input')?.click();
    await render();
    expect(item.querySelector('input[name="adjustment"]')).toBeNull();
    button(item, /Send answer/).click();
    await render();
    expect(text(item)).toContain('Write the answer the participant will read.');
    type(item, 'textarea[name="response"]', '  The gate reads the CX index itself, not its margin.  ');
    await render();
    button(item, /Send answer/).click();
    await render();
    const sent = http.expectOne(`${API}/inquiries/${INQUIRY.id}/answer`);
    expect(sent.request.body).toEqual({
      status: 'REJECTED',
      response: 'The gate reads the CX index itself, not its margin.',
    });
    sent.flush(
      { type: 'about:blank', title: 'Conflict', status: 409, detail: 'This inquiry was already answered.' },
      { status: 409, statusText: 'Conflict' },
    );
    await render();
    expect(text(item.querySelector('[data-testid="answer-problem"]'))).toBe(
      'This inquiry was already answered.',
    );
  });

  it('opens the statement an inquiry is about', async () => {
    const { http, element, render, start } = setUp({ roles: ['HR'], inquiries: [INQUIRY] });
    await start();
    const item = element.querySelector<HTMLElement>('[data-testid="inquiry"]') as HTMLElement;
    button(item, /Statement/).click();
    await render();
    http.expectOne(`${API}/statements/${INQUIRY.statementId}`).flush(STATEMENT);
    await render();
    expect(text(element.querySelector('[data-testid="statement-detail"] h2'))).toBe(
      'Statement of Victor Salas · FY2026-Q3',
    );
  });
});

describe('Statements page: pay overrides', () => {
  it('checks HR’s override before sending and posts it for the open quarter', async () => {
    const { http, element, render, start } = setUp({ roles: ['HR'] });
    await start();
    const section = element.querySelector('[data-testid="overrides"]') as HTMLElement;
    expect(text(section)).toContain('No pay overrides yet.');
    button(section, /Enter override/).click();
    await render();
    http.expectNone({ method: 'POST', url: `${API}/pay-overrides` });
    expect(text(section)).toContain('Choose the unit whose sample is too small.');
    expect(text(section)).toContain('Enter the NPS to use for pay.');
    expect(text(section)).toContain('Say why in at least 10 characters');

    // The unit, by its picker.
    section.querySelector<HTMLElement>('mat-select[name="orgUnit"]')?.click();
    await render();
    [...document.querySelectorAll<HTMLElement>('mat-option')]
      .find((option) => text(option) === 'Service')
      ?.click();
    await render();
    type(section, 'input[name="value"]', '140');
    type(section, 'textarea[name="reason"]', 'Too short');
    await render();
    button(section, /Enter override/).click();
    await render();
    http.expectNone({ method: 'POST', url: `${API}/pay-overrides` });
    expect(text(section)).toContain('The NPS lies from -100 to 100.');

    type(section, 'input[name="value"]', '31.5');
    type(section, 'textarea[name="reason"]', '  Only 22 answers; the trailing year includes the recall.  ');
    await render();
    button(section, /Enter override/).click();
    await render();
    const sent = http.expectOne({ method: 'POST', url: `${API}/pay-overrides` });
    expect(sent.request.body).toEqual({
      orgUnit: 'service',
      metric: 'nps',
      period: 'FY2026-Q4',
      value: '31.5',
      reason: 'Only 22 answers; the trailing year includes the recall.',
    });
    sent.flush(override({ value: '31.5' }));
    await render();
    http
      .expectOne(`${API}/pay-overrides?page=1&pageSize=50`)
      .flush(overridesPage([override({ value: '31.5' })]));
    await render();
    expect(text(element.querySelector('[data-testid="override-notice"]'))).toContain(
      'Entered NPS 31.5 for Service, FY2026-Q4.',
    );
    // HR who is no approver sees who decides it.
    expect(text(section.querySelector('[data-testid="override-block"]'))).toBe('An approver decides it.');
    expect((section.querySelector('input[name="value"]') as HTMLInputElement).value).toBe('');
  });

  it('lets an approver approve an override, and asks for a reason to reject one', async () => {
    const other = override({
      id: 'ov-2',
      metric: 'csat',
      value: '78',
      orgUnit: { key: 'service', name: 'Service' },
    });
    const { http, element, render, start } = setUp({
      roles: ['APPROVER'],
      user: ARNO,
      overrides: [override(), other],
    });
    await start();
    const row = (id: string) =>
      element.querySelector<HTMLElement>(`[data-testid="override-row"][data-id="${id}"]`) as HTMLElement;
    expect(element.querySelector('[data-testid="override-form"]')).toBeNull();
    expect(text(row('ov-2'))).toContain('78.0 %');

    button(row('ov-1'), /Approve/).click();
    await render();
    const approval = http.expectOne(`${API}/pay-overrides/ov-1/decision`);
    expect(approval.request.method).toBe('POST');
    expect(approval.request.body).toEqual({ approve: true });
    approval.flush(override({ status: 'APPROVED', decidedBy: ARNO, decidedAt: '2026-08-20T12:00:00.000Z' }));
    await render();
    http
      .expectOne(`${API}/pay-overrides?page=1&pageSize=50`)
      .flush(
        overridesPage([
          override({ status: 'APPROVED', decidedBy: ARNO, decidedAt: '2026-08-20T12:00:00.000Z' }),
          other,
        ]),
      );
    await render();
    expect(text(element.querySelector('[data-testid="override-notice"]'))).toBe(
      'Approved NPS 31 for Service, FY2026-Q4: it counts for pay from the next recompute.',
    );
    expect(text(row('ov-1'))).toContain('Approved');

    button(row('ov-2'), /Reject/).click();
    await render();
    button(row('ov-2'), /^Reject$/).click();
    await render();
    http.expectNone(`${API}/pay-overrides/ov-2/decision`);
    expect(text(row('ov-2'))).toContain('Say why, so HR can act on it.');
    type(row('ov-2'), 'textarea[name="rejectReason"]', 'CSAT of the parent unit is the fairer fallback.');
    await render();
    button(row('ov-2'), /^Reject$/).click();
    await render();
    const rejection = http.expectOne(`${API}/pay-overrides/ov-2/decision`);
    expect(rejection.request.body).toEqual({
      approve: false,
      reason: 'CSAT of the parent unit is the fairer fallback.',
    });
    rejection.flush(
      {
        type: 'about:blank',
        title: 'Forbidden',
        status: 403,
        detail: 'You entered this override; another approver decides it.',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    await render();
    expect(text(row('ov-2').querySelector('[data-testid="override-decision-problem"]'))).toBe(
      'You entered this override; another approver decides it.',
    );
  });

  it('tells the approver who entered an override why they cannot decide it', async () => {
    const rejected = override({
      id: 'ov-0',
      status: 'REJECTED',
      enteredBy: ARNO,
      decidedBy: HANNA,
      decidedAt: '2026-08-14T08:00:00.000Z',
      decisionReason: 'The parent unit’s result is the fairer fallback.',
    });
    const { element, start } = setUp({ roles: ['HR', 'APPROVER'], overrides: [override(), rejected] });
    await start();
    const decided = element.querySelector<HTMLElement>('[data-testid="override-row"][data-id="ov-0"]');
    expect(text(decided)).toContain('Rejected');
    expect(text(decided?.querySelector('[data-testid="override-decision-reason"]'))).toBe(
      '“The parent unit’s result is the fairer fallback.”',
    );
    const row = element.querySelector<HTMLElement>(
      '[data-testid="override-row"][data-id="ov-1"]',
    ) as HTMLElement;
    expect(buttonText(row)).toEqual([]);
    expect(text(row.querySelector('[data-testid="override-block"]'))).toBe(
      'You entered this override, so another approver decides it (four eyes).',
    );
  });
});

describe('Statements page: accessibility', () => {
  it('has no serious or critical axe violations with a statement and an answer form open', async () => {
    const { http, element, render, start } = setUp({
      roles: ['HR', 'APPROVER'],
      user: ARNO,
      inquiries: [INQUIRY],
      overrides: [override()],
    });
    await start(FY2026, 'FY2026-Q3', [summary(1), { ...STATEMENT_SUMMARY, status: 'CLOSED' }]);
    element.querySelector<HTMLButtonElement>(`[data-id="${STATEMENT.id}"] button`)?.click();
    await render();
    http.expectOne(`${API}/statements/${STATEMENT.id}`).flush({ ...STATEMENT, status: 'CLOSED' });
    const item = element.querySelector<HTMLElement>('[data-testid="inquiry"]') as HTMLElement;
    button(item, /Answer/).click();
    await render();
    item.querySelector<HTMLInputElement>('[data-outcome="ADJUSTED"] input')?.click();
    await render();

    const result = await axe.run(element, {
      resultTypes: ['violations'],
      // jsdom lays nothing out and paints nothing: contrast is checked in the browser.
      rules: { 'color-contrast': { enabled: false } },
    });
    const serious = result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
    expect(serious).toEqual([]);
    // axe reads the whole page, statement and trace included: slow in jsdom on a busy machine.
  }, 60_000);
});
