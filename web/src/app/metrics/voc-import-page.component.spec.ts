import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { VocImport } from '@lodestar/contracts';
import { POLL_INTERVAL_MS, VocImportPageComponent } from './voc-import-page.component';
import { VocImportService } from './voc-import.service';

const ID = '6f1c2a57-9f3e-4d7a-8a55-0c6ad1e0b111';
const API = '/api/v1/voc/imports';

const job = (overrides: Partial<VocImport>): VocImport => ({
  id: ID,
  status: 'running',
  fileName: 'answers.csv',
  bytesRead: 0,
  totalBytes: 1000,
  rowsProcessed: 0,
  inserted: 0,
  duplicates: 0,
  rejected: 0,
  errors: [],
  failure: null,
  createdAt: '2026-11-23T10:00:00.000Z',
  startedAt: '2026-11-23T10:00:01.000Z',
  finishedAt: null,
  ...overrides,
});

function setUp() {
  jest.useFakeTimers();
  TestBed.configureTestingModule({
    imports: [VocImportPageComponent],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
      provideRouter([]),
      VocImportService,
    ],
  });
  const fixture = TestBed.createComponent(VocImportPageComponent);
  const element: HTMLElement = fixture.nativeElement;
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  const render = () => fixture.detectChanges();
  const choose = (file: File) => {
    const input = element.querySelector<HTMLInputElement>('input[type=file]');
    if (!input) throw new Error('no file input');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    render();
  };
  const progressBars = () => Array.from(element.querySelectorAll<HTMLElement>('[role="progressbar"]'));
  return { fixture, element, http, render, choose, progressBars };
}

describe('VoC import page', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    jest.useRealTimers();
  });

  it('uploads the chosen file, follows the import to its end and lists the rejected rows', () => {
    const { element, http, render, choose, progressBars } = setUp();
    http.expectOne({ method: 'GET', url: API }).flush([]);
    render();
    expect(element.querySelector('h1')?.textContent).toBe('VoC import');
    expect(element.textContent).toContain(
      'response_id,responded_at,account,org_unit,survey,score,cause,comment',
    );
    expect(element.textContent).toContain('No imports yet');

    choose(
      new File(['response_id,responded_at,org_unit,survey,score\n'], 'answers.csv', { type: 'text/csv' }),
    );
    const post = http.expectOne({ method: 'POST', url: API });
    expect(post.request.body).toBeInstanceOf(FormData);
    expect((post.request.body as FormData).get('file')).toBeInstanceOf(File);
    expect(post.request.reportProgress).toBe(true);

    post.event({ type: HttpEventType.UploadProgress, loaded: 25, total: 50 });
    render();
    expect(
      progressBars().map((bar) => [bar.getAttribute('aria-label'), bar.getAttribute('aria-valuenow')]),
    ).toEqual([['Upload progress', '50']]);
    expect(element.querySelector<HTMLButtonElement>('button.mat-mdc-unelevated-button')?.disabled).toBe(true);

    post.flush({ id: ID }, { status: 202, statusText: 'Accepted' });
    jest.advanceTimersByTime(0);
    http.expectOne(`${API}/${ID}`).flush(job({ bytesRead: 480, rowsProcessed: 12345 }));
    render();
    expect(
      progressBars().map((bar) => [bar.getAttribute('aria-label'), bar.getAttribute('aria-valuenow')]),
    ).toEqual([['Import progress', '48']]);
    expect(element.textContent).toContain('12,345 rows · 48 %');

    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    http.expectOne(`${API}/${ID}`).flush(
      job({
        status: 'succeeded',
        bytesRead: 1000,
        rowsProcessed: 20000,
        inserted: 19997,
        rejected: 3,
        errors: [
          { line: 102, message: 'score "11" is not a whole number from 0 to 10 for nps' },
          { line: 5002, message: 'org_unit "nowhere" is not a unit key' },
          { line: 15002, message: 'responded_at "2025-13-45" is not an ISO date' },
        ],
        finishedAt: '2026-11-23T10:00:03.000Z',
      }),
    );
    http
      .expectOne({ method: 'GET', url: API })
      .flush([job({ status: 'succeeded', inserted: 19997, rejected: 3 })]);
    render();

    expect(progressBars().map((bar) => bar.getAttribute('aria-valuenow'))).toEqual(['100']);
    expect(element.textContent).toContain(
      'Import finished: 19,997 answers inserted, 0 duplicates skipped, 3 rows rejected.',
    );
    const rejected = Array.from(element.querySelectorAll('[data-testid="rejected-rows"] tr.mat-mdc-row')).map(
      (row) => Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim()),
    );
    expect(rejected).toEqual([
      ['102', 'score "11" is not a whole number from 0 to 10 for nps'],
      ['5002', 'org_unit "nowhere" is not a unit key'],
      ['15002', 'responded_at "2025-13-45" is not an ISO date'],
    ]);
    // Polling stopped with the final state.
    jest.advanceTimersByTime(POLL_INTERVAL_MS * 4);
    http.expectNone(`${API}/${ID}`);
  });

  it('refuses a file that is not a CSV without uploading it', () => {
    const { element, http, choose } = setUp();
    http.expectOne({ method: 'GET', url: API }).flush([]);
    choose(new File(['x'], 'answers.xlsx', { type: 'application/vnd.ms-excel.sheet' }));
    http.expectNone({ method: 'POST', url: API });
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      '“answers.xlsx” is not a CSV file',
    );
  });

  it('shows the API’s reason when the upload is refused', () => {
    const { element, http, render, choose } = setUp();
    http.expectOne({ method: 'GET', url: API }).flush([]);
    choose(new File(['x'], 'answers.csv', { type: 'text/csv' }));
    http
      .expectOne({ method: 'POST', url: API })
      .flush(
        { status: 403, detail: 'Only a CX lead can import survey answers.' },
        { status: 403, statusText: 'Forbidden' },
      );
    render();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Only a CX lead can import survey answers.',
    );
    expect(element.querySelectorAll('[role="progressbar"]').length).toBe(0);
  });

  it('shows the failure sentence of a failed import', () => {
    const { element, http, render, choose } = setUp();
    http.expectOne({ method: 'GET', url: API }).flush([]);
    choose(new File(['x'], 'answers.csv', { type: 'text/csv' }));
    http.expectOne({ method: 'POST', url: API }).flush({ id: ID }, { status: 202, statusText: 'Accepted' });
    jest.advanceTimersByTime(0);
    http
      .expectOne(`${API}/${ID}`)
      .flush(
        job({ status: 'failed', failure: 'The header lacks the column score: the first line must name …' }),
      );
    http.expectOne({ method: 'GET', url: API }).flush([]);
    render();
    expect(element.textContent).toContain('Import failed: nothing was stored.');
    expect(element.textContent).toContain('The header lacks the column score');
  });

  it('picks up an import that is still running when the page opens', () => {
    const { element, http, render } = setUp();
    http.expectOne({ method: 'GET', url: API }).flush([job({ bytesRead: 250, rowsProcessed: 900 })]);
    jest.advanceTimersByTime(0);
    http.expectOne(`${API}/${ID}`).flush(job({ bytesRead: 500, rowsProcessed: 1800 }));
    render();
    expect(element.textContent).toContain('1,800 rows · 50 %');
    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    http.expectOne(`${API}/${ID}`).flush(job({ status: 'succeeded', bytesRead: 1000, inserted: 3600 }));
    http.expectOne({ method: 'GET', url: API }).flush([]);
  });
});
