import { HttpEvent, HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Observable, Subscription } from 'rxjs';
import { importErrorsOf } from '../metrics/measurement-format';
import { isCsvFile, uploadPercent } from '../metrics/voc-import-progress';
import { formatBytes, formatInteger } from './format';
import { IconComponent } from './icon.component';
import { InlineErrorComponent } from './page-states.component';
import { problemDetail } from './problem';
import { acceptDrag, droppedFile } from './file-drop';

/** What every CSV import answers with: at least the name of the file it stored. */
export interface CsvImportResult {
  fileName: string;
}

/** Sends a file (and the reason, when the import asks for one), reporting upload progress events. */
export type CsvUpload<R extends CsvImportResult> = (file: File, reason: string) => Observable<HttpEvent<R>>;

/** The reason field an import may ask for, e.g. measurements that restate months. */
export interface CsvReasonField {
  label: string;
  hint: string;
}

type Phase = 'idle' | 'uploading' | 'storing';

/** A rejected line of a refused file. */
interface RejectedLine {
  line: number;
  message: string;
}

/** A refused file: the lines and why, or the API's one sentence when the file as a whole was refused. */
interface Refusal {
  fileName: string;
  detail: string;
  errors: RejectedLine[];
}

/**
 * Loads rows from a CSV file, all or nothing: the upload's progress, then the API's summary of what
 * was stored, or every rejected line and the plain fact that nothing was stored. What it uploads to,
 * the expected columns, the template and the summary sentence come from the page that uses it; the
 * explanation of the columns is projected into it.
 */
