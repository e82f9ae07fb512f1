import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { CxIndexWeights } from '@lodestar/contracts';
import { CxIndexWeightsComponent } from './cx-index-weights.component';
import { METRICS, UNITS } from './target.fixtures';
import { TargetsService } from './targets.service';

const API = '/api/v1/cx-index/weights';
const DEFAULT: CxIndexWeights = {
  orgUnit: null,
  basis: 'default',
  weights: [
    { metric: 'nps', weight: '40' },
    { metric: 'csat', weight: '20' },
    { metric: 'complaint_rate', weight: '25' },
    { metric: 'escalations', weight: '15' },
  ],
};
const SALES: CxIndexWeights = {
  orgUnit: 'sales',
  basis: 'own',
  weights: [
    { metric: 'nps', weight: '60' },
    { metric: 'csat', weight: '40' },
  ],
};

function setUp() {
  TestBed.configureTestingModule({
    imports: [CxIndexWeightsComponent],
    providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations(), TargetsService],
  });
  const fixture = TestBed.createComponent(CxIndexWeightsComponent);
  fixture.componentRef.setInput('metrics', METRICS);
  fixture.componentRef.setInput('units', UNITS);
  const element: HTMLElement = fixture.nativeElement;
  document.body.appendChild(element);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  const render = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  const text = (testId: string) =>
    element.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
  const weights = () =>
    Array.from(element.querySelectorAll<HTMLInputElement>('[data-testid="weights-table"] tbody input')).map(
      (input) => [input.id.replace('weight-', ''), input.value],
    );
  const type = (metric: string, value: string) => {
    const input = element.querySelector<HTMLInputElement>(`#weight-${metric}`);
    if (!input) throw new Error(`no weight input for ${metric}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const button = (label: string) =>
    Array.from(element.querySelectorAll<HTMLButtonElement>('button')).find(
      (candidate) => candidate.textContent?.trim() === label,
    );
  const chooseUnit = async (name: string) => {
    element.querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await render();
    Array.from(document.querySelectorAll<HTMLElement>('.ls-weights-unit-panel mat-option'))
      .find((option) => option.textContent?.trim() === name)
      ?.click();
    await render();
  };
  return { fixture, element, http, render, text, weights, type, button, chooseUnit };
}

describe('CX index weights', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    document.body.replaceChildren();
  });

  it('shows the company default with every CX metric but the index, and a total of 100 %', async () => {
    const { http, render, text, weights } = setUp();
    http.expectOne(API).flush(DEFAULT);
    await render();
    expect(text('weights-basis')).toBe(
      'The company default: every unit without weights of its own uses these.',
    );
    expect(weights()).toEqual([
      ['nps', '40'],
      ['csat', '20'],
      ['complaint_rate', '25'],
      ['escalations', '15'],
    ]);
    expect(text('weights-total')).toBe('100 %');
    expect(text('weights-problem')).toBeUndefined();
  });

  it('totals a unit’s weights as they are typed and refuses to save a total that is not 100 %', async () => {
    const { http, render, text, type, button, chooseUnit, element } = setUp();
    http.expectOne(API).flush(DEFAULT);
    await render();
    await chooseUnit('Sales');
    http.expectOne(`${API}?orgUnit=sales`).flush(SALES);
    await render();
    expect(text('weights-basis')).toBe('Sales uses its own weights.');

    type('csat', '30');
    await render();
    expect(text('weights-total')).toBe('90 %');
    expect(text('weights-problem')).toBe('The weights add up to 90 %, not 100 %.');
    button('Save weights')?.click();
    await render();
    http.expectNone({ method: 'PUT', url: API });
    expect(element.querySelector('[data-testid="weights-problem"]')?.getAttribute('role')).toBe('alert');

    type('complaint_rate', '10');
    await render();
    expect(text('weights-total')).toBe('100 %');
    expect(text('weights-problem')).toBeUndefined();
    button('Save weights')?.click();
    await render();
    const put = http.expectOne({ method: 'PUT', url: API });
    expect(put.request.body).toEqual({
      orgUnit: 'sales',
      weights: [
        { metric: 'nps', weight: '60' },
        { metric: 'csat', weight: '30' },
        { metric: 'complaint_rate', weight: '10' },
      ],
    });
    put.flush({ ...SALES, weights: put.request.body.weights });
    await render();
    expect(text('weights-notice')).toBe('The CX index weights of Sales were saved.');
  });

  it('shows the API’s refusal of a save', async () => {
    const { http, render, type, button, element } = setUp();
    http.expectOne(API).flush(DEFAULT);
    await render();
    type('nps', '40.0');
    button('Save weights')?.click();
    await render();
    http
      .expectOne({ method: 'PUT', url: API })
      .flush(
        { detail: 'The CX index weights of the company default were not saved: weights[0]: …' },
        { status: 400, statusText: 'Bad Request' },
      );
    await render();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'The CX index weights of the company default were not saved',
    );
  });

  it('says a unit without weights uses the default, and gives a unit’s own weights back to the default', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { http, render, text, button, chooseUnit } = setUp();
    http.expectOne(API).flush(DEFAULT);
    await render();
    await chooseUnit('Service');
    http.expectOne(`${API}?orgUnit=service`).flush({ ...DEFAULT, orgUnit: 'service' });
    await render();
    expect(text('weights-basis')).toBe(
      'Service uses the company default. Saving gives it weights of its own.',
    );
    expect(button('Use the company default')).toBeUndefined();

    await chooseUnit('Sales');
    http.expectOne(`${API}?orgUnit=sales`).flush(SALES);
    await render();
    button('Use the company default')?.click();
    await render();
    const dialog = document.querySelector('ls-confirm-dialog');
    expect(dialog?.textContent).toContain('Use the company default for Sales?');
    Array.from(dialog?.querySelectorAll('button') ?? [])
      .find((candidate) => candidate.textContent?.trim() === 'Use the company default')
      ?.click();
    await render();
    const removal = http.expectOne({ method: 'DELETE', url: `${API}?orgUnit=sales` });
    removal.flush({ ...DEFAULT, orgUnit: 'sales' });
    await render();
    expect(text('weights-basis')).toBe('Sales uses the company default. Saving gives it weights of its own.');
    expect(text('weights-notice')).toBe('Sales uses the company default again.');
    warn.mockRestore();
  });
});
