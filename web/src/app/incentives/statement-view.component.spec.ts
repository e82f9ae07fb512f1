import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { Statement } from '@lodestar/contracts';
import { PROJECTION, STATEMENT } from './incentive.fixtures';
import { StatementViewComponent } from './statement-view.component';

async function render(statement: Statement, currency: string | null = 'EUR') {
  TestBed.configureTestingModule({ imports: [StatementViewComponent], providers: [provideNoopAnimations()] });
  const fixture = TestBed.createComponent(StatementViewComponent);
  fixture.componentRef.setInput('statement', statement);
  fixture.componentRef.setInput('currency', currency);
  document.body.appendChild(fixture.nativeElement);
  fixture.detectChanges();
  await fixture.whenStable();
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

/** The text of an element as a reader sees it: each piece of text apart from the next. */
function text(element: Element | null | undefined): string {
  if (!element) return '';
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const pieces: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) pieces.push(node.textContent ?? '');
  return pieces.join(' ').replace(/\s+/g, ' ').trim();
}

const componentRow = (element: HTMLElement, key: string) =>
  element.querySelector(`[data-testid="statement-component"][data-component="${key}"]`) as HTMLElement;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('statement view', () => {
  it('heads the statement with its period, status, plan, version, unit, payout, amount and payable with cents', async () => {
    const element = await render(STATEMENT);
    const head = text(element.querySelector('header'));
    expect(head).toContain('Statement FY2026-Q3');
    expect(head).toContain('Sales leadership incentive · version 1 · Sales');
    expect(text(element.querySelector('[data-testid="statement-status"]'))).toBe('Released');
    const totals = text(element.querySelector('[data-testid="statement-totals"]'));
    expect(totals).toContain('Total payout 82.6 % of target');
    expect(totals).toContain('Quarter target €14,958.90');
    expect(totals).toContain('Amount €12,356.05');
    expect(totals).toContain('Adjustments +€250.00');
    expect(text(element.querySelector('[data-testid="statement-payable"]'))).toBe('€12,606.05');
  });

  it('shows each component’s actual, score or attainment and payout, in that order', async () => {
    const element = await render(STATEMENT);
    expect(element.querySelectorAll('[data-testid="statement-component"]')).toHaveLength(3);
    const quota = text(componentRow(element, 'quota').querySelector('[data-testid="component-flow"]'));
    expect(quota).toMatch(
      /Actual 112\.4 % → Score 131 Attainment 112\.4 % → Curve 162\.0 % → Payout 100\.0 %/,
    );
    const cx = text(componentRow(element, 'cx_index').querySelector('[data-testid="component-flow"]'));
    expect(cx).toMatch(/Actual 46\.8 → Score 46\.8 → Payout 42\.0 % Contribution 12\.6 %/);
    expect(
      text(componentRow(element, 'cx_index').querySelector('[data-testid="component-basis"]')),
    ).toContain('Actual result · CX index of Sales, FY2026-Q3, 412 answers');
  });

  it('names a binding gate in words and with an icon, never by colour alone', async () => {
    const element = await render(STATEMENT);
    const effects = [...componentRow(element, 'quota').querySelectorAll('[data-testid="component-effect"]')];
    expect(effects).toHaveLength(1);
    expect(effects[0].getAttribute('data-kind')).toBe('GATE');
    expect(text(effects[0])).toContain('Gated');
    expect(text(effects[0])).toContain('CX gate: at most 100.0 % instead of 162.0 %');
    expect(effects[0].querySelector('ls-icon')).toBeTruthy();
    expect(componentRow(element, 'cx_index').querySelector('[data-testid="component-effect"]')).toBeNull();
    const gate = element.querySelector('[data-testid="statement-gate"]') as HTMLElement;
    expect(gate.getAttribute('data-outcome')).toBe('BINDS');
    expect(text(gate)).toContain('Binds');
    expect(text(gate)).toContain(
      'CX gate : when CX index is short of 50, Quota and Margin pay at most 100.0 %. CX index is 46.8.',
    );
  });

  it('shows a component cap that lowered the payout, and labels a projection as one', async () => {
    const element = await render(PROJECTION);
    expect(text(element.querySelector('[data-testid="statement-status"]'))).toBe('Projection');
    expect(text(element.querySelector('[data-testid="projection-note"]'))).toContain(
      'the numbers move until the quarter closes',
    );
    const effect = componentRow(element, 'quota').querySelector('[data-testid="component-effect"]');
    expect(text(effect)).toContain('Capped');
    expect(text(effect)).toContain('The curve pays 200.0 %; the component’s cap is 180.0 %.');
    expect(
      text(componentRow(element, 'cx_index').querySelector('[data-testid="component-basis"]')),
    ).toContain('Trailing twelve months');
    expect(element.querySelector('[data-testid="statement-gate"]')?.getAttribute('data-outcome')).toBe('MET');
    // No adjustments, nothing carried: no table of them.
    expect(element.querySelector('[data-testid="statement-adjustments"]')).toBeNull();
  });

  it('lists adjustments and carried amounts when there are any', async () => {
    const element = await render({
      ...STATEMENT,
      payable: '0.00',
      trace: {
        ...STATEMENT.trace,
        adjustments: [
          ...STATEMENT.trace.adjustments,
          {
            forPeriod: 'FY2026-Q1',
            amount: '-14000.00',
            reason: 'Restated quota of Sales.',
            source: 'RESTATEMENT',
          },
        ],
        payable: '0.00',
        carriedForward: '-1393.95',
      },
    });
    const table = text(element.querySelector('[data-testid="statement-adjustments"]'));
    expect(table).toContain('Adjustment for FY2026-Q2 (inquiry)');
    expect(table).toContain('+€250.00');
    expect(table).toContain('Adjustment for FY2026-Q1 (restatement) Restated quota of Sales. -€14,000.00');
    expect(table).toContain('Carried forward');
    expect(table).toContain('-€1,393.95');
    expect(text(element.querySelector('[data-testid="statement-totals"]'))).toContain(
      'Adjustments -€13,750.00',
    );
  });

  it('draws each component’s curve, with a table of the same numbers', async () => {
    const element = await render(STATEMENT);
    const quota = componentRow(element, 'quota');
    const chart = quota.querySelector('ls-curve-position-chart [role="img"]');
    expect(chart?.getAttribute('aria-label')).toBe(
      'Payout curve of Quota: 90.0 % pays 50.0 %, 100.0 % pays 100.0 %, 120.0 % pays 200.0 %. ' +
        'The result 112.4 % is paid 162.0 % on the curve, 100.0 % after the cap and gates.',
    );
    (quota.querySelector('ls-curve-position-chart button[role="switch"]') as HTMLButtonElement).click();
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    const rows = [...quota.querySelectorAll('[data-testid="curve-table"] tbody tr')].map(text);
    expect(rows).toEqual(['90.0 % 50.0 %', '100.0 % 100.0 %', '120.0 % 200.0 %', '112.4 % (result) 162.0 %']);
  });
});
