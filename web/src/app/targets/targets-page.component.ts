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
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import {
  TARGET_CSV_COLUMNS,
  type FiscalCalendar,
  type MetricDefinition,
  type OrgUnitNode,
  type Target,
  type TargetImportResult,
  type TargetInput,
} from '@lodestar/contracts';
import { filter, map, switchMap } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { OrgUnitsService } from '../org/org-units.service';
import { SettingsService } from '../settings/settings.service';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../shared/confirm-dialog.component';
import { CsvImportComponent, type CsvUpload } from '../shared/csv-import.component';
import { IconComponent } from '../shared/icon.component';
import {
  EmptyStateComponent,
  ErrorStateComponent,
  InlineErrorComponent,
  LoadingComponent,
} from '../shared/page-states.component';
import { problemDetail } from '../shared/problem';
import { remoteResource } from '../shared/remote-resource';
import { CxIndexWeightsComponent } from './cx-index-weights.component';
import {
  afterRemovalText,
  BandDraft,
  defaultTargetYear,
  DIRECTION_INFO,
  fourthQuarterStart,
  periodColumns,
  savedText,
  TargetCellRef,
  targetBatchSummary,
  targetCsvTemplate,
  targetGroups,
  targetMetricGroups,
  targetSaveProblem,
  targetYearOptions,
  unitOptions,
  yearOptionText,
} from './target-format';
import { TargetGridComponent } from './target-grid.component';
import { TargetsService } from './targets.service';

const FISCAL_YEAR = /^FY\d{4}$/;
/** The pickers' value for "no filter". */
const ALL = '';

/**
 * Targets (CX lead): a fiscal year's threshold, target and stretch per unit and metric, with the
 * year and its quarters side by side, edited in place or imported from a CSV, and the CX index
 * weights. Executives and HR read it. Year, metric and unit live in the query string
 * (`?period=FY2027&metric=nps&unit=sales`), so a view can be shared as a link.
 */
