import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { MeasurementImportResult } from '@lodestar/contracts';
import { MeasurementImportComponent } from './measurement-import.component';
import { MeasurementsService } from './measurements.service';

const API = '/api/v1/measurements/imports';

function setUp() {
  TestBed.configureTestingModule({
    imports: [MeasurementImportComponent],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
      MeasurementsService,
    ],
  });
  const fixture = TestBed.createComponent(MeasurementImportComponent);
  const element: HTMLElement = fixture.nativeElement;
  const http = TestBed.inject(HttpTestingController);
  const imported: MeasurementImportResult[] = [];
  fixture.componentInstance.imported.subscribe((result) => imported.push(result));
  fixture.detectChanges();
  const render = () => fixture.detectChanges();
  const choose = (file: File) => {
    const input = element.querySelector<HTMLInputElement>('input[type=file]');
    if (!input) throw new Error('no file input');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    render();
  };
  const button = (text: string) => {
    const found = Array.from(element.querySelectorAll<HTMLButtonElement>('button')).find(
      (candidate) => candidate.textContent?.trim() === text,
    );
    if (!found) throw new Error(`no button ${text}`);
    return found;
  };
  const typeReason = (text: string) => {
    const input = element.querySelector<HTMLInputElement>('input[name="reason"]');
    if (!input) throw new Error('no reason input');
    input.value = text;
    input.dispatchEvent(new Event('input'));
    render();
  };
  const csv = (name = 'measurements.csv') =>
    new File(['metric,org_unit,period,value\nrevenue,sales,2025-10,100\n'], name, { type: 'text/csv' });
  return { fixture, element, http, render, choose, button, typeReason, csv, imported };
}

describe('measurement CSV import', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('uploads the chosen file with the reason, shows the progress, then what was created, restated and unchanged', async () => {
    const { element, http, render, choose, button, typeReason, csv, imported } = setUp();
    expect(element.textContent).toContain('metric,org_unit,period,value,numerator,denominator,note');
    expect(button('Import').disabled).toBe(true);
    choose(csv());
    expect(element.textContent).toContain('measurements.csv');
    typeReason('Audited Q1 figures');
    button('Import').click();
    render();

    const post = http.expectOne({ method: 'POST', url: API });
    const body = post.request.body as FormData;
    expect(body.get('file')).toBeInstanceOf(File);
    expect(body.get('reason')).toBe('Audited Q1 figures');
    expect(post.request.reportProgress).toBe(true);
    post.event({ type: HttpEventType.UploadProgress, loaded: 20, total: 80 });
    render();
    const bar = element.querySelector('[role="progressbar"]');
    expect(bar?.getAttribute('aria-label')).toBe('Upload progress');
    expect(bar?.getAttribute('aria-valuenow')).toBe('25');
    expect(element.textContent).toContain('25 % sent');

    const result: MeasurementImportResult = {
      fileName: 'measurements.csv',
      received: 5,
      created: 3,
      restated: 1,
      unchanged: 1,
    };
    post.flush(result, { status: 201, statusText: 'Created' });
    render();
    await Promise.resolve();
    expect(element.querySelector('[role="progressbar"]')).toBeNull();
    expect(element.querySelector('[data-testid="import-summary"]')?.textContent?.trim()).toBe(
      'measurements.csv imported: 3 months created, 1 restated, 1 unchanged.',
    );
    expect(imported).toEqual([result]);
  });

  it('lists every rejected line and says that nothing was stored', () => {
    const { element, http, render, choose, button, csv, imported } = setUp();
    choose(csv('bad.csv'));
    button('Import').click();
    http.expectOne({ method: 'POST', url: API }).flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: '2 lines of the file are wrong: nothing was stored.',
        errors: [
          { line: 3, message: 'org_unit "nowhere" is not a unit key' },
          {
            line: 7,
            message: 'quota_attainment is a ratio metric: give numerator and denominator, not value',
          },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    render();
    expect(
      element.querySelector('[data-testid="import-refused"]')?.textContent?.replace(/\s+/g, ' ').trim(),
    ).toBe('Nothing was stored: 2 lines of bad.csv were rejected. Fix them and import the file again.');
    const rows = Array.from(element.querySelectorAll('[data-testid="import-errors"] tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['3', 'org_unit "nowhere" is not a unit key'],
      ['7', 'quota_attainment is a ratio metric: give numerator and denominator, not value'],
    ]);
    expect(imported).toEqual([]);
  });

  it('shows the API’s sentence when the file as a whole is refused', () => {
    const { element, http, render, choose, button, csv } = setUp();
    choose(csv());
    button('Import').click();
    http
      .expectOne({ method: 'POST', url: API })
      .flush(
        { detail: 'The file restates 2 months: give a reason.' },
        { status: 400, statusText: 'Bad Request' },
      );
    render();
    expect(element.querySelector('[data-testid="import-refused"]')?.textContent?.trim()).toBe(
      'Nothing was stored. The file restates 2 months: give a reason.',
    );
    expect(element.querySelector('[data-testid="import-errors"]')).toBeNull();
  });

  it('refuses a file that is not a CSV without uploading it', () => {
    const { element, http, choose, button } = setUp();
    choose(new File(['x'], 'figures.xlsx', { type: 'application/vnd.ms-excel.sheet' }));
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      '“figures.xlsx” is not a CSV file',
    );
    expect(button('Import').disabled).toBe(true);
    http.expectNone({ method: 'POST', url: API });
  });
});