@Component({
  selector: 'ls-csv-import',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    IconComponent,
    InlineErrorComponent,
  ],
  template: `
    <section class="ls-panel import" [attr.aria-labelledby]="titleId()" [id]="sectionId()">
      <header class="ls-chart-head">
        <div>
          <h2 [id]="titleId()" tabindex="-1">{{ title() }}</h2>
          <p class="ls-muted">
            All or nothing: if any line is wrong, nothing is stored and every wrong line is listed.
          </p>
        </div>
        <button mat-button type="button" (click)="downloadTemplate()">
          <ls-icon name="download" />Download a template
        </button>
      </header>
      <div class="body">
        <div class="left">
          <div
            class="drop"
            [class.over]="dragging()"
            [class.disabled]="busy()"
            (dragover)="dragOver($event)"
            (dragleave)="dragging.set(false)"
            (drop)="dropped($event)"
            [attr.data-testid]="dropTestId()"
          >
            <ls-icon name="upload" class="drop-icon" />
            @if (file(); as chosen) {
              <p class="chosen">
                <ls-icon name="file" /><strong>{{ chosen.name }}</strong>
                <span class="ls-muted">{{ size(chosen) }}</span>
              </p>
            } @else {
              <p>Drag a CSV file here, or</p>
            }
            <button mat-stroked-button type="button" (click)="fileInput.click()" [disabled]="busy()">
              <ls-icon name="file" />{{ file() ? 'Choose another file' : 'Choose a CSV file' }}
            </button>
            <input
              #fileInput
              type="file"
              accept=".csv,text/csv"
              class="ls-visually-hidden"
              tabindex="-1"
              [attr.aria-label]="fileLabel()"
              [disabled]="busy()"
              (change)="chosen(fileInput)"
            />
          </div>
          @if (reasonField(); as field) {
            <mat-form-field class="reason">
              <mat-label>{{ field.label }}</mat-label>
              <input
                matInput
                name="reason"
                [ngModel]="reason()"
                (ngModelChange)="reason.set($event)"
                [disabled]="busy()"
                maxlength="500"
                autocomplete="off"
              />
              <mat-hint>{{ field.hint }}</mat-hint>
            </mat-form-field>
          }
          <div class="ls-actions">
            <button mat-flat-button type="button" (click)="upload()" [disabled]="!file() || busy()">
              <ls-icon name="upload" />Import
            </button>
          </div>
          @if (choiceProblem(); as problem) {
            <ls-inline-error [detail]="problem" />
          }
        </div>
        <div class="right">
          <p>The first line names the columns, in any order:</p>
          <pre class="ls-mono code" aria-label="Expected header">{{ header() }}</pre>
          <ng-content />
        </div>
      </div>

      <div class="outcome" role="status">
        @if (phase() === 'uploading') {
          <p class="progress-title">Uploading {{ file()?.name }}…</p>
        } @else if (phase() === 'storing') {
          <p class="progress-title">Checking and storing the rows…</p>
        } @else if (result(); as done) {
          <p class="summary ok" data-testid="import-summary">
            <ls-icon name="ok" /><span>{{ done.fileName }} imported: {{ summary()(done) }}</span>
          </p>
        } @else if (refusal(); as refused) {
          <div class="summary bad" data-testid="import-refused">
            <ls-icon name="error" />
            <div>
              @if (refused.errors.length) {
                <p>
                  Nothing was stored: {{ lines(refused.errors.length) }} of {{ refused.fileName }}
                  {{ refused.errors.length === 1 ? 'was' : 'were' }} rejected. Fix
                  {{ refused.errors.length === 1 ? 'it' : 'them' }} and import the file again.
                </p>
              } @else {
                <p>Nothing was stored. {{ refused.detail }}</p>
              }
            </div>
          </div>
        }
      </div>
      @if (busy()) {
        <div class="progress">
          <mat-progress-bar
            [mode]="phase() === 'storing' || uploaded() === null ? 'indeterminate' : 'determinate'"
            [value]="uploaded() ?? 0"
            aria-label="Upload progress"
          />
          @if (phase() === 'uploading' && uploaded() !== null) {
            <p class="ls-muted small">{{ uploaded() }} % sent</p>
          }
        </div>
      }
      @if (refusal()?.errors?.length) {
        <div class="scroll">
          <table class="ls-data-table rejected" data-testid="import-errors">
            <caption class="ls-visually-hidden">
              Rejected lines of the file, with the reason
            </caption>
            <thead>
              <tr>
                <th scope="col" class="ls-num">Line</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              @for (error of refusal()?.errors ?? []; track $index) {
                <tr>
                  <td class="ls-num">{{ error.line }}</td>
                  <td>{{ error.message }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      container-type: inline-size;
    }
    .body {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      gap: 16px;
      padding: 0 16px 12px;
    }
    @media (max-width: 1100px) {
      .body {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    @container (max-width: 720px) {
      .body {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .left {
      display: flex;
      flex-direction: column;
      gap: 10px;
    }
    .drop {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 6px;
      min-height: 120px;
      padding: 14px;
      border: 2px dashed var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
      text-align: center;
    }
    .drop.over {
      border-color: var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
    }
    .drop.disabled {
      opacity: 0.6;
    }
    .drop-icon {
      --ls-icon-size: 30px;
      color: var(--mat-sys-primary);
    }
    .chosen {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      --ls-icon-size: 18px;
    }
    p {
      margin: 0;
    }
    .right {
      font-size: 0.875rem;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .right ::ng-deep ul {
      margin: 0;
      padding-left: 18px;
      display: grid;
      gap: 4px;
    }
    .code {
      margin: 0;
      padding: 8px 10px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
      overflow-x: auto;
    }
    .right ::ng-deep code {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace;
      font-size: 0.9em;
    }
    .outcome,
    .progress {
      padding: 0 16px;
    }
    .outcome:not(:empty) {
      padding-bottom: 10px;
    }
    .progress {
      padding-bottom: 12px;
    }
    .progress-title {
      font-weight: 500;
      margin-bottom: 6px;
    }
    .small {
      font-size: 0.8rem;
      margin-top: 4px;
    }
    .summary {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      padding: 10px 12px;
      border-radius: 8px;
      font-weight: 500;
    }
    .summary.ok {
      background: var(--ls-ok-container);
      color: var(--ls-ok);
    }
    .summary.bad {
      background: var(--ls-bad-container);
      color: var(--ls-bad);
    }
    .scroll {
      max-height: 320px;
      overflow: auto;
      border-top: 1px solid var(--ls-border);
    }
    .rejected th,
    .rejected td {
      padding: 6px 16px;
      text-align: left;
      border-bottom: 1px solid var(--ls-border);
    }
    .rejected .ls-num {
      width: 70px;
      text-align: right;
    }
  `,
})
export class CsvImportComponent<R extends CsvImportResult = CsvImportResult> {
  private readonly destroyRef = inject(DestroyRef);

