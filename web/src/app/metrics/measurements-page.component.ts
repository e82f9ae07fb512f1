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
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import {
  monthsOf,
  type FiscalCalendar,
  type MeasurementBatchResult,
  type MeasurementGrid,
  type MeasurementInput,
  type MeasurementResult,
  type MetricDefinition,
} from '@lodestar/contracts';
import { SettingsService } from '../settings/settings.service';
import { formatMonthLabel } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import { EmptyStateComponent, ErrorStateComponent, LoadingComponent } from '../shared/page-states.component';
import { remoteResource } from '../shared/remote-resource';
import type { MeasurementDraft } from './measurement-editor.component';
import {
  AGGREGATION_LABELS,
  DEFAULT_MEASUREMENT_METRIC,
  formatMeasurement,
  gridHasValues,
  measurementMetricGroups,
  metricSummary,
  ratioParts,
  saveProblemText,
  trendRow,
  UNIT_LABELS,
} from './measurement-format';
import { CellRef, EditRequest, MeasurementGridComponent } from './measurement-grid.component';
import { MeasurementHistoryComponent } from './measurement-history.component';
import { MeasurementImportComponent } from './measurement-import.component';
import { MeasurementTrendComponent } from './measurement-trend.component';
import { MeasurementsService } from './measurements.service';
import { currentFiscalYear, periodOptions, periodOptionText, PeriodOption } from './period-options';

const FISCAL_YEAR = /^FY\d{4}$/;

/**
 * Measurements (CX leads): a metric's fiscal year as a grid of units × months that can be typed into,
 * each month's history of restatements, the selected unit's line, and CSV import. Metric and year live
 * in the query string (`?metric=revenue&period=FY2026`), so a view can be shared as a link.
 */
