import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import { CompanyScorecardPageComponent } from './company-scorecard-page.component';
import { COMPANY_SCORECARD, DEFINITIONS } from './scorecard.fixtures';

function setUp(period?: string) {
  TestBed.configureTestingModule({
    imports: [CompanyScorecardPageComponent],
    providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations(), provideRouter([])],
  });
  const fixture = TestBed.createComponent(CompanyScorecardPageComponent);
  if (period) fixture.componentRef.setInput('period', period);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  http.expectOne('/api/v1/settings/fiscal-calendar').flush({ startMonth: 10, timeZone: 'UTC' });
  http.expectOne('/api/v1/metrics').flush(DEFINITIONS);
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  const cellOf = (unit: string, column: string) =>
    element.querySelector<HTMLElement>(`tr[data-unit="${unit}"] td[data-column="${column}"]`) as HTMLElement;
  const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return { fixture, http, element, cellOf, text };
}

describe('company scorecard page', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('asks for the period in the link and shows the company, then each function', () => {
    const { fixture, http, element } = setUp('FY2025-Q4');
    http.expectOne('/api/v1/scorecards/company?period=FY2025-Q4').flush(COMPANY_SCORECARD);
    fixture.detectChanges();

    expect(element.querySelector('h1')?.textContent).toBe('Company scorecard');
    const rows = Array.from(element.querySelectorAll('tbody tr[data-unit]')).map((row) =>
      row.getAttribute('data-unit'),
    );
    expect(rows).toEqual(['company', 'sales', 'operations', 'finance']);
    const headers = Array.from(element.querySelectorAll('thead tr:last-child th [aria-hidden="true"]')).map(
      (header) => header.textContent?.trim(),
    );
    expect(headers).toEqual([
      'Primary',
      'Margin / budget',
      'CX index',
      'NPS',
      'CSAT',
      'On-time delivery',
      'Escalations',
    ]);
  });

  it('offers the shown period for download as CSV and Excel', () => {
    const { fixture, http, element } = setUp('FY2025-Q4');
    http.expectOne('/api/v1/scorecards/company?period=FY2025-Q4').flush(COMPANY_SCORECARD);
    fixture.detectChanges();
    const links = Array.from(
      element.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Download this scorecard"] a'),
    );
    expect(
      links.map((link) => [
        link.textContent?.trim(),
        link.getAttribute('href'),
        link.hasAttribute('download'),
      ]),
    ).toEqual([
      ['CSV', '/api/v1/scorecards/company/export?period=FY2025-Q4&format=csv', true],
      ['Excel', '/api/v1/scorecards/company/export?period=FY2025-Q4&format=xlsx', true],
    ]);
  });

  it('opens on the last complete fiscal quarter when the link names none', () => {
    const { http } = setUp();
    const request = http.expectOne((candidate) => candidate.url === '/api/v1/scorecards/company');
    expect(request.request.params.get('period')).toMatch(/^FY\d{4}-Q[1-4]$/);
    request.flush(COMPANY_SCORECARD);
  });

  it('shows each status as a word and an icon, never as colour alone', () => {
    const { fixture, http, cellOf, text } = setUp('FY2025-Q4');
    http.expectOne('/api/v1/scorecards/company?period=FY2025-Q4').flush(COMPANY_SCORECARD);
    fixture.detectChanges();

    const quota = cellOf('sales', 'primary');
    expect(quota.getAttribute('data-status')).toBe('green');
    const chip = quota.querySelector('[data-testid="status-chip"]');
    expect(text(chip)).toBe('On target');
    expect(chip?.querySelector('ls-icon svg path')).not.toBeNull();
    expect(text(cellOf('sales', 'nps').querySelector('[data-testid="status-chip"]'))).toBe('Off track');
    expect(text(cellOf('sales', 'cx_index').querySelector('[data-testid="status-chip"]'))).toBe('At risk');
  });

  it('formats NPS signed with its margin, percentages with one decimal, money with its currency, counts whole', () => {
    const { fixture, http, cellOf, text } = setUp('FY2025-Q4');
    http.expectOne('/api/v1/scorecards/company?period=FY2025-Q4').flush(COMPANY_SCORECARD);
    fixture.detectChanges();

    const nps = cellOf('sales', 'nps');
    expect(text(nps.querySelector('[data-testid="value"]'))).toBe('+22');
    expect(text(nps.querySelector('.moe'))).toBe('± 6.1');
    expect(text(nps.querySelector('[data-testid="target"]'))).toBe('tgt +35');
    expect(text(cellOf('sales', 'primary').querySelector('.caption'))).toBe('Quota');
    expect(text(cellOf('sales', 'primary').querySelector('[data-testid="value"]'))).toBe('112.4 %');
    expect(text(cellOf('company', 'primary').querySelector('[data-testid="value"]'))).toBe('€152M');
    expect(text(cellOf('company', 'escalations').querySelector('[data-testid="value"]'))).toBe('41');
    // The whole cell reads as one sentence for screen readers, the trend included.
    expect(text(nps.querySelector('.ls-visually-hidden'))).toContain('Sales · Net Promoter Score: +22 ± 6.1');
    expect(nps.querySelector('[data-testid="sparkline"] title')?.textContent).toContain('FY2025-Q4 +22');
  });

  it('marks a result within its margin of error of the target, and an insufficient sample as such', () => {
    const { fixture, http, cellOf, text } = setUp('FY2025-Q4');
    http.expectOne('/api/v1/scorecards/company?period=FY2025-Q4').flush(COMPANY_SCORECARD);
    fixture.detectChanges();

    const csat = cellOf('sales', 'csat');
    expect(csat.querySelector('[data-testid="within-margin"]')?.getAttribute('title')).toBe(
      'Within margin of error of target',
    );
    expect(cellOf('sales', 'nps').querySelector('[data-testid="within-margin"]')).toBeNull();
    const finance = cellOf('finance', 'nps');
    expect(finance.getAttribute('data-status')).toBe('insufficient');
    expect(text(finance.querySelector('[data-testid="status-chip"]'))).toBe('Insufficient sample');
  });

  it('spells out the cell in focus and moves between cells with the arrow keys', () => {
    const { fixture, http, cellOf, element, text } = setUp('FY2025-Q4');
    http.expectOne('/api/v1/scorecards/company?period=FY2025-Q4').flush(COMPANY_SCORECARD);
    fixture.detectChanges();

    const first = cellOf('company', 'primary');
    expect(first.getAttribute('tabindex')).toBe('0');
    first.focus();
    first.dispatchEvent(new FocusEvent('focus'));
    fixture.detectChanges();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    fixture.detectChanges();
    expect(cellOf('sales', 'primary').getAttribute('tabindex')).toBe('0');
    expect(document.activeElement).toBe(cellOf('sales', 'primary'));
    expect(text(element.querySelector('[data-testid="cell-details"]'))).toContain(
      'Sales · Primary commercial metric, Quota attainment: 112.4 %',
    );
  });

  it('opens a function from its row', () => {
    const { fixture, http, cellOf } = setUp('FY2025-Q4');
    http.expectOne('/api/v1/scorecards/company?period=FY2025-Q4').flush(COMPANY_SCORECARD);
    fixture.detectChanges();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    cellOf('operations', 'nps').click();
    expect(navigate).toHaveBeenCalledWith(['/scorecards', 'operations'], {
      queryParams: { period: 'FY2025-Q4' },
    });
    const link = fixture.nativeElement.querySelector('tr[data-unit="operations"] a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/scorecards/operations?period=FY2025-Q4');
  });

  it('gives the balance chart a table with the same numbers and ranks the CX leaderboard by lower bound', () => {
    const { fixture, http, element, text } = setUp('FY2025-Q4');
    http.expectOne('/api/v1/scorecards/company?period=FY2025-Q4').flush(COMPANY_SCORECARD);
    fixture.detectChanges();

    const balance = element.querySelector('[data-testid="balance-chart"]') as HTMLElement;
    expect(text(balance.querySelector('[data-testid="balance-unplaced"]'))).toBe(
      'Not on the chart: Finance (CX index: insufficient sample).',
    );
    balance.querySelector<HTMLElement>('mat-slide-toggle button')?.click();
    fixture.detectChanges();
    const rows = Array.from(balance.querySelectorAll('[data-testid="balance-table"] tbody tr')).map((row) =>
      Array.from(row.children).map(text),
    );
    expect(rows).toEqual([
      ['Sales', 'Quota attainment', '112.4 %', '131', '62', '48', 'Commercial ahead of CX'],
      [
        'Operations',
        'Budget attainment (spend ÷ budget)',
        '104.2 %',
        '43',
        '24',
        '64',
        'Both short of target',
      ],
    ]);

    const board = element.querySelector('[data-testid="cx-leaderboard"]') as HTMLElement;
    expect(
      Array.from(board.querySelectorAll('tbody tr')).map((row) => Array.from(row.children).map(text)),
    ).toEqual([
      ['1', 'Sales', '+22 ± 6.1', '+16', '820'],
      ['2', 'Operations', '+9 ± 8.8', '0', '410'],
    ]);
    expect(text(board.querySelector('[data-testid="leaderboard-left-out"]'))).toBe(
      'Left out, insufficient sample: Finance (n = 12).',
    );
  });

  it('says what went wrong and tries again', () => {
    const { fixture, http, element } = setUp('FY2025-Q9');
    http
      .expectOne('/api/v1/scorecards/company?period=FY2025-Q9')
      .flush(
        { status: 400, detail: '"FY2025-Q9" is not a period label.' },
        { status: 400, statusText: 'Bad Request' },
      );
    fixture.detectChanges();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      '"FY2025-Q9" is not a period label.',
    );
    element.querySelector<HTMLButtonElement>('[role="alert"] button')?.click();
    http.expectOne('/api/v1/scorecards/company?period=FY2025-Q9').flush(COMPANY_SCORECARD);
    fixture.detectChanges();
    expect(element.querySelector('[data-testid="scorecard-grid"]')).not.toBeNull();
  });
});
