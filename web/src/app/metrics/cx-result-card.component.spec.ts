import { TestBed } from '@angular/core/testing';
import type { CxResult } from '@lodestar/contracts';
import { CxResultCardComponent } from './cx-result-card.component';

const result = (overrides: Partial<CxResult>): CxResult => ({
  metric: 'nps',
  orgUnit: 'service',
  period: 'FY2026',
  value: 33,
  n: 100,
  marginOfError: 14.68,
  insufficientSample: false,
  minimumSample: 30,
  breakdown: { promotersShare: 0.5, detractorsShare: 0.17 },
  distribution: [],
  ...overrides,
});

function render(value: CxResult): HTMLElement {
  TestBed.configureTestingModule({ imports: [CxResultCardComponent] });
  const fixture = TestBed.createComponent(CxResultCardComponent);
  fixture.componentRef.setInput('result', value);
  fixture.detectChanges();
  return fixture.nativeElement;
}

describe('CX result card', () => {
  it('shows the value, its margin and the sample size', () => {
    const element = render(result({}));
    expect(element.querySelector('h3')?.textContent).toBe('NPS');
    expect(element.querySelector('[data-testid="cx-value"]')?.textContent).toBe('+33');
    expect(element.querySelector('.margin')?.textContent).toContain('± 14.7');
    expect(element.textContent).toContain('n = 100');
    expect(element.textContent).not.toContain('Insufficient sample');
  });

  it('marks a small sample with a word and an icon', () => {
    const element = render(result({ metric: 'csat', value: 87.5, n: 12, insufficientSample: true }));
    expect(element.querySelector('[data-testid="cx-value"]')?.textContent).toBe('87.5 %');
    const badge = element.querySelector('.badge');
    expect(badge?.textContent).toContain('Insufficient sample');
    expect(badge?.querySelector('ls-icon')).not.toBeNull();
  });

  it('says so when there are no answers', () => {
    const element = render(
      result({ metric: 'ces', value: null, n: 0, marginOfError: null, insufficientSample: true }),
    );
    expect(element.textContent).toContain('No CES answers in this period.');
    expect(element.textContent).not.toContain('Insufficient sample');
  });
});
