import { HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { VocImport } from '@lodestar/contracts';
import { exhaustMap, retry, Subscription, takeWhile, tap, timer } from 'rxjs';
import { formatBytes } from '../shared/format';
import { DateTimePipe, IntegerPipe } from '../shared/format.pipes';
import { IconComponent, IconName } from '../shared/icon.component';
import {
  EmptyStateComponent,
  ErrorStateComponent,
  InlineErrorComponent,
  LoadingComponent,
} from '../shared/page-states.component';
import { ShownProblem, toShownProblem } from '../shared/problem';
import { remoteResource } from '../shared/remote-resource';
import {
  importPercent,
  isCsvFile,
  isFinished,
  progressText,
  STATUS_LABELS,
  summaryText,
  uploadPercent,
  VOC_CSV_EXAMPLE,
  VOC_CSV_HEADER,
} from './voc-import-progress';
import { VocImportService } from './voc-import.service';
import { acceptDrag, droppedFile } from '../shared/file-drop';

export const POLL_INTERVAL_MS = 500;

type Phase = 'idle' | 'uploading' | 'processing';

const STATUS_ICONS: Readonly<Record<VocImport['status'], IconName>> = {
  queued: 'history',
  running: 'refresh',
  succeeded: 'ok',
  failed: 'error',
};

/**
 * VoC import (CX leads): drop or choose a survey export, watch it upload and then the server work
 * through it, and read what was stored and which rows were rejected, and why.
 */
@Component({
  selector: 'ls-voc-import-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    MatTableModule,
    IconComponent,
    IntegerPipe,
    DateTimePipe,
    LoadingComponent,
    EmptyStateComponent,
    ErrorStateComponent,
    InlineErrorComponent,
  ],
  template: `
    <section class="ls-page" aria-labelledby="import-title">
      <header class="ls-page-header">
        <div>
          <h1 id="import-title">VoC import</h1>
          <p>
            Load a survey export: answers already stored are skipped, so a file can be imported again safely.
            Results show on the <a routerLink="/voc">Voice of the customer</a> page.
          </p>
        </div>
      </header>

      <div class="top">
        <section class="ls-panel upload" aria-labelledby="upload-title">
          <h2 id="upload-title">Upload a survey export</h2>
          <div
            class="drop"
            [class.over]="dragging()"
            [class.disabled]="busy()"
            (dragover)="dragOver($event)"
            (dragleave)="dragging.set(false)"
            (drop)="dropped($event)"
          >
            <ls-icon name="upload" class="drop-icon" />
            <p class="drop-text">Drag a CSV file here, or</p>
            <button mat-flat-button type="button" (click)="fileInput.click()" [disabled]="busy()">
              <ls-icon name="file" />Choose a CSV file
            </button>
            <input
              #fileInput
              type="file"
              accept=".csv,text/csv"
              class="ls-visually-hidden"
              tabindex="-1"
              aria-label="CSV file to import"
              [disabled]="busy()"
              (change)="chosen(fileInput)"
            />
            <p class="ls-muted small">
              One file at a time, up to 4 GB. The upload starts as soon as you choose it.
            </p>
          </div>
          @if (choiceProblem(); as problem) {
            <ls-inline-error [detail]="problem" />
          }
          @if (uploadProblem(); as failure) {
            <ls-inline-error [detail]="failure.detail" [errors]="failure.errors" />
          }
        </section>

        <section class="ls-panel format" aria-labelledby="format-title">
          <h2 id="format-title">What the file must hold</h2>
          <p>The first line names the columns, in any order:</p>
          <pre class="ls-mono code" aria-label="Expected header">{{ header }}</pre>
          <ul>
            <li>
              <strong>survey</strong> is <code>nps</code> (score 0–10), <code>csat</code> (1–5) or
              <code>ces</code> (1–7, 7 = very easy).
            </li>
            <li>
              <strong>responded_at</strong> is an ISO date or date-time, e.g. <code>2026-03-14</code> or
              <code>2026-03-14T09:30:00Z</code>.
            </li>
            <li>
              <strong>org_unit</strong> is a unit key such as <code>field-service</code>; results roll up to
              every unit above it.
            </li>
            <li>
              <strong>response_id</strong> is unique: a row whose id is already stored counts as a duplicate.
            </li>
            <li>
              <strong>account</strong>, <strong>cause</strong> and <strong>comment</strong> may be empty.
            </li>
          </ul>
          <p class="ls-muted small">Example row:</p>
          <pre class="ls-mono code example">{{ example }}</pre>
        </section>
      </div>

      @if (phase() === 'uploading') {
        <section class="ls-panel status" aria-labelledby="job-title">
          <h2 id="job-title">Uploading {{ uploadName() }}</h2>
          <mat-progress-bar
            [mode]="uploaded() === null ? 'indeterminate' : 'determinate'"
            [value]="uploaded() ?? 0"
            aria-label="Upload progress"
          />
          <p class="progress-text">
            {{ uploadSize() }}{{ uploaded() === null ? '' : ' · ' + uploaded() + ' % sent' }}
          </p>
        </section>
      } @else if (job(); as current) {
        <section class="ls-panel status" aria-labelledby="job-title" [attr.data-status]="current.status">
          <div class="job-head">
            <h2 id="job-title">{{ current.fileName }}</h2>
            <span class="state" [attr.data-status]="current.status">
              <ls-icon [name]="statusIcon(current)" />{{ statusLabel(current) }}
            </span>
          </div>
          <mat-progress-bar mode="determinate" [value]="percent()" aria-label="Import progress" />
          <p class="progress-text">{{ progress() }}</p>
          @if (current.status === 'queued') {
            <p class="ls-muted">Waiting to start (an import runs once the ones before it have finished)…</p>
          } @else if (current.status === 'running' && percent() === 100) {
            <p class="ls-muted">Every row is read: storing the answers and updating the results…</p>
          }
          <!-- One live region for the whole run: screen readers hear the start and the outcome, not every tick. -->
          <div role="status" class="outcome">
            @if (current.status === 'succeeded') {
              <p class="summary ok">
                <ls-icon name="ok" />
                <span>{{ summary() }}</span>
              </p>
            } @else if (current.status === 'failed') {
              <div class="summary bad">
                <ls-icon name="error" />
                <div>
                  <p>{{ summary() }}</p>
                  <p>{{ current.failure }}</p>
                </div>
              </div>
            } @else {
              <span class="ls-visually-hidden">Importing {{ current.fileName }}…</span>
            }
          </div>
          @if (pollProblem(); as failure) {
            <ls-inline-error [detail]="'The progress could not be read: ' + failure.detail" />
            <button mat-stroked-button type="button" (click)="follow(current.id)">
              <ls-icon name="refresh" />Check again
            </button>
          }
          @if (isFinished(current.status) && current.errors.length) {
            <h3 class="rejected-title">Rejected rows</h3>
            @if (current.rejected > current.errors.length) {
              <p class="ls-muted small">
                The first {{ current.errors.length | lsInteger }} of
                {{ current.rejected | lsInteger }} rejected rows are listed.
              </p>
            }
            <div class="scroll">
              <table
                mat-table
                [dataSource]="current.errors"
                class="ls-data-table rejected"
                data-testid="rejected-rows"
              >
                <caption class="ls-visually-hidden">
                  Rejected rows by line number, with the reason
                </caption>
                <ng-container matColumnDef="line">
                  <th mat-header-cell *matHeaderCellDef scope="col" class="ls-num">Line</th>
                  <td mat-cell *matCellDef="let row" class="ls-num">{{ row.line }}</td>
                </ng-container>
                <ng-container matColumnDef="message">
                  <th mat-header-cell *matHeaderCellDef scope="col">Reason</th>
                  <td mat-cell *matCellDef="let row">{{ row.message }}</td>
                </ng-container>
                <tr mat-header-row *matHeaderRowDef="rejectedColumns; sticky: true"></tr>
                <tr mat-row *matRowDef="let row; columns: rejectedColumns"></tr>
              </table>
            </div>
          }
        </section>
      }

      <section class="ls-panel" aria-labelledby="recent-title">
        <header class="ls-chart-head">
          <div>
            <h2 id="recent-title">Recent imports</h2>
            <p class="ls-muted">The last 20, newest first</p>
          </div>
          <button mat-button type="button" (click)="loadRecent()" [disabled]="recent.loading()">
            <ls-icon name="refresh" />Refresh
          </button>
        </header>
        @if (recent.loading() && !recent.value()) {
          <ls-loading label="Loading recent imports…" />
        }
        @if (recent.problem(); as failure) {
          <div class="pad">
            <ls-error-state
              title="The recent imports could not be loaded"
              [detail]="failure.detail"
              [errors]="failure.errors"
              (retry)="loadRecent()"
            />
          </div>
        } @else if (recent.value(); as imports) {
          @if (imports.length) {
            <div class="scroll">
              <table mat-table [dataSource]="imports" class="ls-data-table recent">
                <caption class="ls-visually-hidden">
                  Recent VoC imports, newest first
                </caption>
                <ng-container matColumnDef="file">
                  <th mat-header-cell *matHeaderCellDef scope="col">File</th>
                  <td mat-cell *matCellDef="let row" class="file">{{ row.fileName }}</td>
                </ng-container>
                <ng-container matColumnDef="created">
                  <th mat-header-cell *matHeaderCellDef scope="col">Uploaded</th>
                  <td mat-cell *matCellDef="let row">{{ row.createdAt | lsDateTime }}</td>
                </ng-container>
                <ng-container matColumnDef="status">
                  <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
                  <td mat-cell *matCellDef="let row">
                    <span class="state" [attr.data-status]="row.status"
                      ><ls-icon [name]="statusIcon(row)" />{{ statusLabel(row) }}</span
                    >
                  </td>
                </ng-container>
                <ng-container matColumnDef="rows">
                  <th mat-header-cell *matHeaderCellDef scope="col" class="ls-num">Rows</th>
                  <td mat-cell *matCellDef="let row" class="ls-num">{{ row.rowsProcessed | lsInteger }}</td>
                </ng-container>
                <ng-container matColumnDef="inserted">
                  <th mat-header-cell *matHeaderCellDef scope="col" class="ls-num">Inserted</th>
                  <td mat-cell *matCellDef="let row" class="ls-num">{{ row.inserted | lsInteger }}</td>
                </ng-container>
                <ng-container matColumnDef="duplicates">
                  <th mat-header-cell *matHeaderCellDef scope="col" class="ls-num">Duplicates</th>
                  <td mat-cell *matCellDef="let row" class="ls-num">{{ row.duplicates | lsInteger }}</td>
                </ng-container>
                <ng-container matColumnDef="rejected">
                  <th mat-header-cell *matHeaderCellDef scope="col" class="ls-num">Rejected</th>
                  <td mat-cell *matCellDef="let row" class="ls-num">{{ row.rejected | lsInteger }}</td>
                </ng-container>
                <tr mat-header-row *matHeaderRowDef="recentColumns"></tr>
                <tr mat-row *matRowDef="let row; columns: recentColumns"></tr>
              </table>
            </div>
          } @else {
            <ls-empty-state title="No imports yet" icon="upload">
              Choose a CSV file above to load the first survey export.
            </ls-empty-state>
          }
        }
      </section>
    </section>
  `,
  styles: `
    .top {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      gap: 16px;
      align-items: stretch;
    }
    @media (max-width: 1100px) {
      .top {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .upload,
    .format,
    .status {
      padding: 16px;
      display: flex;
      flex-direction: column;
      gap: 10px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      font-weight: 600;
    }
    .drop {
      flex: 1;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 8px;
      min-height: 180px;
      padding: 20px;
      border: 2px dashed var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
      text-align: center;
      transition:
        background-color 120ms,
        border-color 120ms;
    }
    .drop.over {
      border-color: var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
    }
    .drop.disabled {
      opacity: 0.6;
    }
    .drop-icon {
      --ls-icon-size: 36px;
      color: var(--mat-sys-primary);
    }
    .drop-text,
    .format p,
    .status p {
      margin: 0;
    }
    .small {
      font-size: 0.8rem;
    }
    .format ul {
      margin: 0;
      padding-left: 18px;
      display: grid;
      gap: 4px;
      font-size: 0.9rem;
    }
    .code {
      margin: 0;
      padding: 8px 10px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
      overflow-x: auto;
      white-space: pre;
    }
    .example {
      font-size: 0.8rem;
      white-space: pre-wrap;
      word-break: break-all;
    }
    code {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace;
      font-size: 0.9em;
    }
    .job-head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      flex-wrap: wrap;
    }
    .progress-text {
      font-variant-numeric: tabular-nums;
    }
    .state {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      --ls-icon-size: 16px;
      white-space: nowrap;
    }
    .state[data-status='succeeded'] {
      color: var(--ls-ok);
    }
    .state[data-status='failed'] {
      color: var(--ls-bad);
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
    .rejected-title {
      font: var(--mat-sys-title-small);
      font-weight: 600;
      margin-top: 6px;
    }
    .scroll {
      max-height: 420px;
      overflow: auto;
    }
    .rejected .mat-column-line {
      width: 80px;
    }
    .recent td.file {
      max-width: 320px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .pad {
      padding: 0 16px 16px;
    }
  `,
})
export class VocImportPageComponent implements OnInit {
  private readonly imports = inject(VocImportService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly header = VOC_CSV_HEADER;
  protected readonly example = VOC_CSV_EXAMPLE;
  protected readonly rejectedColumns = ['line', 'message'];
  protected readonly recentColumns = [
    'file',
    'created',
    'status',
    'rows',
    'inserted',
    'duplicates',
    'rejected',
  ];
  protected readonly isFinished = isFinished;

  protected readonly phase = signal<Phase>('idle');
  protected readonly dragging = signal(false);
  protected readonly uploadName = signal('');
  protected readonly uploadSize = signal('');
  protected readonly uploaded = signal<number | null>(null);
  protected readonly job = signal<VocImport | null>(null);
  protected readonly choiceProblem = signal<string | null>(null);
  protected readonly uploadProblem = signal<ShownProblem | null>(null);
  protected readonly pollProblem = signal<ShownProblem | null>(null);
  protected readonly recent = remoteResource<VocImport[]>();

  protected readonly busy = computed(() => this.phase() !== 'idle');
  protected readonly percent = computed(() => {
    const job = this.job();
    return job ? importPercent(job) : 0;
  });
  protected readonly progress = computed(() => {
    const job = this.job();
    return job ? progressText(job) : '';
  });
  protected readonly summary = computed(() => {
    const job = this.job();
    return job && isFinished(job.status) ? summaryText(job) : '';
  });
  private upload: Subscription | null = null;
  private polling: Subscription | null = null;

  ngOnInit(): void {
    this.loadRecent(true);
  }

  /** Reloads the list; on the first load, picks up an import that is still running (e.g. after a reload). */
  loadRecent(resume = false): void {
    this.recent.load(
      this.imports.recent().pipe(
        tap((list) => {
          const latest = list[0];
          if (resume && latest && !isFinished(latest.status) && this.phase() === 'idle' && !this.job()) {
            this.job.set(latest);
            this.follow(latest.id);
          }
        }),
      ),
    );
  }

  protected chosen(input: HTMLInputElement): void {
    const file = input.files?.[0];
    input.value = '';
    if (file) this.start(file);
  }

  protected dragOver(event: DragEvent): void {
    this.dragging.set(acceptDrag(event, this.busy()));
  }

  protected dropped(event: DragEvent): void {
    this.dragging.set(false);
    const drop = droppedFile(event, this.busy());
    if (drop && 'problem' in drop) this.choiceProblem.set(drop.problem);
    else if (drop) this.start(drop.file);
  }

  protected start(file: File): void {
    if (this.busy()) return;
    this.choiceProblem.set(null);
    this.uploadProblem.set(null);
    if (!isCsvFile(file)) {
      this.choiceProblem.set(
        `“${file.name}” is not a CSV file. Export the survey answers as .csv and choose that file.`,
      );
      return;
    }
    if (file.size === 0) {
      this.choiceProblem.set(`“${file.name}” is empty.`);
      return;
    }
    this.polling?.unsubscribe();
    this.job.set(null);
    this.pollProblem.set(null);
    this.phase.set('uploading');
    this.uploadName.set(file.name);
    this.uploadSize.set(formatBytes(file.size));
    this.uploaded.set(0);
    this.upload?.unsubscribe();
    this.upload = this.imports
      .upload(file)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress) {
            this.uploaded.set(uploadPercent(event.loaded, event.total ?? file.size));
          } else if (event.type === HttpEventType.Response && event.body) {
            this.follow(event.body.id, file.name);
          }
        },
        error: (error: unknown) => {
          this.phase.set('idle');
          this.uploadProblem.set(toShownProblem(error));
        },
      });
  }

  /** Asks for the import's state every half second until it has succeeded or failed. */
  follow(id: string, fileName?: string): void {
    this.polling?.unsubscribe();
    this.pollProblem.set(null);
    this.phase.set('processing');
    if (fileName && !this.job()) {
      this.job.set(placeholder(id, fileName));
    }
    this.polling = timer(0, POLL_INTERVAL_MS)
      .pipe(
        exhaustMap(() => this.imports.get(id).pipe(retry({ count: 3, delay: 1000 }))),
        takeWhile((job) => !isFinished(job.status), true),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (job) => {
          this.job.set(job);
          if (isFinished(job.status)) {
            this.phase.set('idle');
            this.loadRecent();
          }
        },
        error: (error: unknown) => {
          this.phase.set('idle');
          this.pollProblem.set(toShownProblem(error));
        },
      });
  }

  protected statusLabel(job: VocImport): string {
    return STATUS_LABELS[job.status];
  }

  protected statusIcon(job: VocImport): IconName {
    return STATUS_ICONS[job.status];
  }
}

/** What is known of an import between its upload and the first answer about it. */
function placeholder(id: string, fileName: string): VocImport {
  return {
    id,
    status: 'queued',
    fileName,
    bytesRead: 0,
    totalBytes: 0,
    rowsProcessed: 0,
    inserted: 0,
    duplicates: 0,
    rejected: 0,
    errors: [],
    failure: null,
    createdAt: new Date().toISOString(),
    startedAt: null,
    finishedAt: null,
  };
}
