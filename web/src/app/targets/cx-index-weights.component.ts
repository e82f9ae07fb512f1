import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { CxIndexWeights, MetricDefinition } from '@lodestar/contracts';
import { filter, switchMap } from 'rxjs';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../shared/confirm-dialog.component';
import { IconComponent } from '../shared/icon.component';
import { ErrorStateComponent, InlineErrorComponent, LoadingComponent } from '../shared/page-states.component';
import { problemDetail, problemErrors } from '../shared/problem';
import { remoteResource } from '../shared/remote-resource';
import { checkWeights, formatWeight, UnitOption, weightRows, type WeightRow } from './target-format';
import { TargetsService } from './targets.service';

/** The value of the unit picker that stands for the company default. */
const DEFAULT = '';

/**
 * The CX index weights: the company default, or a unit's own (a unit without them uses the
 * default). A table of the CX metrics with a weight each, a live total that must be exactly
 * 100 % (checked as the API does, `weightsProblem`), Save, and for a unit with its own weights
 * "Use the company default".
 */
@Component({
  selector: 'ls-cx-index-weights',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    IconComponent,
    LoadingComponent,
    ErrorStateComponent,
    InlineErrorComponent,
  ],
  template: `
    <section class="ls-panel weights" aria-labelledby="weights-title" data-testid="cx-index-weights">
      <header class="ls-chart-head">
        <div>
          <h2 id="weights-title">CX index weights</h2>
          <p class="ls-muted">
            The CX index is the weighted mean of a unit's CX metric scores; the weights add up to 100 %. A
            unit without weights of its own uses the company default.
          </p>
        </div>
      </header>
      <div class="body">
        <mat-form-field class="unit">
          <mat-label>Weights of</mat-label>
          <mat-select
            [value]="unitKey()"
            (valueChange)="unitKey.set($event)"
            [panelWidth]="null"
            panelClass="ls-weights-unit-panel"
          >
            <mat-option [value]="defaultKey">Company default</mat-option>
            @for (unit of units(); track unit.key) {
              <mat-option [value]="unit.key">
                <span [style.padding-left.px]="unit.depth * 12">{{ unit.name }}</span>
              </mat-option>
            }
          </mat-select>
        </mat-form-field>

        @if (weights.problem(); as failure) {
          <ls-error-state
            title="The weights could not be loaded"
            [detail]="failure.detail"
            [errors]="failure.errors"
            (retry)="load()"
          />
        } @else if (shown(); as current) {
          <p class="basis" data-testid="weights-basis" [attr.data-basis]="current.basis">
            <ls-icon [name]="current.basis === 'own' ? 'check' : 'info'" />
            <span>{{ basisText(current) }}</span>
          </p>
          <table class="ls-data-table table" data-testid="weights-table">
            <caption class="ls-visually-hidden">
              Weight of each CX metric in the CX index of
              {{
                unitName()
              }}, in percent
            </caption>
            <thead>
              <tr>
                <th scope="col">CX metric</th>
                <th scope="col" class="ls-num">Weight</th>
              </tr>
            </thead>
            <tbody>
              @for (row of rows(); track row.metric) {
                <tr>
                  <th scope="row">
                    <label [for]="'weight-' + row.metric">{{ row.name }}</label>
                  </th>
                  <td class="ls-num">
                    <span class="input">
                      <input
                        [id]="'weight-' + row.metric"
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        [value]="row.text"
                        [readOnly]="readOnly()"
                        [attr.aria-invalid]="check().unreadable.includes(row.name) ? 'true' : null"
                        (input)="type(row, $any($event.target).value)"
                        placeholder="–"
                      />
                      <span aria-hidden="true">%</span>
                    </span>
                  </td>
                </tr>
              }
            </tbody>
            <tfoot>
              <tr [class.bad]="!!check().problem">
                <th scope="row">Total</th>
                <td class="ls-num total" data-testid="weights-total">
                  <ls-icon [name]="check().problem ? 'warning' : 'ok'" />
                  {{ total() }}
                </td>
              </tr>
            </tfoot>
          </table>
          <div class="check" aria-live="polite">
            @if (check().problem; as sentence) {
              <p class="problem" data-testid="weights-problem" [attr.role]="tried() ? 'alert' : null">
                <ls-icon name="warning" /><span>{{ sentence }}</span>
              </p>
            }
          </div>
          @if (saveProblem(); as failure) {
            <ls-inline-error [detail]="failure.detail" [errors]="failure.errors" />
          }
          @if (notice()) {
            <p class="notice" role="status" data-testid="weights-notice">{{ notice() }}</p>
          }
          @if (!readOnly()) {
            <div class="ls-actions">
              <button mat-flat-button type="button" (click)="save()" [disabled]="busy()">
                {{ busy() ? 'Saving…' : 'Save weights' }}
              </button>
              @if (edited()) {
                <button mat-button type="button" (click)="reset()" [disabled]="busy()">Undo changes</button>
              }
              @if (current.orgUnit && current.basis === 'own') {
                <button mat-stroked-button type="button" (click)="useDefault()" [disabled]="busy()">
                  Use the company default
                </button>
              }
            </div>
          }
        }
        @if (weights.loading()) {
          <ls-loading label="Loading the weights…" />
        }
      </div>
    </section>
  `,
  styles: `
    .body {
      display: flex;
      flex-direction: column;
      gap: 10px;
      padding: 0 16px 16px;
    }
    .unit {
      max-width: 320px;
    }
    p {
      margin: 0;
    }
    .basis,
    .problem {
      display: flex;
      gap: 6px;
      align-items: flex-start;
      font-size: 0.85rem;
      --ls-icon-size: 18px;
    }
    .basis[data-basis='default'] {
      color: var(--ls-muted);
    }
    .table {
      border-collapse: collapse;
      max-width: 420px;
      font-size: 0.85rem;
    }
    .table th,
    .table td {
      padding: 3px 8px;
      border-bottom: 1px solid var(--ls-border);
      text-align: left;
      font-weight: 400;
    }
    .table thead th {
      font-size: 0.78rem;
      font-weight: 600;
      color: var(--mat-sys-on-surface-variant);
    }
    .table .ls-num {
      text-align: right;
    }
    .input {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    .input input {
      width: 64px;
      padding: 4px 6px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 6px;
      font: inherit;
      text-align: right;
      font-variant-numeric: tabular-nums;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    .input input[aria-invalid='true'] {
      border-color: var(--ls-bad);
    }
    .input input:read-only {
      border-color: transparent;
      background: transparent;
    }
    .table tfoot th,
    .table tfoot td {
      font-weight: 600 !important;
      border-bottom: none;
    }
    .total {
      display: flex;
      justify-content: flex-end;
      align-items: center;
      gap: 4px;
      padding-right: 26px !important;
      color: var(--ls-ok);
      --ls-icon-size: 16px;
    }
    tfoot tr.bad .total {
      color: var(--ls-warn);
    }
    .problem {
      padding: 8px 10px;
      border-radius: 8px;
      background: var(--ls-warn-container);
      color: var(--ls-warn);
      font-weight: 500;
    }
    .notice {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--ls-ok-container);
      color: var(--ls-ok);
      font-weight: 500;
    }
  `,
})
export class CxIndexWeightsComponent {
  private readonly targets = inject(TargetsService);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);

  readonly metrics = input.required<MetricDefinition[]>();
  readonly units = input.required<UnitOption[]>();
  /** Readers see the weights without inputs or buttons. */
  readonly readOnly = input(false);

  protected readonly defaultKey = DEFAULT;
  protected readonly unitKey = signal<string>(DEFAULT);
  protected readonly weights = remoteResource<CxIndexWeights>({ clearOnError: true });
  protected readonly rows = signal<WeightRow[]>([]);
  protected readonly edited = signal(false);
  protected readonly busy = signal(false);
  /** Set once Save was pressed with weights that cannot be saved: the sentence is then announced. */
  protected readonly tried = signal(false);
  protected readonly saveProblem = signal<{ detail: string; errors: string[] } | null>(null);
  protected readonly notice = signal('');

  /** The weights of the unit on screen (not a late answer for an earlier choice). */
  protected readonly shown = computed(() => {
    const weights = this.weights.value();
    return weights && (weights.orgUnit ?? DEFAULT) === this.unitKey() ? weights : null;
  });
  protected readonly unitName = computed(() => {
    const key = this.unitKey();
    return key === DEFAULT
      ? 'the company default'
      : (this.units().find((unit) => unit.key === key)?.name ?? key);
  });
  protected readonly check = computed(() => checkWeights(this.rows()));
  protected readonly total = computed(() => formatWeight(this.check().total));

  constructor() {
    effect(() => {
      this.unitKey();
      untracked(() => {
        this.notice.set('');
        this.saveProblem.set(null);
        this.load();
      });
    });
    // A fresh answer (or the metric list arriving) fills the inputs.
    effect(() => {
      const shown = this.shown();
      const metrics = this.metrics();
      untracked(() => this.fill(shown, metrics));
    });
  }

  load(): void {
    const key = this.unitKey();
    this.weights.load(this.targets.weights(key === DEFAULT ? null : key));
  }

  protected basisText(weights: CxIndexWeights): string {
    if (!weights.orgUnit) return 'The company default: every unit without weights of its own uses these.';
    const name = this.unitName();
    return weights.basis === 'own'
      ? `${name} uses its own weights.`
      : `${name} uses the company default. Saving gives it weights of its own.`;
  }

  protected type(row: WeightRow, text: string): void {
    this.rows.update((rows) =>
      rows.map((candidate) => (candidate.metric === row.metric ? { ...candidate, text } : candidate)),
    );
    this.edited.set(true);
    this.notice.set('');
  }

  protected reset(): void {
    this.fill(this.shown(), this.metrics());
  }

  protected save(): void {
    const check = this.check();
    if (this.busy()) return;
    if (check.problem) {
      this.tried.set(true);
      return;
    }
    const key = this.unitKey();
    this.busy.set(true);
    this.saveProblem.set(null);
    this.targets
      .saveWeights(key === DEFAULT ? null : key, check.weights)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (saved) => {
          this.busy.set(false);
          this.weights.update(() => saved);
          this.fill(saved, this.metrics());
          this.notice.set(`The CX index weights of ${this.unitName()} were saved.`);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.saveProblem.set({ detail: problemDetail(error), errors: problemErrors(error) });
        },
      });
  }

  protected useDefault(): void {
    const key = this.unitKey();
    if (key === DEFAULT || this.busy()) return;
    const name = this.unitName();
    const data: ConfirmDialogData = {
      title: `Use the company default for ${name}?`,
      message: `${name}'s own CX index weights are removed, and its CX index is weighed by the company default again.`,
      confirm: 'Use the company default',
    };
    this.dialog
      .open(ConfirmDialogComponent, { data, width: '440px' })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.busy.set(true);
          this.saveProblem.set(null);
          return this.targets.useDefaultWeights(key);
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (weights) => {
          this.busy.set(false);
          this.weights.update(() => weights);
          this.fill(weights, this.metrics());
          this.notice.set(`${name} uses the company default again.`);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.saveProblem.set({ detail: problemDetail(error), errors: problemErrors(error) });
        },
      });
  }

  private fill(weights: CxIndexWeights | null, metrics: MetricDefinition[]): void {
    this.rows.set(weights ? weightRows(metrics, weights.weights) : []);
    this.edited.set(false);
    this.tried.set(false);
  }
}
