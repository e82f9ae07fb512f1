import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { WhatIfResult } from '@lodestar/contracts';
import { WHAT_IF } from './plan.fixtures';
import { deltaBars, deltaColours, RISE_COLOUR, SAVING_COLOUR, totalDeltaSentence } from './what-if-data';
import { WhatIfComponent } from './what-if.component';

function setUp(result: WhatIfResult | null = WHAT_IF) {
  TestBed.configureTestingModule({ imports: [WhatIfComponent], providers: [provideNoopAnimations()] });
  const fixture = TestBed.createComponent(WhatIfComponent);
  fixture.componentRef.setInput('periods', ['FY2027-Q1', 'FY2026-Q4']);
  fixture.componentRef.setInput('defaultPeriod', 'FY2027-Q1');
  fixture.componentRef.setInput('result', result);
  const runs: string[] = [];
  fixture.componentInstance.run.subscribe((period) => runs.push(period));
  fixture.detectChanges();
  const element: HTMLElement = fixture.nativeElement;
  const text = (testId: string) =>
    element.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  const showTable = () => {
    element.querySelector<HTMLButtonElement>('mat-slide-toggle button')?.click();
    fixture.detectChanges();
  };
  return { fixture, element, text, showTable, runs };
}

describe('what-if', () => {
  it('states the total cost change first, from the API’s totals', () => {
    const { text } = setUp();
    expect(text('what-if-headline')).toBe(
      'The total cost of FY2027-Q1 rises by €6,581.23. €19,082.19 under version 2 → €25,663.42 under version 3.',
    );
  });

  it('lists every participant’s old and new payout and the totals in the table', () => {
    const { element, showTable, text } = setUp();
    showTable();
    const rows = Array.from(element.querySelectorAll('[data-testid="what-if-table"] tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).toEqual([
      ['Victor Salas', 'Sales', '100.0 %', '€10,082.19', '138.0 %', '€13,913.42', '+€3,831.23 (+38.0 %)'],
      ['Olu Adeyemi', 'Operations', '120.0 %', '€9,000.00', '90.0 %', '€6,750.00', '-€2,250.00 (-30.0 %)'],
      ['Mara Lind', 'Service', 'Not in a plan', '–', '100.0 %', '€5,000.00', '+€5,000.00'],
    ]);
    expect(text('total-baseline')).toBe('€19,082.19');
    expect(text('total-proposed')).toBe('€25,663.42');
    expect(text('total-delta')).toBe('+€6,581.23');
  });

  it('gives the chart one bar per participant: the change, biggest rise first, coloured by its sign', () => {
    const bars = deltaBars(WHAT_IF);
    expect(bars.map((bar) => [bar.name, bar.value, bar.extra.text])).toEqual([
      ['Mara Lind', 5000, '+€5,000.00'],
      ['Victor Salas', 3831.23, '+€3,831.23'],
      ['Olu Adeyemi', -2250, '-€2,250.00'],
    ]);
    expect(deltaColours(bars).map((colour) => colour.value)).toEqual([
      RISE_COLOUR,
      RISE_COLOUR,
      SAVING_COLOUR,
    ]);
  });

  it('names two people of the same name by their unit in the chart', () => {
    const twins: WhatIfResult = {
      ...WHAT_IF,
      rows: [WHAT_IF.rows[0], { ...WHAT_IF.rows[1], participant: { id: 'u-2', name: 'Victor Salas' } }],
    };
    expect(deltaBars(twins).map((bar) => bar.name)).toEqual([
      'Victor Salas (Sales)',
      'Victor Salas (Operations)',
    ]);
  });

  it('says when the cost falls or stays', () => {
    expect(totalDeltaSentence({ ...WHAT_IF, totals: { ...WHAT_IF.totals, delta: '-310.40' } })).toBe(
      'The total cost of FY2027-Q1 falls by €310.40.',
    );
    expect(totalDeltaSentence({ ...WHAT_IF, totals: { ...WHAT_IF.totals, delta: '0.00' } })).toBe(
      'The total cost of FY2027-Q1 does not change.',
    );
  });

  it('runs for the quarter picked', () => {
    const { element, fixture, runs } = setUp(null);
    const select = element.querySelector<HTMLSelectElement>('[data-testid="what-if-period"]');
    if (!select) throw new Error('no quarter picker');
    select.value = 'FY2026-Q4';
    select.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    element.querySelector<HTMLButtonElement>('[data-testid="what-if-run"]')?.click();
    expect(runs).toEqual(['FY2026-Q4']);
  });
});