@Component({
  selector: 'ls-measurements-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    IconComponent,
    LoadingComponent,
    EmptyStateComponent,
    ErrorStateComponent,
    MeasurementGridComponent,
    MeasurementHistoryComponent,
    MeasurementTrendComponent,
    MeasurementImportComponent,
  ],
  template: `
    <section class="ls-page wide" aria-labelledby="measurements-title">
      <header class="ls-page-header">
        <div>
          <h1 id="measurements-title">Measurements</h1>
          <p>
            Monthly values of the non-survey metrics per unit. Type into the grid or import a CSV; a
            correction is a restatement with a reason, and the earlier value stays in the history.
          </p>
        </div>
        <button mat-stroked-button type="button" (click)="goToImport()">
          <ls-icon name="upload" />Import a CSV
        </button>
      </header>

      <div class="ls-panel pickers" role="group" aria-label="Metric and fiscal year">
        <mat-form-field class="metric">
          <mat-label>Metric</mat-label>
          <mat-select
            [value]="metricKey()"
            (valueChange)="navigate({ metric: $event })"
            [disabled]="!groups().length"
            [panelWidth]="null"
            panelClass="ls-metric-panel"
          >
            <mat-select-trigger>{{ definition()?.name ?? metricKey() }}</mat-select-trigger>
            @for (group of groups(); track group.category) {
              <mat-optgroup [label]="group.label">
                @for (option of group.metrics; track option.key) {
                  <mat-option [value]="option.key">
                    {{ option.name }} <span class="ls-muted option-hint">· {{ summaryOf(option) }}</span>
                  </mat-option>
                }
              </mat-optgroup>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field class="year">
          <mat-label>Fiscal year</mat-label>
          <mat-select
            [value]="periodLabel()"
            (valueChange)="navigate({ period: $event })"
            [disabled]="!years().length"
            [panelWidth]="null"
            panelClass="ls-year-panel"
          >
            @for (option of years(); track option.label) {
              <mat-option [value]="option.label">{{ optionText(option) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (definition(); as current) {
          <dl class="facts" data-testid="metric-facts">
            <div>
              <dt>Unit</dt>
              <dd>{{ unitLabel(current) }}</dd>
            </div>
            <div>
              <dt>Year total</dt>
              <dd>{{ aggregationLabel(current) }}</dd>
            </div>
            <div>
              <dt>Better</dt>
              <dd>{{ current.direction === 'higher' ? 'higher' : 'lower' }}</dd>
            </div>
            @if (current.aggregation === 'ratio') {
              <div>
                <dt>Stored as</dt>
                <dd>{{ ratioText(current) }}</dd>
              </div>
            }
          </dl>
        }
      </div>

      @if (metrics.loading() || calendar.loading()) {
        <ls-loading label="Loading metrics and fiscal years…" />
      }
      @if (metrics.problem() ?? calendar.problem(); as failure) {
        <ls-error-state
          title="The metrics and fiscal years could not be loaded"
          [detail]="failure.detail"
          [errors]="failure.errors"
          (retry)="loadSetup()"
        />
      } @else if (metricUnknown()) {
        <ls-error-state
          title="No such measured metric"
          [detail]="
            '“' + metricKey() + '” is not a metric that holds measurements: choose one from the list.'
          "
          [retryable]="false"
        />
      } @else {
        @if (grid.problem(); as failure) {
          <ls-error-state
            title="The measurements could not be loaded"
            [detail]="failure.detail"
            [errors]="failure.errors"
            (retry)="loadGrid()"
          />
        } @else if (shownGrid(); as values) {
          @if (definition(); as current) {
            <p class="notice" role="status" data-testid="save-notice">{{ notice() }}</p>
            <div class="workspace">
              <section class="ls-panel grid-panel" aria-labelledby="grid-title">
                <header class="ls-chart-head">
                  <div>
                    <h2 id="grid-title">{{ current.name }} · {{ values.period }}</h2>
                    <p class="ls-muted">
                      Click a month or press Enter on it to type a value; arrow keys move.
                      <span class="marker-key"><span class="marker" aria-hidden="true"></span> restated</span>
                    </p>
                  </div>
                </header>
                @if (grid.loading()) {
                  <ls-loading label="Loading the measurements…" />
                }
                @if (!hasValues()) {
                  <ls-empty-state [title]="emptyTitle()" icon="table">
                    Select a cell and type its value, or import a CSV below.
                  </ls-empty-state>
                }
                <ls-measurement-grid
                  [grid]="values"
                  [metric]="current"
                  [selected]="selected()"
                  [editing]="editing()"
                  [saving]="saving()"
                  [saveProblem]="saveProblem()"
                  (selectCell)="select($event)"
                  (editCell)="edit($event)"
                  (saveDraft)="save($event)"
                  (cancelEdit)="cancelEdit()"
                />
              </section>
              <ls-measurement-history
                class="history"
                [metric]="current"
                [unitName]="selectedUnitName()"
                [month]="selected()?.period ?? null"
                [result]="history.value()"
                [loading]="history.loading()"
                [problem]="history.problem()"
                (editMonth)="editSelected()"
                (retry)="loadHistory()"
              />
              <ls-measurement-trend
                class="trend"
                [metric]="current"
                [period]="values.period"
                [row]="trend()"
              />
            </div>
          }
        } @else if (grid.loading()) {
          <ls-loading label="Loading the measurements…" />
        }
      }

      <ls-measurement-import [exampleMonth]="firstMonth()" (imported)="afterImport()" />
    </section>
  `,
  styles: `
    .ls-page.wide {
      max-width: 1760px;
    }
    .pickers {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      padding: 12px 16px;
    }
    .metric {
      flex: 0 1 400px;
    }
    .year {
      flex: 0 1 300px;
    }
    .option-hint {
      font-size: 0.8rem;
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 20px;
      margin: 0;
      font-size: 0.85rem;
    }
    .facts div {
      display: flex;
      gap: 6px;
    }
    dt {
      color: var(--ls-muted);
    }
    dd {
      margin: 0;
      font-weight: 500;
    }
    .notice {
      margin: 0;
      min-height: 0;
    }
    .notice:not(:empty) {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--ls-ok-container);
      color: var(--ls-ok);
      font-weight: 500;
    }
    .workspace {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      grid-template-areas:
        'grid grid'
        'history trend';
      gap: 16px;
      align-items: start;
    }
    .grid-panel {
      grid-area: grid;
    }
    .history {
      grid-area: history;
    }
    .trend {
      grid-area: trend;
    }
    @media (min-width: 1640px) {
      .workspace {
        grid-template-columns: minmax(0, 1fr) 360px;
        grid-template-areas:
          'grid history'
          'trend history';
      }
    }
    @media (max-width: 900px) {
      .workspace {
        grid-template-columns: minmax(0, 1fr);
        grid-template-areas: 'grid' 'history' 'trend';
      }
    }
    .marker-key {
      white-space: nowrap;
      margin-left: 8px;
    }
    .marker {
      display: inline-block;
      width: 0;
      height: 0;
      border-top: 7px solid var(--ls-warn);
      border-left: 7px solid transparent;
      vertical-align: 2px;
    }
  `,
})
export class MeasurementsPageComponent {
  private readonly measurements = inject(MeasurementsService);
  private readonly settings = inject(SettingsService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);