@Component({
  selector: 'ls-targets-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    IconComponent,
    LoadingComponent,
    EmptyStateComponent,
    ErrorStateComponent,
    InlineErrorComponent,
    TargetGridComponent,
    CxIndexWeightsComponent,
    CsvImportComponent,
  ],
  template: `
    <section class="ls-page wide" aria-labelledby="targets-title">
      <header class="ls-page-header">
        <div>
          <h1 id="targets-title">Targets</h1>
          <p>
            Threshold, target and stretch per unit and metric for a fiscal year. A quarter without a target of
            its own takes its year's (a quarter of it for summed metrics).
            @if (!canEdit()) {
              You can read them here; the CX lead sets them.
            }
          </p>
        </div>
        @if (canEdit()) {
          <button mat-stroked-button type="button" (click)="goToImport()">
            <ls-icon name="upload" />Import a CSV
          </button>
        }
      </header>

      <div class="ls-panel pickers" role="group" aria-label="Fiscal year, metric and unit">
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
              <mat-option [value]="option.label">{{ yearText(option) }}</mat-option>
            }
          </mat-select>
          <mat-hint data-testid="year-hint">{{ yearHint() }}</mat-hint>
        </mat-form-field>
        <mat-form-field class="metric">
          <mat-label>Metric</mat-label>
          <mat-select
            [value]="metricFilter()"
            (valueChange)="navigate({ metric: $event })"
            [disabled]="!groups().length"
            [panelWidth]="null"
            panelClass="ls-metric-panel"
          >
            <mat-option [value]="all">All metrics</mat-option>
            @for (group of groups(); track group.category) {
              <mat-optgroup [label]="group.label">
                @for (option of group.metrics; track option.key) {
                  <mat-option [value]="option.key">
                    {{ option.name }}
                    <span class="ls-muted option-hint">· {{ directionOf(option).label }}</span>
                  </mat-option>
                }
              </mat-optgroup>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field class="unit">
          <mat-label>Unit</mat-label>
          <mat-select
            [value]="unitFilter()"
            (valueChange)="navigate({ unit: $event })"
            [disabled]="!units().length"
            [panelWidth]="null"
            panelClass="ls-unit-panel"
          >
            <mat-option [value]="all">All units</mat-option>
            @for (unit of units(); track unit.key) {
              <mat-option [value]="unit.key">
                <span [style.padding-left.px]="unit.depth * 12">{{ unit.name }}</span>
              </mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>

      @if (setupLoading()) {
        <ls-loading label="Loading metrics, units and fiscal years…" />
      }
      @if (setupProblem(); as failure) {
        <ls-error-state
          title="The metrics, units and fiscal years could not be loaded"
          [detail]="failure.detail"
          [errors]="failure.errors"
          (retry)="loadSetup()"
        />
      } @else if (ready()) {
        <p class="notice" role="status" data-testid="save-notice">{{ notice() }}</p>
        @if (pageProblem(); as problem) {
          <ls-inline-error [detail]="problem" />
        }
        <section class="ls-panel grid-panel" aria-labelledby="grid-title">
          <header class="ls-chart-head">
            <div>
              <h2 id="grid-title">Targets · {{ periodLabel() }}</h2>
              <p class="ls-muted legend">
                Each cell: threshold · target · stretch.
                <span class="inherited-key"
                  >Muted: no target of its own, the band that applies and where it comes from.</span
                >
                @if (canEdit()) {
                  Click a cell or press Enter on it to edit.
                }
              </p>
            </div>
            @if (canEdit()) {
              <button mat-stroked-button type="button" (click)="startAdding()" [disabled]="adding()">
                <ls-icon name="add" />Add target
              </button>
            }
          </header>
          @if (adding()) {
            <form class="add" (submit)="$event.preventDefault(); add()" aria-label="Add a target">
              <mat-form-field>
                <mat-label>Unit</mat-label>
                <mat-select [value]="addUnit()" (valueChange)="addUnit.set($event)" [panelWidth]="null">
                  @for (unit of units(); track unit.key) {
                    <mat-option [value]="unit.key">
                      <span [style.padding-left.px]="unit.depth * 12">{{ unit.name }}</span>
                    </mat-option>
                  }
                </mat-select>
              </mat-form-field>
              <mat-form-field>
                <mat-label>Metric</mat-label>
                <mat-select [value]="addMetric()" (valueChange)="addMetric.set($event)" [panelWidth]="null">
                  @for (group of groups(); track group.category) {
                    <mat-optgroup [label]="group.label">
                      @for (option of group.metrics; track option.key) {
                        <mat-option [value]="option.key">{{ option.name }}</mat-option>
                      }
                    </mat-optgroup>
                  }
                </mat-select>
              </mat-form-field>
              <button mat-flat-button type="submit" [disabled]="!addUnit() || !addMetric()">
                Set its {{ periodLabel() }} target
              </button>
              <button mat-button type="button" (click)="adding.set(false)">Cancel</button>
            </form>
          }
          @if (list.problem(); as failure) {
            <ls-error-state
              title="The targets could not be loaded"
              [detail]="failure.detail"
              [errors]="failure.errors"
              (retry)="loadTargets()"
            />
          } @else if (shownTargets()) {
            @if (list.loading()) {
              <ls-loading label="Loading the targets…" />
            }
            @if (rowGroups().length) {
              <ls-target-grid
                [groups]="rowGroups()"
                [columns]="columns()"
                [editable]="canEdit()"
                [editing]="editing()"
                [saving]="saving()"
                [saveProblem]="saveProblem()"
                (editCell)="edit($event)"
                (saveBand)="save($event)"
                (removeTarget)="remove($event)"
                (cancelEdit)="cancelEdit()"
              />
            } @else {
              <ls-empty-state [title]="emptyTitle()" icon="target">
                @if (canEdit()) {
                  Use “Add target” to pick a unit and a metric, or import a CSV below.
                } @else {
                  The CX lead has not set any yet.
                }
              </ls-empty-state>
            }
          } @else {
            <ls-loading label="Loading the targets…" />
          }
        </section>

        <div class="lower" [class.single]="!canEdit()">
          <ls-cx-index-weights [metrics]="metrics.value() ?? []" [units]="units()" [readOnly]="!canEdit()" />
          @if (canEdit()) {
            <ls-csv-import
              sectionId="target-import"
              dropTestId="target-drop"
              rowsName="targets"
              fileLabel="Targets CSV file"
              templateFileName="targets-template.csv"
              [columns]="csvColumns"
              [template]="csvTemplate()"
              [send]="send"
              [summary]="summary"
              (imported)="afterImport($event)"
            >
              <ul>
                <li>
                  <strong>metric</strong> is a metric key such as <code>nps</code>,
                  <code>quota_attainment</code> or <code>cx_index</code>.
                </li>
                <li><strong>org_unit</strong> is a unit key such as <code>sales</code>.</li>
                <li>
                  <strong>period</strong> is a fiscal year such as <code>{{ periodLabel() }}</code
                  >, or a quarter such as <code>{{ periodLabel() }}-Q1</code> to phase it.
                </li>
                <li>
                  <strong>threshold</strong>, <strong>target</strong> and <strong>stretch</strong> rise for
                  higher-is-better metrics and fall for lower-is-better ones.
                </li>
                <li>A target that already exists is replaced.</li>
              </ul>
            </ls-csv-import>
          }
        </div>
      }
    </section>
  `,
  styles: `
    .ls-page.wide {
      max-width: 1480px;
    }
    .ls-page-header > div {
      flex: 1 1 480px;
    }
    .pickers {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px 16px;
      padding: 12px 16px;
    }
    .year {
      flex: 0 1 400px;
    }
    .metric {
      flex: 0 1 300px;
    }
    .unit {
      flex: 0 1 260px;
    }
    .option-hint {
      font-size: 0.8rem;
    }
    .notice {
      margin: 0;
    }
    .notice:not(:empty) {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--ls-ok-container);
      color: var(--ls-ok);
      font-weight: 500;
    }
    .legend {
      max-width: 760px;
    }
    .inherited-key {
      font-style: italic;
    }
    .add {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      padding: 4px 16px 12px;
    }
    .add mat-form-field {
      flex: 0 1 260px;
    }
    .lower {
      display: grid;
      grid-template-columns: minmax(340px, 2fr) minmax(0, 3fr);
      gap: 16px;
      align-items: start;
    }
    .lower.single {
      grid-template-columns: minmax(0, 520px);
    }
    @media (max-width: 1000px) {
      .lower {
        grid-template-columns: minmax(0, 1fr);
      }
    }
  `,
})
export class TargetsPageComponent {
  private readonly targets = inject(TargetsService);
  private readonly settings = inject(SettingsService);
  private readonly orgUnits = inject(OrgUnitsService);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);

  /** Query parameters, bound by the router. */
  readonly period = input<string | undefined>();
  readonly metric = input<string | undefined>();
  readonly unit = input<string | undefined>();

  protected readonly all = ALL;
  protected readonly metrics = remoteResource<MetricDefinition[]>();
  protected readonly calendar = remoteResource<FiscalCalendar>();
  protected readonly tree = remoteResource<OrgUnitNode[]>();
  protected readonly list = remoteResource<{ key: string; targets: Target[] }>({ clearOnError: true });

  protected readonly editing = signal<TargetCellRef | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveProblem = signal<string | null>(null);
  protected readonly pageProblem = signal<string | null>(null);
  protected readonly notice = signal('');
  protected readonly adding = signal(false);
  protected readonly addUnit = signal<string>('');
  protected readonly addMetric = signal<string>('');
  /** Units and metrics picked with "Add target" that have no target yet: rows to type into. */
  protected readonly added = signal<{ orgUnit: string; metric: string }[]>([]);
  /** A cell to open as soon as its row is on screen (after "Add target"). */
  private readonly pendingEdit = signal<TargetCellRef | null>(null);

  protected readonly canEdit = computed(() => this.auth.roles().includes('CX_LEAD'));
  protected readonly setupLoading = computed(
    () => this.metrics.loading() || this.calendar.loading() || this.tree.loading(),
  );
  protected readonly setupProblem = computed(
    () => this.metrics.problem() ?? this.calendar.problem() ?? this.tree.problem(),
  );
  protected readonly ready = computed(
    () => !!this.metrics.value() && !!this.calendar.value() && !!this.tree.value(),
  );
  protected readonly groups = computed(() => targetMetricGroups(this.metrics.value() ?? []));
  protected readonly units = computed(() => unitOptions(this.tree.value() ?? []));
  protected readonly metricFilter = computed(() => this.metric()?.trim() || ALL);
  protected readonly unitFilter = computed(() => this.unit()?.trim() || ALL);

  /** The fiscal year asked for, or the one the CX lead works on once the calendar is known. */
  protected readonly periodLabel = computed(() => {
    const asked = this.period()?.trim();
    if (asked && FISCAL_YEAR.test(asked)) return asked;
    const calendar = this.calendar.value();
    return calendar ? defaultTargetYear(calendar.startMonth, calendar.timeZone) : null;
  });
  protected readonly years = computed(() => {
    const calendar = this.calendar.value();
    return calendar
      ? targetYearOptions(calendar.startMonth, calendar.timeZone, new Date(), this.periodLabel())
      : [];
  });
  protected readonly yearHint = computed(() => {
    const calendar = this.calendar.value();
    if (!calendar) return '';
    const current = this.years().find((option) => option.note === 'this year')?.label;
    const next = this.years().find((option) => option.note === 'next year')?.label;
    const q4 = fourthQuarterStart(calendar.startMonth, calendar.timeZone);
    return defaultTargetYear(calendar.startMonth, calendar.timeZone) === current
      ? `Opens on ${next} from ${q4}, this year's fourth quarter, when its targets are set.`
      : `Opens on ${next}: in this year's fourth quarter, next year's targets are set.`;
  });
  protected readonly columns = computed(() => {
    const calendar = this.calendar.value();
    const period = this.periodLabel();
    return calendar && period ? periodColumns(period, calendar.startMonth) : [];
  });

  private readonly listKey = computed(
    () => `${this.periodLabel()}|${this.metricFilter()}|${this.unitFilter()}`,
  );
  /** The targets of the year and filters on screen (not a late answer for an earlier choice). */
  protected readonly shownTargets = computed(() => {
    const list = this.list.value();
    return list && list.key === this.listKey() ? list.targets : null;
  });
  protected readonly rowGroups = computed(() => {
    const targets = this.shownTargets();
    const calendar = this.calendar.value();
    if (!targets || !calendar) return [];
    return targetGroups(
      targets,
      this.added(),
      this.metrics.value() ?? [],
      this.units(),
      this.columns(),
      calendar.startMonth,
      { metric: this.metricFilter() || null, orgUnit: this.unitFilter() || null },
    );
  });
  protected readonly emptyTitle = computed(() => {
    const filters = [this.unitName(this.unitFilter()), this.metricName(this.metricFilter())].filter(Boolean);
    const scope = filters.length ? ` for ${filters.join(' · ')}` : '';
    return this.canEdit()
      ? `No targets for ${this.periodLabel()}${scope} yet: add one or import a CSV`
      : `No targets for ${this.periodLabel()}${scope} yet`;
  });

  protected readonly csvColumns = TARGET_CSV_COLUMNS;
  protected readonly csvTemplate = computed(() => targetCsvTemplate(this.periodLabel() ?? undefined));
  protected readonly summary = targetBatchSummary;
  protected readonly send: CsvUpload<TargetImportResult> = (file) => this.targets.import(file);
  protected readonly yearText = yearOptionText;

  constructor() {
    this.loadSetup();
    effect(() => {
      this.listKey();
      const period = this.periodLabel();
      untracked(() => {
        this.editing.set(null);
        this.notice.set('');
        this.pageProblem.set(null);
        if (period) this.loadTargets();
      });
    });
    // Rows added for another year are not carried over.
    effect(() => {
      this.periodLabel();
      untracked(() => this.added.set([]));
    });
    effect(() => {
      const pending = this.pendingEdit();
      const groups = this.rowGroups();
      if (!pending) return;
      const shown = groups.some((group) =>
        group.rows.some((row) => row.orgUnit === pending.orgUnit && row.metric.key === pending.metric),
      );
      if (shown) {
        untracked(() => {
          this.pendingEdit.set(null);
          this.edit(pending);
        });
      }
    });
  }

  loadSetup(): void {
    this.metrics.load(this.targets.metrics());
    this.calendar.load(this.settings.fiscalCalendar());
    this.tree.load(this.orgUnits.tree());
  }

  protected loadTargets(): void {
    const period = this.periodLabel();
    if (!period) return;
    const key = this.listKey();
    const metric = this.metricFilter();
    const orgUnit = this.unitFilter();
    this.list.load(
      this.targets.list(period, { metric: metric || null, orgUnit: orgUnit || null }).pipe(mapTargets(key)),
    );
  }

  protected directionOf(metric: MetricDefinition) {
    return DIRECTION_INFO[metric.direction];
  }

  protected startAdding(): void {
    this.addUnit.set(this.unitFilter() || this.addUnit());
    this.addMetric.set(this.metricFilter() || this.addMetric());
    this.adding.set(true);
  }

  /** Adds the unit and metric as a row (unless it is there already) and opens its year's editor. */
  protected add(): void {
    const orgUnit = this.addUnit();
    const metric = this.addMetric();
    const period = this.periodLabel();
    if (!orgUnit || !metric || !period) return;
    this.adding.set(false);
    this.added.update((rows) =>
      rows.some((row) => row.orgUnit === orgUnit && row.metric === metric)
        ? rows
        : [...rows, { orgUnit, metric }],
    );
    // a filter that would hide the new row is lifted
    const unitHides = !!this.unitFilter() && this.unitFilter() !== orgUnit;
    const metricHides = !!this.metricFilter() && this.metricFilter() !== metric;
    if (unitHides || metricHides) {
      this.navigate({ unit: unitHides ? ALL : undefined, metric: metricHides ? ALL : undefined });
    }
    this.pendingEdit.set({ orgUnit, metric, period });
  }

  protected edit(ref: TargetCellRef): void {
    if (this.saving() || !this.canEdit()) return;
    this.saveProblem.set(null);
    this.editing.set(ref);
  }

  protected cancelEdit(): void {
    if (this.saving()) return;
    this.editing.set(null);
    this.saveProblem.set(null);
  }

  /** Posts the band as a batch of one; on success the year's targets are fetched again. */
  protected save(draft: BandDraft): void {
    const ref = this.editing();
    const row = this.rowOf(ref);
    if (!ref || !row || this.saving()) return;
    const target: TargetInput = { metric: ref.metric, orgUnit: ref.orgUnit, period: ref.period, ...draft };
    this.saving.set(true);
    this.saveProblem.set(null);
    this.targets
      .save({ targets: [target] })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          this.saving.set(false);
          this.editing.set(null);
          const band = {
            threshold: Number(draft.threshold),
            target: Number(draft.target),
            stretch: Number(draft.stretch),
          };
          this.notice.set(
            savedText(`${row.unitName} · ${row.metric.name} · ${ref.period}`, band, row.metric, result),
          );
          this.loadTargets();
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.saveProblem.set(targetSaveProblem(error));
        },
      });
  }

  /** Asks, then removes the target set for exactly this period. */
  protected remove(ref: TargetCellRef): void {
    const row = this.rowOf(ref);
    const calendar = this.calendar.value();
    if (!row || !calendar || this.saving()) return;
    const where = `${row.unitName} · ${row.metric.name} · ${ref.period}`;
    const after = afterRemovalText(row, ref.period, calendar.startMonth);
    const data: ConfirmDialogData = {
      title: `Remove the target of ${where}?`,
      message: `${after} The removal is written to the audit log.`,
      confirm: 'Remove',
    };
    this.dialog
      .open(ConfirmDialogComponent, { data, width: '460px' })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.saving.set(true);
          this.saveProblem.set(null);
          this.pageProblem.set(null);
          return this.targets.remove(ref.metric, ref.orgUnit, ref.period);
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.editing.set(null);
          this.notice.set(`${where} removed. ${after}`);
          this.loadTargets();
        },
        error: (error: unknown) => {
          this.saving.set(false);
          if (this.editing()) this.saveProblem.set(problemDetail(error));
          else this.pageProblem.set(problemDetail(error));
        },
      });
  }

  protected afterImport(result: TargetImportResult): void {
    this.notice.set('');
    if (result.created + result.updated > 0) this.loadTargets();
  }

  protected goToImport(): void {
    const section = document.getElementById('target-import');
    section?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    document.getElementById('import-title')?.focus({ preventScroll: true });
  }

  protected navigate(change: { period?: string; metric?: string; unit?: string }): void {
    const value = (next: string | undefined, current: string) => {
      const chosen = next ?? current;
      return chosen === ALL ? null : chosen;
    };
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: {
        period: change.period ?? this.periodLabel(),
        metric: value(change.metric, this.metricFilter()),
        unit: value(change.unit, this.unitFilter()),
      },
      queryParamsHandling: 'merge',
    });
  }

  private rowOf(ref: TargetCellRef | null) {
    if (!ref) return null;
    return (
      this.rowGroups()
        .flatMap((group) => group.rows)
        .find((row) => row.orgUnit === ref.orgUnit && row.metric.key === ref.metric) ?? null
    );
  }

  private unitName(key: string): string {
    return key ? (this.units().find((unit) => unit.key === key)?.name ?? key) : '';
  }

  private metricName(key: string): string {
    return key ? (this.metrics.value()?.find((metric) => metric.key === key)?.name ?? key) : '';
  }
}

/** Tags an answer with the choice it was asked for. */
function mapTargets(key: string) {
  return map((targets: Target[]) => ({ key, targets }));
}
