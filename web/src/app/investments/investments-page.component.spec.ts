import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { CxInvestment, CxInvestmentBudget, OrgUnitNode, Page, Role } from '@lodestar/contracts';
import { AuthService } from '../auth/auth.service';
import { InvestmentsPageComponent } from './investments-page.component';

const API = '/api/v1/cx-investments';

const node = (key: string, name: string, id: string, children: OrgUnitNode[] = []): OrgUnitNode => ({
  id,
  key,
  name,
  type: 'TEAM',
  parentId: null,
  leader: null,
  headcount: 3,
  children,
});

const TREE: OrgUnitNode[] = [
  node('company', 'Helix Lithography Systems', 'u-company', [
    node('service', 'Service', 'u-service', [node('field-service', 'Field Service', 'u-field')]),
    node('sales', 'Sales', 'u-sales', [node('key-accounts', 'Key Accounts', 'u-key')]),
  ]),
];

const investment = (overrides: Partial<CxInvestment> = {}): CxInvestment => ({
  id: 'inv-1',
  kind: 'cost',
  orgUnit: 'field-service',
  orgUnitName: 'Field Service',
  period: '2026-11',
  amount: '18000.00',
  account: 'Infineon Villach',
  reason: 'A spare-parts kit staged at the customer’s site, so a fault is fixed the same day.',
  link: 'ESC-2026-0301',
  status: 'proposed',
  proposedBy: { id: 'lucas', name: 'Lucas Moreau' },
  proposedAt: '2026-11-20T09:00:00.000Z',
  decisions: [],
  needsSecondApproval: false,
  ...overrides,
});

const page = (items: CxInvestment[]): Page<CxInvestment> => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 10,
});

const BUDGET: CxInvestmentBudget = {
  orgUnit: 'field-service',
  quarter: 'FY2027-Q1',
  cap: '150000.00',
  approved: '0.00',
  remaining: '150000.00',
};

