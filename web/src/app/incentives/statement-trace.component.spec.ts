import { TestBed } from '@angular/core/testing';
import type { CalculationTrace } from '@lodestar/contracts';
import { PROJECTION_TRACE, STATEMENT_TRACE } from './incentive.fixtures';
import { StatementTraceComponent } from './statement-trace.component';

async function render(trace: CalculationTrace) {
  TestBed.configureTestingModule({ imports: [StatementTraceComponent] });
  const fixture = TestBed.createComponent(StatementTraceComponent);
  fixture.componentRef.setInput('trace', trace);
  fixture.componentRef.setInput('currency', 'EUR');
  document.body.appendChild(fixture.nativeElement);
  fixture.detectChanges();
  await fixture.whenStable();
  return { fixture, element: fixture.nativeElement as HTMLElement };
}

/** The text of an element as a reader sees it: each piece of text apart from the next. */
function text(element: Element | null | undefined): string {
  if (!element) return '';
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const pieces: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) pieces.push(node.textContent ?? '');
  return pieces.join(' ').replace(/\s+/g, ' ').trim();
}
const line = (element: HTMLElement, key: string) =>
  text(element.querySelector(`[data-testid="trace-line"][data-line="${key}"]`));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('statement trace', () => {
  it('lists every step of the calculation in order', async () => {
    const { element } = await render(STATEMENT_TRACE);
    const steps = [...element.querySelectorAll('[data-testid="trace-steps"] li')].map(text);
    expect(steps).toEqual(STATEMENT_TRACE.steps);
  });

  it('shows every input with its basis, source, sample, band, score, segment, cap, gates, payout and contribution', async () => {
    const { element } = await render(STATEMENT_TRACE);
    const rows = element.querySelectorAll('[data-testid="trace-inputs"] tbody tr');
    expect(rows).toHaveLength(3);
    const quota = text(element.querySelector('[data-testid="trace-inputs"] tr[data-component="quota"]'));
    for (const part of [
      'Quota',
      '112.4 %',
      'Actual result',
      'Adjusted quota attainment of Sales, FY2026-Q3',
      '90 % / 100 % / 120 %',
      '131',
      'Between 100.0 % ↦ 100.0 % and 120.0 % ↦ 200.0 %',
      '162 %',
      '180 %',
      'CX gate: at most 100 %',
      '50 %',
    ]) {
      expect(quota).toContain(part);
    }
    const cx = text(element.querySelector('[data-testid="trace-inputs"] tr[data-component="cx_index"]'));
    expect(cx).toContain('412');
    expect(cx).toContain('12.6 %');
    expect(text(element.querySelector('[data-testid="trace-gates"]'))).toContain(
      'CX gate CX index 46.8 50 Binds',
    );
  });

  it('carries the calculation from the weighted payout to the payable with every digit, and the rounding line', async () => {
    const { element } = await render(STATEMENT_TRACE);
    expect(line(element, 'weighted')).toBe(
      'Weighted payout 50 % × 100 % + 20 % × 100 % + 30 % × 42 % 82.6 %',
    );
    expect(line(element, 'multiplier')).toBe('Multiplier none in this plan 82.6 %');
    expect(line(element, 'plan-cap')).toBe('Plan cap at most 200 %: does not bind 82.6 %');
    expect(line(element, 'period-target')).toBe(
      'Quarter target bonus €60,000.00 annual × 91 eligible days ÷ 365 days in the fiscal year €14,958.9041095890410958904',
    );
    expect(line(element, 'unrounded')).toBe(
      'Unrounded amount 82.6 % ÷ 100 × €14,958.9041095890410958904 €12,356.0547945205479452055',
    );
    expect(line(element, 'rounding')).toBe(
      'Rounding half-even to cents, once, at the end -€0.0047945205479452055',
    );
    expect(line(element, 'amount')).toBe('Amount €12,356.0547945205479452055 rounded €12,356.05');
    expect(line(element, 'adjustment-0')).toContain(
      'Adjustment for FY2026-Q2 (inquiry) Inquiry answered: two key-account orders',
    );
    expect(line(element, 'adjustment-0')).toContain('+€250.00');
    expect(line(element, 'carried-in')).toContain('€0.00');
    expect(line(element, 'payable')).toBe(
      'Payable the larger of zero and €12,356.05 + €250.00 + €0.00 €12,606.05',
    );
  });

  it('names a binding plan cap and a multiplier', async () => {
    const { element } = await render({
      ...PROJECTION_TRACE,
      multiplier: {
        label: 'Company margin multiplier',
        metric: 'gross_margin',
        input: { ...PROJECTION_TRACE.components[1].input, value: '42' },
        points: [
          { value: '38', payout: '90' },
          { value: '44', payout: '120' },
        ],
        segment: { kind: 'BETWEEN', from: { value: '38', payout: '90' }, to: { value: '44', payout: '120' } },
        factor: '110',
      },
      afterMultiplier: '147.158',
      planCap: '140',
      totalPayout: '140',
    });
    expect(line(element, 'multiplier')).toContain(
      'Multiplier: Company margin multiplier 133.78 % × 110 % ÷ 100',
    );
    expect(line(element, 'multiplier')).toContain('147.158 %');
    expect(line(element, 'plan-cap')).toBe('Plan cap at most 140 %: binds 140 %');
    expect(text(element.querySelector('[data-testid="trace-multiplier"]'))).toContain('Factor 110 %');
  });

  it('is collapsed at first, opens and closes by its button, and prints', async () => {
    const { fixture, element } = await render(STATEMENT_TRACE);
    const toggle = element.querySelector('[data-testid="trace-toggle"]') as HTMLButtonElement;
    const body = element.querySelector('[data-testid="trace-body"]') as HTMLElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(body.id);
    expect(body.classList).toContain('collapsed');
    toggle.click();
    fixture.detectChanges();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(body.classList).not.toContain('collapsed');
    expect(text(toggle)).toBe('Hide the calculation');

    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    (element.querySelector('[data-testid="trace-print"]') as HTMLButtonElement).click();
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });
});
