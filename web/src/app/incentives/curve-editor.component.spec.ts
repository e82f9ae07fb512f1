import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { CurveSpec, MetricDirection, PayoutPoint } from '@lodestar/contracts';
import { CurveEditorComponent } from './curve-editor.component';
import { curveChart, nextPoint, orderedPoints } from './curve-data';

const QUOTA: CurveSpec = {
  source: 'POINTS',
  points: [
    { value: '90', payout: '50' },
    { value: '100', payout: '100' },
    { value: '120', payout: '200' },
  ],
};

function setUp(
  curve: CurveSpec = QUOTA,
  direction: MetricDirection = 'higher',
  metricName = 'Quota attainment',
) {
  TestBed.configureTestingModule({ imports: [CurveEditorComponent], providers: [provideNoopAnimations()] });
  const fixture = TestBed.createComponent(CurveEditorComponent);
  fixture.componentRef.setInput('curve', curve);
  fixture.componentRef.setInput('direction', direction);
  fixture.componentRef.setInput('metricName', metricName);
  const emitted: CurveSpec[] = [];
  fixture.componentInstance.curveChange.subscribe((next) => {
    emitted.push(next);
    fixture.componentRef.setInput('curve', next);
  });
  fixture.detectChanges();
  const element: HTMLElement = fixture.nativeElement;
  const text = (testId: string) =>
    element.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  const type = (testId: string, value: string) => {
    const input = element.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
    if (!input) throw new Error(`no input ${testId}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
  };
  const click = (testId: string) => {
    element.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`)?.click();
    fixture.detectChanges();
  };
  const points = () => {
    const last = emitted.at(-1);
    return last?.source === 'POINTS' ? last.points : null;
  };
  return { fixture, element, emitted, text, type, click, points };
}