  /** Query parameters, bound by the router. */
  readonly metric = input<string | undefined>();
  readonly period = input<string | undefined>();

  protected readonly metrics = remoteResource<MetricDefinition[]>();
  protected readonly calendar = remoteResource<FiscalCalendar>();
  protected readonly grid = remoteResource<MeasurementGrid>({ clearOnError: true });
  protected readonly history = remoteResource<MeasurementResult>({ clearOnError: true });

  protected readonly selected = signal<CellRef | null>(null);
  protected readonly editing = signal<EditRequest | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveProblem = signal<string | null>(null);
  protected readonly notice = signal('');

  protected readonly metricKey = computed(() => this.metric()?.trim() || DEFAULT_MEASUREMENT_METRIC);
  protected readonly groups = computed(() => measurementMetricGroups(this.metrics.value() ?? []));
  protected readonly definition = computed(() =>
    this.groups()
      .flatMap((group) => group.metrics)
      .find((metric) => metric.key === this.metricKey()),
  );
  protected readonly metricUnknown = computed(() => this.metrics.value() !== null && !this.definition());

  /** The fiscal year asked for, or the current one once the calendar is known. */
  protected readonly periodLabel = computed(() => {
    const asked = this.period()?.trim();
    if (asked && FISCAL_YEAR.test(asked)) return asked;
    const calendar = this.calendar.value();
    return calendar ? currentFiscalYear(calendar.startMonth, calendar.timeZone) : null;
  });
  protected readonly years = computed<PeriodOption[]>(() => {
    const calendar = this.calendar.value();
    if (!calendar) return [];
    const years = periodOptions(calendar.startMonth, calendar.timeZone)
      .flatMap((group) => group.options)
      .filter((option) => option.kind === 'year');
    const label = this.periodLabel();
    if (label && !years.some((option) => option.label === label)) {
      const months = monthsOf(label, calendar.startMonth);
      const span = `${formatMonthLabel(months[0])} – ${formatMonthLabel(months[months.length - 1])}`;
      years.push({ label, kind: 'year', span, depth: 0 });
    }
    return years;
  });
  protected readonly firstMonth = computed(() => {
    const calendar = this.calendar.value();
    const label = this.periodLabel();
    return calendar && label ? monthsOf(label, calendar.startMonth)[0] : '2026-03';
  });

  /** The grid of the metric and year on screen (not a late answer for an earlier choice). */
  protected readonly shownGrid = computed(() => {
    const grid = this.grid.value();
    return grid && grid.metric === this.metricKey() && grid.period === this.periodLabel() ? grid : null;
  });
  protected readonly hasValues = computed(() => {
    const grid = this.shownGrid();
    return !!grid && gridHasValues(grid);
  });
  protected readonly emptyTitle = computed(
    () => `No values for ${this.periodLabel()} yet: type them into the grid or import a CSV`,
  );
  protected readonly selectedUnitName = computed(() => {
    const selected = this.selected();
    return selected ? this.unitName(selected.orgUnit) : '';
  });
  /** The selected unit's line; before a choice, the first unit with a value. */
  protected readonly trend = computed(() => {
    const grid = this.shownGrid();
    const metric = this.definition();
    if (!grid || !metric) return null;
    const unit =
      this.selected()?.orgUnit ??
      grid.rows.find((row) => row.cells.some((cell) => cell?.value != null || cell?.numerator != null))
        ?.orgUnit ??
      grid.rows[0]?.orgUnit;
    return unit ? trendRow(grid, unit, metric) : null;
  });

  protected readonly optionText = periodOptionText;