function setUp(roles: Role[], user = { id: 'lucas', orgUnitId: 'u-field' }) {
  TestBed.configureTestingModule({
    imports: [InvestmentsPageComponent],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
      {
        provide: AuthService,
        useValue: {
          user: signal({
            ...user,
            name: 'Someone',
            email: 'someone@example.com',
            roles,
            mustChangePassword: false,
          }),
          roles: signal(roles),
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(InvestmentsPageComponent);
  const http = TestBed.inject(HttpTestingController);
  const element: HTMLElement = fixture.nativeElement;
  document.body.appendChild(element);
  const render = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  /** The open requests to the list, by their status filter ('' for none). */
  const lists = (status = '') =>
    http.match(
      (request) =>
        request.method === 'GET' && request.url === API && (request.params.get('status') ?? '') === status,
    );
  const budgets = () => http.match((request) => request.url === `${API}/budget` && request.method === 'GET');
  fixture.detectChanges();
  http.expectOne('/api/v1/org-units').flush(TREE);
  http.expectOne('/api/v1/settings/fiscal-calendar').flush({ startMonth: 10, timeZone: 'UTC' });
  http
    .expectOne(`${API}/settings`)
    .flush({ secondApprovalAbove: '25000.00', defaultQuarterCap: '150000.00' });
  return { fixture, http, element, render, lists, budgets };
}

const button = (root: ParentNode, name: RegExp) => {
  const found = [...root.querySelectorAll<HTMLButtonElement>('button')].find((candidate) =>
    name.test((candidate.textContent ?? '').trim()),
  );
  if (!found) throw new Error(`No button ${name}`);
  return found;
};

function type(element: HTMLElement, selector: string, value: string) {
  const input = element.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
  if (!input) throw new Error(`No field ${selector}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('CX investments page: proposing', () => {
  beforeAll(() => {
    jest.useFakeTimers({ advanceTimers: true, now: new Date('2026-11-23T12:00:00Z') });
  });
  afterAll(() => jest.useRealTimers());

  it('sends the proposal with the user’s own unit and this month, the amount as a decimal, and lists it', async () => {
    const { http, element, render, lists } = setUp(['MEMBER']);
    lists()[0].flush(page([]));
    await render();
    expect(element.textContent).toContain('No CX investments for any unit yet: propose one above');
    // A member has no approval queue.
    expect(element.querySelector('[data-testid="approval-queue"]')).toBeNull();

    type(element, 'input[name="amount"]', '18,000');
    type(element, 'input[name="account"]', ' Infineon Villach ');
    type(element, 'textarea[name="reason"]', 'A spare-parts kit staged at the customer’s site.');
    await render();
    expect(element.textContent).toContain('€18,000');
    expect(element.querySelector('[data-testid="reason-count"]')?.textContent?.trim()).toBe('48 / 2000');
    button(element, /Propose$/).click();
    await render();

    const sent = http.expectOne({ method: 'POST', url: API });
    expect(sent.request.body).toEqual({
      kind: 'cost',
      orgUnit: 'field-service',
      period: '2026-11',
      amount: '18000',
      account: 'Infineon Villach',
      reason: 'A spare-parts kit staged at the customer’s site.',
      link: null,
    });
    sent.flush(investment());
    const reload = lists();
    expect(reload).toHaveLength(1);
    expect(reload[0].request.params.get('page')).toBe('1');
    reload[0].flush(page([investment()]));
    await render();
    expect(element.querySelector('[data-testid="propose-notice"]')?.textContent).toContain(
      'Proposed: cost of €18,000 for Field Service.',
    );
    const row = element.querySelector('[data-testid="investment-row"]');
    expect(row?.textContent).toContain('Field Service');
    expect(row?.textContent).toContain('Proposed');
    // The proposer can take it back.
    expect(button(row as HTMLElement, /Withdraw/)).toBeTruthy();
    expect((element.querySelector('input[name="amount"]') as HTMLInputElement).value).toBe('');
  });

  it('checks the form before sending, and shows the API’s refusal when it comes', async () => {
    const { http, element, render, lists } = setUp(['MEMBER']);
    lists()[0].flush(page([]));
    await render();
    type(element, 'input[name="amount"]', '-5');
    type(element, 'textarea[name="reason"]', 'short');
    await render();
    button(element, /Propose$/).click();
    await render();
    http.expectNone({ method: 'POST', url: API });
    expect(element.textContent).toContain('The amount cannot be negative.');
    expect(element.textContent).toContain('in at least 10 characters');

    type(element, 'input[name="amount"]', '500');
    type(element, 'textarea[name="reason"]', 'Coffee for the whole customer team at the fab.');
    await render();
    button(element, /Propose$/).click();
    http.expectOne({ method: 'POST', url: API }).flush(
      {
        type: 'about:blank',
        title: 'Forbidden',
        status: 403,
        detail:
          'Only people in Key Accounts or a unit below it, its leader or a CX lead can propose a CX investment for it.',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    await render();
    expect(element.querySelector('[data-testid="propose-problem"]')?.textContent).toContain(
      'Only people in Key Accounts or a unit below it',
    );
  });
});

describe('CX investments page: the approval queue', () => {
  beforeAll(() => {
    jest.useFakeTimers({ advanceTimers: true, now: new Date('2026-11-23T12:00:00Z') });
  });
  afterAll(() => jest.useRealTimers());

  async function withQueue(items: CxInvestment[]) {
    const setup = setUp(['CX_LEAD', 'MEMBER'], { id: 'chloe', orgUnitId: 'u-company' });
    setup.lists('')[0].flush(page([]));
    setup.lists('proposed')[0].flush({ ...page(items), pageSize: 200 });
    await setup.render();
    for (const request of setup.budgets()) {
      request.flush({ ...BUDGET, orgUnit: request.request.params.get('orgUnit') ?? '' });
    }
    await setup.render();
    return setup;
  }

  it('shows each waiting item with its unit’s quarter budget, and approves with one request', async () => {
    const { http, element, render, lists, budgets } = await withQueue([investment()]);
    const item = element.querySelector('[data-testid="queue-item"]') as HTMLElement;
    expect(item.textContent).toContain('€18,000');
    expect(item.querySelector('[data-testid="budget-text"]')?.textContent).toContain(
      '€0 of €150,000 approved · €150,000 left',
    );
    button(item, /Approve/).click();
    const decision = http.expectOne({ method: 'POST', url: `${API}/inv-1/decision` });
    expect(decision.request.body).toEqual({ approve: true, reason: null });
    decision.flush(
      investment({
        status: 'approved',
        decisions: [
          {
            by: { id: 'chloe', name: 'Chloé Xavier' },
            role: 'CX_LEAD',
            approve: true,
            reason: null,
            at: '2026-11-23T12:00:00Z',
          },
        ],
      }),
    );
    const moved: CxInvestmentBudget = { ...BUDGET, approved: '18000.00', remaining: '132000.00' };
    budgets().forEach((request: TestRequest) => request.flush(moved));
    lists('proposed')[0].flush({ ...page([]), pageSize: 200 });
    lists('')[0].flush(page([]));
    await render();
    expect(element.querySelector('[data-testid="queue-notice"]')?.textContent).toContain(
      'Approved €18,000 for Field Service.',
    );
    expect(element.querySelector('[data-testid="last-budget"]')?.textContent).toContain(
      '€18,000 of €150,000 approved · €132,000 left',
    );
    expect(element.textContent).toContain('Nothing is waiting for your decision');
  });

  it('asks for a reason before rejecting, and sends it', async () => {
    const { http, element, render } = await withQueue([investment()]);
    const item = element.querySelector('[data-testid="queue-item"]') as HTMLElement;
    button(item, /Reject/).click();
    await render();
    button(item, /^Reject$/).click();
    await render();
    http.expectNone({ method: 'POST', url: `${API}/inv-1/decision` });
    expect(item.textContent).toContain('Say why, so the person who proposed it can act on it.');
    type(item, 'textarea[name="reason"]', 'Spare parts on site are part of the service contract already.');
    await render();
    button(item, /^Reject$/).click();
    const decision = http.expectOne({ method: 'POST', url: `${API}/inv-1/decision` });
    expect(decision.request.body).toEqual({
      approve: false,
      reason: 'Spare parts on site are part of the service contract already.',
    });
  });

  it('shows the API’s sentence next to the item when an approval would pass the cap', async () => {
    const { http, element, render } = await withQueue([investment({ id: 'inv-2', amount: '140000.00' })]);
    const item = element.querySelector('[data-testid="queue-item"]') as HTMLElement;
    button(item, /Approve/).click();
    const sentence =
      'Approving 140,000.00 would take Field Service past its cap of 150,000.00 for CX investments in FY2027-Q1: ' +
      '18,000.00 is approved so far, so at most 132,000.00 more can be. Nothing was changed; a CX lead can raise the unit’s cap for the quarter.';
    http
      .expectOne({ method: 'POST', url: `${API}/inv-2/decision` })
      .flush(
        { type: 'about:blank', title: 'Conflict', status: 409, detail: sentence },
        { status: 409, statusText: 'Conflict' },
      );
    await render();
    expect(item.querySelector('[data-testid="queue-problem"]')?.textContent?.trim()).toBe(sentence);
    expect(item.querySelector('[role="alert"]')).toBeTruthy();
  });
});
