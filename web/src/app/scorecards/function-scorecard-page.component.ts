import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type {
  ActionPlan,
  CxResult,
  FiscalCalendar,
  MetricDefinition,
  OrgUnitNode,
  UnitScorecard,
} from '@lodestar/contracts';
import { AuthService } from '../auth/auth.service';
import { NpsDistributionComponent } from '../metrics/nps-distribution.component';
import { VocParetoComponent } from '../metrics/voc-pareto.component';
import { ORG_UNIT_TYPE_LABELS } from '../org/org-tree';
import { OrgUnitsService } from '../org/org-units.service';
import { SettingsService } from '../settings/settings.service';
import { formatPeople } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import { EmptyStateComponent, ErrorStateComponent, LoadingComponent } from '../shared/page-states.component';
import { problemDetail } from '../shared/problem';
import { remoteResource } from '../shared/remote-resource';
import { ActionPlanDraft, ActionPlanEdit, ActionPlansComponent } from './action-plans.component';
import { MetricTrendChartComponent } from './metric-trend-chart.component';
import { CommentDraft, MetricChoice, ScorecardCommentsComponent } from './scorecard-comments.component';
import { CX_INDEX_METRIC, definitionMap, gridColumns, gridRow, metricInfo } from './scorecard-format';
import { ScorecardGridComponent } from './scorecard-grid.component';
import { ScorecardPeriodPickerComponent } from './scorecard-period-picker.component';
import { defaultScorecardPeriod, scorecardPeriodOptions } from './scorecard-periods';
import { canWriteScorecard, ownerChoices } from './scorecard-writers';
import { StatusChipComponent } from './status-chip.component';
import { ScorecardsService } from './scorecards.service';
import { ScorecardInvestmentsComponent } from './scorecard-investments.component';
import { trendCharts } from './trend-data';

/**
 * A function's scorecard (or any unit's): its headline results and CX index, the units below it in the
 * same grid as the company's, each metric's trend against its target band, the NPS distribution and
 * the Pareto of causes, and the conversation — comments and action plans — that the unit's executive
 * and the CX lead keep on it. Unit and period live in the link (`/scorecards/operations?period=FY2025-Q4`).
 */