  constructor() {
    this.loadSetup();
    effect(() => {
      const metric = this.metricKey();
      const period = this.periodLabel();
      untracked(() => {
        this.selected.set(null);
        this.editing.set(null);
        this.notice.set('');
        if (period) this.grid.load(this.measurements.grid(metric, period));
      });
    });
  }

  loadSetup(): void {
    this.metrics.load(this.measurements.metrics());
    this.calendar.load(this.settings.fiscalCalendar());
  }

  protected loadGrid(): void {
    const period = this.periodLabel();
    if (period) this.grid.load(this.measurements.grid(this.metricKey(), period));
  }

  protected loadHistory(): void {
    const selected = this.selected();
    if (selected) {
      this.history.load(this.measurements.measurement(this.metricKey(), selected.orgUnit, selected.period));
    }
  }

  protected summaryOf(metric: MetricDefinition): string {
    return metricSummary(metric);
  }

  protected unitLabel(metric: MetricDefinition): string {
    return UNIT_LABELS[metric.unit];
  }

  protected aggregationLabel(metric: MetricDefinition): string {
    return metric.aggregation === 'ratio'
      ? 'ratio of sums (Σ numerators ÷ Σ denominators)'
      : AGGREGATION_LABELS[metric.aggregation];
  }

  protected ratioText(metric: MetricDefinition): string {
    const parts = ratioParts(metric.key);
    return `${parts.numerator.toLowerCase()} ÷ ${parts.denominator.toLowerCase()}`;
  }

  protected select(cell: CellRef): void {
    const current = this.selected();
    if (current?.orgUnit === cell.orgUnit && current.period === cell.period) return;
    this.selected.set(cell);
    this.loadHistory();
  }

  protected edit(request: EditRequest): void {
    if (this.saving()) return;
    this.select(request);
    this.saveProblem.set(null);
    this.editing.set(request);
  }

  protected editSelected(): void {
    const selected = this.selected();
    if (selected) this.edit({ ...selected, initial: null });
  }

  protected cancelEdit(): void {
    if (this.saving()) return;
    this.editing.set(null);
    this.saveProblem.set(null);
  }

  /** Posts the month as a batch of one, marked as typed in; on success the grid and history are fetched again. */
  protected save(draft: MeasurementDraft): void {
    const editing = this.editing();
    const metric = this.definition();
    if (!editing || !metric || this.saving()) return;
    const measurement: MeasurementInput = {
      metric: metric.key,
      orgUnit: editing.orgUnit,
      period: editing.period,
      ...draft,
    };
    this.saving.set(true);
    this.saveProblem.set(null);
    this.measurements
      .save({ measurements: [measurement], source: 'manual' })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          this.saving.set(false);
          this.editing.set(null);
          this.notice.set(this.savedText(editing, draft, metric, result));
          this.loadGrid();
          this.loadHistory();
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.saveProblem.set(saveProblemText(error));
        },
      });
  }

  protected afterImport(): void {
    this.notice.set('');
    this.loadGrid();
    this.loadHistory();
  }

  protected goToImport(): void {
    const section = document.getElementById('measurement-import');
    section?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    document.getElementById('import-title')?.focus({ preventScroll: true });
  }

  protected navigate(change: { metric?: string; period?: string }): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { metric: change.metric ?? this.metricKey(), period: change.period ?? this.periodLabel() },
      queryParamsHandling: 'merge',
    });
  }

  private unitName(orgUnit: string): string {
    return this.grid.value()?.rows.find((row) => row.orgUnit === orgUnit)?.name ?? orgUnit;
  }

  private savedText(
    cell: CellRef,
    draft: MeasurementDraft,
    metric: MetricDefinition,
    result: MeasurementBatchResult,
  ): string {
    const where = `${this.unitName(cell.orgUnit)}, ${formatMonthLabel(cell.period, 'long')}`;
    const value =
      metric.aggregation === 'ratio'
        ? (100 * Number(draft.numerator)) / Number(draft.denominator)
        : Number(draft.value);
    const shown = formatMeasurement(value, metric);
    if (result.restated > 0) return `${where} restated to ${shown}; the earlier value stays in the history.`;
    if (result.created > 0) return `${where} saved: ${shown}.`;
    return `${where} already holds ${shown}: nothing changed.`;
  }
}