describe('curve editor', () => {
  it('adds a point one step further in the better direction, so the points stay ordered', () => {
    const { click, points, text } = setUp();
    click('curve-add');
    expect(points()).toEqual([
      { value: '90', payout: '50' },
      { value: '100', payout: '100' },
      { value: '120', payout: '200' },
      { value: '140', payout: '200' },
    ]);
    expect(text('curve-problem')).toBeNull();
  });

  it('adds a point below the last one when lower is better', () => {
    const { click, points } = setUp(
      {
        source: 'POINTS',
        points: [
          { value: '3.0', payout: '50' },
          { value: '2.5', payout: '100' },
        ],
      },
      'lower',
      'Complaint rate',
    );
    click('curve-add');
    expect(points()?.map((point) => point.value)).toEqual(['3.0', '2.5', '2']);
  });

  it('emits every keystroke and explains an unordered curve in the engine’s words', () => {
    const { type, points, text, element, fixture } = setUp();
    type('curve-value-1', '85');
    expect(points()).toEqual([
      { value: '90', payout: '50' },
      { value: '85', payout: '100' },
      { value: '120', payout: '200' },
    ]);
    expect(text('curve-problem')).toBe(
      'Point 2 (value 85) must be above point 1 (value 90): quota attainment is better when higher.',
    );
    // An unusable curve is not drawn.
    expect(text('curve-no-chart')).toBe('The chart appears once the curve can be used.');
    expect(fixture.componentInstance.chart()).toBeNull();
    expect(element.querySelector('[data-testid="curve-order"]')).toBeNull();
  });

  it('puts values typed out of order in the better direction when asked', () => {
    const { type, click, points, text } = setUp();
    type('curve-value-0', '110');
    expect(text('curve-problem')).toContain('Point 2 (value 100) must be above point 1 (value 110)');
    // Ordered by value, the payouts would fall: 100 → 100 %, 110 → 50 %; fix the payout first.
    type('curve-payout-0', '150');
    click('curve-order');
    expect(points()).toEqual([
      { value: '100', payout: '100' },
      { value: '110', payout: '150' },
      { value: '120', payout: '200' },
    ]);
    expect(text('curve-problem')).toBeNull();
  });

  it('redraws the chart as a payout is typed', () => {
    const { type, fixture } = setUp();
    const payouts = () =>
      fixture.componentInstance.chart()?.series[0].series.map((point) => [point.name, point.value]);
    expect(payouts()).toEqual([
      [90, 50],
      [100, 100],
      [120, 200],
      [126, 200],
    ]);
    type('curve-payout-2', '180');
    expect(payouts()?.[2]).toEqual([120, 180]);
  });

  it('shows the same numbers as a table, 0 % short of the first point and flat beyond the last', () => {
    const { element, fixture } = setUp();
    element.querySelector<HTMLButtonElement>('mat-slide-toggle button')?.click();
    fixture.detectChanges();
    const rows = Array.from(element.querySelectorAll('[data-testid="curve-chart-table"] tbody tr')).map(
      (row) => Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['Short of 90', '0.0 %'],
      ['At 90', '50.0 %'],
      ['At 100', '100.0 %'],
      ['At 120', '200.0 %'],
      ['Beyond 120', '200.0 %'],
    ]);
  });

  it('edits the three payouts of a curve taken from targets and refuses falling ones', () => {
    const { type, emitted, element, fixture } = setUp({ source: 'TARGETS', payouts: ['50', '100', '200'] });
    type('curve-target-1', '250');
    expect(emitted.at(-1)).toEqual({ source: 'TARGETS', payouts: ['50', '250', '200'] });
    expect(element.querySelector('[data-testid="curve-problem"]')?.textContent).toContain(
      'The payouts at threshold, target and stretch must never decrease.',
    );
    expect(fixture.componentInstance.problem()).not.toBeNull();
  });

  it('draws a curve from targets with the band it is given', () => {
    const { fixture } = setUp({ source: 'TARGETS', payouts: ['50', '100', '200'] }, 'higher', 'CX index');
    fixture.componentRef.setInput('band', { threshold: 60, target: 70, stretch: 80 });
    fixture.detectChanges();
    expect(fixture.componentInstance.chart()?.table.map((row) => row.where)).toEqual([
      'Short of 60',
      'At 60',
      'At 70',
      'At 80',
      'Beyond 80',
    ]);
  });

  it('switches to points of its own from the band, and back to targets', () => {
    const { element, fixture, emitted } = setUp(
      { source: 'TARGETS', payouts: ['50', '100', '200'] },
      'higher',
      'CX index',
    );
    fixture.componentRef.setInput('band', { threshold: 60, target: 70, stretch: 80 });
    fixture.detectChanges();
    element
      .querySelector<HTMLInputElement>('input[type="radio"][value="POINTS"]')
      ?.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    expect(emitted.at(-1)).toEqual({
      source: 'POINTS',
      points: [
        { value: '60', payout: '50' },
        { value: '70', payout: '100' },
        { value: '80', payout: '200' },
      ],
    });
    element
      .querySelector<HTMLInputElement>('input[type="radio"][value="TARGETS"]')
      ?.dispatchEvent(new Event('change'));
    expect(emitted.at(-1)).toEqual({ source: 'TARGETS', payouts: ['50', '100', '200'] });
  });
});

describe('curve data', () => {
  const points: PayoutPoint[] = [
    { value: '3.0', payout: '50' },
    { value: '2.5', payout: '100' },
    { value: '2.0', payout: '200' },
  ];

  it('draws the flat part beyond the last point on the better side, and 0 % on the other', () => {
    const chart = curveChart(points, 'lower');
    expect(chart?.series[0].series.at(-1)).toMatchObject({ name: 1.8, value: 200 });
    expect(chart?.series[1].series.map((point) => [point.name, point.value])).toEqual([
      [3.2, 0],
      [3, 0],
    ]);
  });

  it('orders points by value in the better direction', () => {
    expect(orderedPoints([points[2], points[0], points[1]], 'lower')).toEqual(points);
    expect(orderedPoints([{ value: 'x', payout: '1' }], 'higher')).toBeNull();
  });

  it('continues with the last step, or 10 after a single point', () => {
    expect(nextPoint([{ value: '40', payout: '100' }], 'higher')).toEqual({ value: '50', payout: '100' });
    expect(nextPoint(points, 'lower')).toEqual({ value: '1.5', payout: '200' });
  });
});
