import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import type { CxResult, OrgUnitNode, SurveyType } from '@lodestar/contracts';
import { VocExplorerPageComponent } from './voc-explorer-page.component';

const unit = (key: string, name: string, children: OrgUnitNode[] = []): OrgUnitNode => ({
  id: key,
  key,
  name,
  type: children.length ? 'FUNCTION' : 'TEAM',
  parentId: null,
  leader: null,
  headcount: 1,
  children,
});

const TREE = [
  unit('company', 'Helix', [unit('service', 'Service', [unit('field-service', 'Field Service')])]),
];

const result = (metric: SurveyType, n: number, value: number | null): CxResult => ({
  metric,
  orgUnit: 'service',
  period: 'FY2026',
  value,
  n,
  marginOfError: n ? 3.04 : null,
  insufficientSample: n < 30,
  minimumSample: 30,
  breakdown: {},
  distribution: Array.from({ length: metric === 'nps' ? 11 : 5 }, (_, score) => ({
    score,
    count: 1,
    share: 0.1,
  })),
});

function setUp(query: { unit?: string; period?: string }) {
  TestBed.configureTestingModule({
    imports: [VocExplorerPageComponent],
    providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations(), provideRouter([])],
  });
  const fixture = TestBed.createComponent(VocExplorerPageComponent);
  if (query.unit) fixture.componentRef.setInput('unit', query.unit);
  if (query.period) fixture.componentRef.setInput('period', query.period);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  http.expectOne('/api/v1/org-units').flush(TREE);
  http.expectOne('/api/v1/settings/fiscal-calendar').flush({ startMonth: 10, timeZone: 'UTC' });
  fixture.detectChanges();
  const results = () =>
    http.match((request) => request.url === '/api/v1/cx/results').map((request: TestRequest) => request);
  return { fixture, http, element: fixture.nativeElement as HTMLElement, results };
}

describe('VoC explorer page', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('loads the three results of the unit and period in the link and shows them as cards', () => {
    const { fixture, http, element, results } = setUp({ unit: 'service', period: 'FY2026' });
    const requests = results();
    expect(requests.map((request) => request.request.urlWithParams)).toEqual([
      '/api/v1/cx/results?orgUnit=service&period=FY2026&metric=nps',
      '/api/v1/cx/results?orgUnit=service&period=FY2026&metric=csat',
      '/api/v1/cx/results?orgUnit=service&period=FY2026&metric=ces',
    ]);
    requests[0].flush(result('nps', 2482, 33.6));
    requests[1].flush(result('csat', 12, 87.5));
    requests[2].flush(result('ces', 2537, 4.71));
    fixture.detectChanges();

    expect(element.querySelector('h1')?.textContent).toBe('Voice of the customer');
    expect(
      Array.from(element.querySelectorAll('[data-testid="cx-value"]')).map((value) => value.textContent),
    ).toEqual(['+34', '87.5 %', '4.7']);
    expect(element.textContent).toContain('n = 2,482');
    expect(element.textContent).toContain('Insufficient sample');
    http
      .expectOne((request) => request.url === '/api/v1/cx/pareto' && request.params.get('survey') === 'nps')
      .flush([]);
    http
      .expectOne(
        (request) => request.url === '/api/v1/voc/comments' && request.params.get('orgUnit') === 'service',
      )
      .flush({ items: [], total: 0, page: 1, pageSize: 10 });
    fixture.detectChanges();
    expect(element.textContent).toContain('No unhappy answers with a cause');
    expect(element.textContent).toContain('No comments for this unit and period yet');
  });

  it('opens on the company and the current fiscal year, and says what to do without answers', () => {
    const { fixture, element, results } = setUp({});
    const requests = results();
    expect(requests[0].request.params.get('orgUnit')).toBe('company');
    expect(requests[0].request.params.get('period')).toMatch(/^FY\d{4}$/);
    for (const [index, metric] of (['nps', 'csat', 'ces'] as const).entries())
      requests[index].flush(result(metric, 0, null));
    fixture.detectChanges();
    expect(element.textContent).toContain(
      'No answers for this unit and period yet — a CX lead can import a survey export',
    );
  });

  it('lists the units indented under their parents and puts a chosen one into the query string', async () => {
    const { fixture, element, results } = setUp({ unit: 'service', period: 'FY2026' });
    results().forEach((request, index) =>
      request.flush(result(['nps', 'csat', 'ces'][index] as SurveyType, 0, null)),
    );
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    element.querySelector<HTMLElement>('.unit .mat-mdc-select-trigger')?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    const options = Array.from(document.querySelectorAll<HTMLElement>('.ls-unit-panel mat-option'));
    expect(options.map((option) => option.textContent?.trim())).toEqual([
      'Helix',
      'Service',
      'Field Service',
    ]);
    expect(options.map((option) => option.querySelector('span span')?.getAttribute('style'))).toEqual([
      'padding-left: 0px;',
      'padding-left: 16px;',
      'padding-left: 32px;',
    ]);
    options[2].click();
    expect(navigate).toHaveBeenCalledWith(
      [],
      expect.objectContaining({ queryParams: { unit: 'field-service', period: 'FY2026' } }),
    );
  });

  it('shows the API’s reason when a unit does not exist', () => {
    const { fixture, element, results } = setUp({ unit: 'nowhere', period: 'FY2026' });
    const problem = { status: 404, detail: 'There is no org unit with the key "nowhere".' };
    for (const request of results()) {
      if (!request.cancelled) request.flush(problem, { status: 404, statusText: 'Not Found' });
    }
    fixture.detectChanges();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'There is no org unit with the key "nowhere".',
    );
  });
});
