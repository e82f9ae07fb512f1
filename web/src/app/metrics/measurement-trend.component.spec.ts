import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { MeasuredMetric, TrendRow } from './measurement-format';
import { MeasurementTrendComponent } from './measurement-trend.component';

const QUOTA: MeasuredMetric = {
  key: 'quota_attainment',
  name: 'Quota attainment',
  unit: 'percent',
  aggregation: 'ratio',
  direction: 'higher',
};

const row = (values: (number | null)[]): TrendRow => ({
  orgUnit: 'sales',
  unitName: 'Sales',
  points: values.map((value, index) => ({
    period: `2025-${String(10 + index).padStart(2, '0')}`,
    value,
    text: value === null ? '—' : `${value.toFixed(1)} %`,
  })),
});

function setUp(trend: TrendRow | null) {
  TestBed.configureTestingModule({
    imports: [MeasurementTrendComponent],
    providers: [provideNoopAnimations()],
  });
  const fixture = TestBed.createComponent(MeasurementTrendComponent);
  fixture.componentRef.setInput('metric', QUOTA);
  fixture.componentRef.setInput('period', 'FY2026');
  fixture.componentRef.setInput('row', trend);
  fixture.detectChanges();
  return { fixture, element: fixture.nativeElement as HTMLElement };
}

describe('measurement trend', () => {
  it('draws the unit’s months as a line with a summary for screen readers, and lists them as a table', () => {
    const { fixture, element } = setUp(row([103.1, null, 96]));
    expect(element.querySelector('h2')?.textContent?.trim()).toBe('Quota attainment by month');
    expect(element.querySelector('.chart')?.getAttribute('aria-label')).toBe(
      'Line chart of Quota attainment for Sales, 2 months with a value, from 103.1 % in 2025-10 to 96.0 % in 2025-12. Switch on "Show as table" for every number.',
    );
    element.querySelector<HTMLButtonElement>('mat-slide-toggle button')?.click();
    fixture.detectChanges();
    const rows = Array.from(element.querySelectorAll('[data-testid="trend-table"] tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['2025-10', '103.1 %'],
      ['2025-11', '—'],
      ['2025-12', '96.0 %'],
    ]);
  });

  it('says what to do when the unit has no value, and names the one month when there is only one', () => {
    expect(setUp(row([null, null])).element.textContent).toContain(
      'Sales has no value in FY2026. Type one into the grid or import a CSV.',
    );
    TestBed.resetTestingModule();
    expect(
      setUp(row([null, 118]))
        .element.querySelector('[data-testid="trend-single"]')
        ?.textContent?.trim(),
    ).toBe('Only 2025-11 has a value so far: 118.0 %. The line starts from two months.');
  });
});