@Component({
  selector: 'ls-function-scorecard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    IconComponent,
    LoadingComponent,
    EmptyStateComponent,
    ErrorStateComponent,
    ScorecardGridComponent,
    ScorecardPeriodPickerComponent,
    MetricTrendChartComponent,
    NpsDistributionComponent,
    VocParetoComponent,
    ScorecardCommentsComponent,
    ActionPlansComponent,
    StatusChipComponent,
    ScorecardInvestmentsComponent,
  ],
  template: `
    <section class="ls-page wide" aria-labelledby="unit-title">
      <nav aria-label="Breadcrumb" class="crumbs">
        <a routerLink="/scorecards" [queryParams]="{ period: periodLabel() }">Company scorecard</a>
        <span aria-hidden="true">›</span>
        <span aria-current="page">{{ unitName() }}</span>
      </nav>
      <header class="ls-page-header">
        <div>
          <h1 id="unit-title">{{ unitName() }} scorecard</h1>
          @if (scorecard.value(); as card) {
            <p>
              {{ typeLabel(card.unit.type) }} ·
              @if (card.unit.leader) {
                led by {{ card.unit.leader.name }} ·
              }
              {{ people(card.unit.headcount) }}
            </p>
          }
        </div>
        <ls-scorecard-period-picker
          [groups]="periods()"
          [value]="periodLabel()"
          (changed)="choosePeriod($event)"
        />
      </header>

      @if (calendar.loading()) {
        <ls-loading label="Loading the fiscal calendar…" />
      }
      @if (calendar.problem(); as failure) {
        <ls-error-state
          title="The fiscal calendar could not be loaded"
          [detail]="failure.detail"
          [errors]="failure.errors"
          (retry)="loadSetup()"
        />
      } @else if (periodLabel(); as period) {
        @if (scorecard.loading()) {
          <ls-loading [label]="'Loading the scorecard of ' + unitName() + ' for ' + period + '…'" />
        }
        @if (scorecard.problem(); as failure) {
          <ls-error-state
            title="This scorecard could not be loaded"
            [detail]="failure.detail"
            [errors]="failure.errors"
            [retryable]="failure.status !== 404"
            (retry)="loadScorecard()"
          />
          @if (failure.status === 404) {
            <p><a routerLink="/scorecards">Back to the company scorecard</a></p>
          }
        } @else if (scorecard.value(); as card) {
          <div class="headline" data-testid="headline">
            @for (tile of headline(); track tile.columnId) {
              <div class="tile" [attr.data-column]="tile.columnId">
                <p class="tile-label">{{ tile.label }}</p>
                <p class="tile-value">
                  <span class="big">{{ tile.value }}</span>
                  @if (tile.margin) {
                    <span class="ls-muted">{{ tile.margin }}</span>
                  }
                </p>
                <p class="tile-meta">
                  <ls-status-chip [status]="tile.status" [insufficient]="tile.insufficient" />
                  @if (tile.target) {
                    <span class="ls-muted">target {{ tile.target }}</span>
                  }
                </p>
                @if (tile.note) {
                  <p class="tile-note" data-testid="cx-index-note">{{ tile.note }}</p>
                }
              </div>
            }
          </div>

          @if (card.commentsRequired.length) {
            <div class="prompts" role="note" aria-label="Comments needed" data-testid="comments-required">
              @for (metric of card.commentsRequired; track metric) {
                <p>
                  <ls-icon name="flag" />
                  <span
                    ><strong>{{ metricName(metric) }}</strong> is off track (red) in {{ card.period }}:
                    @if (canWrite()) {
                      add a comment.
                    } @else {
                      it waits for a comment from the unit's executive or the CX lead.
                    }
                  </span>
                  @if (canWrite()) {
                    <button mat-stroked-button type="button" (click)="commentOn(metric)">Comment</button>
                    <button mat-button type="button" (click)="planFor(metric)">Add an action plan</button>
                  }
                </p>
              }
            </div>
          }

          <section class="ls-panel" aria-labelledby="units-title">
            <header class="grid-head">
              <h2 id="units-title">
                {{ card.unit.name }}{{ card.children.length ? ' and the units below it' : '' }}
              </h2>
            </header>
            <ls-scorecard-grid
              [rows]="rows()"
              [columns]="columns()"
              [period]="card.period"
              [caption]="card.unit.name + ' scorecard, ' + card.period"
              [currentKey]="card.unit.orgUnit"
              [plans]="card.actionPlans"
              (open)="openUnit($event)"
            />
          </section>

          <section aria-labelledby="trends-title" class="block">
            <h2 id="trends-title" class="block-title">Trends against the target band</h2>
            @if (charts().length) {
              <div class="trends">
                @for (chart of charts(); track chart.metric) {
                  <ls-metric-trend-chart [chart]="chart" />
                }
              </div>
            } @else {
              <div class="ls-panel">
                <ls-empty-state title="No results to draw for this unit yet" icon="trend">
                  Its metrics have no values in {{ card.period }} or the seven periods before it.
                </ls-empty-state>
              </div>
            }
          </section>

          <section aria-labelledby="voc-title" class="block">
            <h2 id="voc-title" class="block-title">Voice of the customer</h2>
            <div class="voc">
              @if (nps.value(); as result) {
                @if (result.n > 0) {
                  <ls-nps-distribution [result]="result" />
                } @else {
                  <div class="ls-panel">
                    <ls-empty-state title="No NPS answers in this period" icon="forum">
                      No survey answer is attributed to {{ card.unit.name }} or a unit below it in
                      {{ card.period }}.
                    </ls-empty-state>
                  </div>
                }
              } @else if (nps.problem(); as failure) {
                <ls-error-state
                  title="The NPS could not be loaded"
                  [detail]="failure.detail"
                  (retry)="loadNps()"
                />
              } @else if (nps.loading()) {
                <ls-loading label="Loading the NPS distribution…" />
              }
              <ls-voc-pareto [orgUnit]="card.unit.orgUnit" [period]="card.period" />
            </div>
          </section>

          <ls-scorecard-investments
            [investments]="card.investments"
            [unitName]="card.unit.name"
            [period]="card.period"
          />

          <div class="talk">
            <ls-action-plans
              [plans]="card.actionPlans"
              [period]="card.period"
              [metrics]="metricChoices()"
              [owners]="owners()"
              [canWrite]="canWrite()"
              [saving]="planSaving()"
              [error]="planError()"
              [revision]="planRevision()"
              (create)="createPlan($event)"
              (edit)="changePlan($event)"
            />
            <ls-scorecard-comments
              [comments]="card.comments"
              [period]="card.period"
              [metrics]="metricChoices()"
              [canWrite]="canWrite()"
              [saving]="commentSaving()"
              [error]="commentError()"
              (post)="postComment($event)"
            />
          </div>
        }
      }
    </section>
  `,
  styles: `
    .wide {
      --ls-page-max: 1480px;
    }
    .crumbs {
      display: flex;
      gap: 8px;
      font-size: 0.85rem;
      color: var(--ls-muted);
      margin-bottom: -8px;
    }
    .headline {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
      gap: 12px;
    }
    .tile {
      padding: 12px 16px;
      border: 1px solid var(--ls-border);
      border-radius: 12px;
      background: var(--mat-sys-surface);
    }
    .tile p {
      margin: 0;
    }
    .tile-label {
      font-size: 0.8rem;
      color: var(--ls-muted);
    }
    .tile-value {
      display: flex;
      align-items: baseline;
      gap: 8px;
      margin-top: 2px;
    }
    .big {
      font-size: 1.8rem;
      font-weight: 600;
      line-height: 1.15;
      font-variant-numeric: tabular-nums;
    }
    .tile-meta {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-top: 4px !important;
      font-size: 0.82rem;
    }
    .tile-note {
      margin-top: 6px !important;
      font-size: 0.78rem;
      color: var(--ls-muted);
    }
    .prompts {
      display: flex;
      flex-direction: column;
      gap: 6px;
      padding: 10px 14px;
      border-radius: 12px;
      background: var(--ls-warn-container);
      color: var(--ls-warn);
    }
    .prompts p {
      display: flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
      margin: 0;
    }
    .prompts p > span {
      flex: 1 1 320px;
      color: var(--mat-sys-on-surface);
    }
    .grid-head {
      padding: 12px 14px 8px;
    }
    .grid-head h2,
    .block-title {
      font: var(--mat-sys-title-medium);
      font-weight: 600;
    }
    .block {
      display: flex;
      flex-direction: column;
      gap: 10px;
    }
    .trends {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(420px, 1fr));
      gap: 12px;
    }
    .voc,
    .talk {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 16px;
      align-items: start;
    }
    @media (min-width: 1280px) {
      .voc {
        grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      }
      .talk {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      }
    }
  `,
})
export class FunctionScorecardPageComponent {
  private readonly scorecards = inject(ScorecardsService);
  private readonly settings = inject(SettingsService);
  private readonly orgUnits = inject(OrgUnitsService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly title = inject(Title);

  /** Route parameter and query parameter, bound by the router. */
  readonly key = input.required<string>();
  readonly period = input<string | undefined>();

  protected readonly calendar = remoteResource<FiscalCalendar>();
  protected readonly tree = remoteResource<OrgUnitNode[]>();
  protected readonly metrics = remoteResource<MetricDefinition[]>();
  protected readonly scorecard = remoteResource<UnitScorecard>({ clearOnError: true });
  protected readonly nps = remoteResource<CxResult>({ clearOnError: true });
  protected readonly commentSaving = signal(false);
  protected readonly commentError = signal<string | null>(null);
  protected readonly planSaving = signal(false);
  protected readonly planError = signal<string | null>(null);
  protected readonly planRevision = signal(0);

  private readonly commentsPanel = viewChild(ScorecardCommentsComponent);
  private readonly plansPanel = viewChild(ActionPlansComponent);

  protected readonly periodLabel = computed(() => {
    const asked = this.period()?.trim();
    if (asked) return asked;
    const calendar = this.calendar.value();
    return calendar ? defaultScorecardPeriod(calendar.startMonth, calendar.timeZone) : null;
  });
  protected readonly periods = computed(() => {
    const calendar = this.calendar.value();
    return calendar ? scorecardPeriodOptions(calendar.startMonth, calendar.timeZone, this.periodLabel()) : [];
  });
  protected readonly unitName = computed(() => this.scorecard.value()?.unit.name ?? this.unitNameFromTree());
  private readonly unitNameFromTree = computed(() => {
    const find = (nodes: readonly OrgUnitNode[]): string | null => {
      for (const node of nodes) {
        if (node.key === this.key()) return node.name;
        const below = find(node.children);
        if (below) return below;
      }
      return null;
    };
    return find(this.tree.value() ?? []) ?? this.key();
  });

  protected readonly definitions = computed(() => definitionMap(this.metrics.value()));
  protected readonly columns = computed(() =>
    gridColumns(this.scorecard.value()?.cxColumns ?? [], this.definitions()),
  );
  protected readonly rows = computed(() => {
    const card = this.scorecard.value();
    if (!card) return [];
    const columns = this.columns();
    const definitions = this.definitions();
    return [
      gridRow(card.unit, columns, definitions, card.cxColumns, true),
      ...card.children.map((row) => gridRow(row, columns, definitions, card.cxColumns)),
    ];
  });
  /** The CX index, the primary commercial metric and the margin or budget, large. */
  protected readonly headline = computed(() => {
    const row = this.rows()[0];
    if (!row) return [];
    const order = [CX_INDEX_METRIC, 'primary', 'margin'];
    return order
      .map((id) => row.cells.find((cell) => cell.columnId === id))
      .filter((cell) => !!cell && (cell.metric !== null || cell.columnId === CX_INDEX_METRIC))
      .map((cell) => {
        const shown = cell as NonNullable<typeof cell>;
        const label =
          shown.columnId === CX_INDEX_METRIC
            ? 'CX index (100 = target)'
            : this.metricName(shown.metric ?? '') + (shown.columnId === 'primary' ? ' · primary' : '');
        return { ...shown, label };
      });
  });
  protected readonly charts = computed(() => {
    const card = this.scorecard.value();
    return card ? trendCharts(card.unit, card.cxColumns, this.definitions(), card.period) : [];
  });
  protected readonly metricChoices = computed((): MetricChoice[] => {
    const card = this.scorecard.value();
    if (!card) return [];
    const keys = [
      ...(card.unit.primary ? [card.unit.primary.metric] : []),
      ...(card.unit.margin ? [card.unit.margin.metric] : []),
      CX_INDEX_METRIC,
      ...card.cxColumns.map((column) => column.metric),
    ];
    return [...new Set(keys)].map((key) => ({ key, name: this.metricName(key) }));
  });
  protected readonly canWrite = computed(() =>
    canWriteScorecard(this.auth.user(), this.tree.value() ?? [], this.key()),
  );
  protected readonly owners = computed(() => {
    const card = this.scorecard.value();
    return ownerChoices(
      this.auth.user(),
      this.tree.value() ?? [],
      this.key(),
      card?.actionPlans ?? [],
      card?.comments,
    );
  });

  constructor() {
    this.loadSetup();
    effect(() => {
      const key = this.key();
      const period = this.periodLabel();
      if (!period) return;
      untracked(() => {
        this.commentError.set(null);
        this.planError.set(null);
        this.scorecard.load(this.scorecards.unit(key, period));
        this.nps.load(this.scorecards.nps(key, period));
      });
    });
    effect(() => this.title.setTitle(`${this.unitName()} scorecard · Lodestar`));
  }

  loadSetup(): void {
    this.calendar.load(this.settings.fiscalCalendar());
    this.tree.load(this.orgUnits.tree());
    this.metrics.load(this.scorecards.metrics());
  }

  protected loadScorecard(): void {
    const period = this.periodLabel();
    if (period) this.scorecard.load(this.scorecards.unit(this.key(), period));
  }

  protected loadNps(): void {
    const period = this.periodLabel();
    if (period) this.nps.load(this.scorecards.nps(this.key(), period));
  }

  protected metricName(key: string): string {
    const column = this.scorecard.value()?.cxColumns.find((candidate) => candidate.metric === key);
    return key === CX_INDEX_METRIC ? 'CX index' : metricInfo(key, this.definitions(), column).name;
  }

  protected typeLabel(type: string): string {
    return ORG_UNIT_TYPE_LABELS[type as keyof typeof ORG_UNIT_TYPE_LABELS] ?? type;
  }

  protected people(count: number): string {
    return formatPeople(count);
  }

  protected choosePeriod(period: string): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { period },
      queryParamsHandling: 'merge',
    });
  }

  protected openUnit(key: string): void {
    void this.router.navigate(['/scorecards', key], { queryParams: { period: this.periodLabel() } });
  }

  protected commentOn(metric: string): void {
    this.commentsPanel()?.startOn(metric);
  }

  protected planFor(metric: string): void {
    this.plansPanel()?.startOn(metric);
  }

  protected postComment(draft: CommentDraft): void {
    const card = this.scorecard.value();
    if (!card) return;
    this.commentSaving.set(true);
    this.commentError.set(null);
    const request = draft.metric
      ? { period: card.period, metric: draft.metric, body: draft.body }
      : { period: card.period, body: draft.body };
    this.scorecards.addComment(card.unit.orgUnit, request).subscribe({
      next: (comment) => {
        this.commentSaving.set(false);
        this.scorecard.update((value) =>
          value
            ? {
                ...value,
                comments: [comment, ...value.comments],
                commentsRequired: value.commentsRequired.filter((metric) => metric !== comment.metric),
              }
            : value,
        );
        this.commentsPanel()?.clear();
      },
      error: (error: unknown) => {
        this.commentSaving.set(false);
        this.commentError.set(problemDetail(error));
      },
    });
  }

  protected createPlan(draft: ActionPlanDraft): void {
    const card = this.scorecard.value();
    if (!card) return;
    this.planSaving.set(true);
    this.planError.set(null);
    this.scorecards.addActionPlan(card.unit.orgUnit, { period: card.period, ...draft }).subscribe({
      next: (plan) => {
        this.planSaving.set(false);
        this.replacePlans((plans) => [...plans, plan]);
        this.plansPanel()?.clear();
      },
      error: (error: unknown) => {
        this.planSaving.set(false);
        this.planError.set(problemDetail(error));
      },
    });
  }

  protected changePlan(edit: ActionPlanEdit): void {
    const { id, ...change } = edit;
    this.planSaving.set(true);
    this.planError.set(null);
    this.scorecards.updateActionPlan(id, change).subscribe({
      next: (plan) => {
        this.planSaving.set(false);
        this.replacePlans((plans) => plans.map((candidate) => (candidate.id === plan.id ? plan : candidate)));
      },
      error: (error: unknown) => {
        this.planSaving.set(false);
        this.planError.set(problemDetail(error));
        // Redraw the plans so the refused status or date shows its stored value again.
        this.planRevision.update((revision) => revision + 1);
      },
    });
  }

  private replacePlans(change: (plans: ActionPlan[]) => ActionPlan[]): void {
    this.scorecard.update((value) => (value ? { ...value, actionPlans: change(value.actionPlans) } : value));
  }
}