  /** Sends the chosen file. */
  readonly send = input.required<CsvUpload<R>>();
  /** The columns of the header line. */
  readonly columns = input.required<readonly string[]>();
  /** The template's text (header and example rows) and the name it is saved under. */
  readonly template = input.required<string>();
  readonly templateFileName = input.required<string>();
  /** What the stored rows were, in one sentence after "<file> imported: ". */
  readonly summary = input.required<(result: R) => string>();
  /** What the rows are, as in "Save the targets as .csv". */
  readonly rowsName = input.required<string>();
  /** The file input's accessible name, e.g. "Targets CSV file". */
  readonly fileLabel = input.required<string>();
  readonly reasonField = input<CsvReasonField | null>(null);
  readonly title = input('Import a CSV');
  readonly titleId = input('import-title');
  readonly sectionId = input('csv-import');
  readonly dropTestId = input('csv-drop');
  readonly imported = output<R>();

  protected readonly header = computed(() => this.columns().join(','));
  protected readonly phase = signal<Phase>('idle');
  protected readonly dragging = signal(false);
  protected readonly file = signal<File | null>(null);
  protected readonly reason = signal('');
  protected readonly uploaded = signal<number | null>(null);
  protected readonly result = signal<R | null>(null);
  protected readonly refusal = signal<Refusal | null>(null);
  protected readonly choiceProblem = signal<string | null>(null);
  protected readonly busy = computed(() => this.phase() !== 'idle');
  private request: Subscription | null = null;

  protected size(file: File): string {
    return formatBytes(file.size);
  }

  protected lines(count: number): string {
    return `${formatInteger(count)} ${count === 1 ? 'line' : 'lines'}`;
  }

  protected chosen(input: HTMLInputElement): void {
    const file = input.files?.[0];
    input.value = '';
    if (file) this.choose(file);
  }

  protected dragOver(event: DragEvent): void {
    this.dragging.set(acceptDrag(event, this.busy()));
  }

  protected dropped(event: DragEvent): void {
    this.dragging.set(false);
    const drop = droppedFile(event, this.busy());
    if (drop && 'problem' in drop) this.choiceProblem.set(drop.problem);
    else if (drop) this.choose(drop.file);
  }

  private choose(file: File): void {
    this.choiceProblem.set(null);
    this.result.set(null);
    this.refusal.set(null);
    if (!isCsvFile(file)) {
      this.file.set(null);
      this.choiceProblem.set(
        `“${file.name}” is not a CSV file. Save the ${this.rowsName()} as .csv and choose that file.`,
      );
      return;
    }
    if (file.size === 0) {
      this.file.set(null);
      this.choiceProblem.set(`“${file.name}” is empty.`);
      return;
    }
    this.file.set(file);
  }

  protected upload(): void {
    const file = this.file();
    if (!file || this.busy()) return;
    this.result.set(null);
    this.refusal.set(null);
    this.choiceProblem.set(null);
    this.phase.set('uploading');
    this.uploaded.set(0);
    this.request?.unsubscribe();
    this.request = this.send()(file, this.reasonField() ? this.reason() : '')
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress) {
            const percent = uploadPercent(event.loaded, event.total ?? file.size);
            this.uploaded.set(percent);
            if (percent === 100) this.phase.set('storing');
          } else if (event.type === HttpEventType.Response && event.body) {
            this.phase.set('idle');
            this.result.set(event.body);
            this.file.set(null);
            this.reason.set('');
            this.imported.emit(event.body);
          }
        },
        error: (error: unknown) => {
          this.phase.set('idle');
          this.refusal.set({
            fileName: file.name,
            detail: problemDetail(error),
            errors: importErrorsOf(error),
          });
        },
      });
  }

  /** The template, built by the page and saved by the browser. */
  protected downloadTemplate(): void {
    const blob = new Blob([this.template()], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = this.templateFileName();
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url));
  }
}
