import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, Router } from '@angular/router';
import type { CompanyScorecard, FiscalCalendar, MetricDefinition } from '@lodestar/contracts';
import { SettingsService } from '../settings/settings.service';
import { IconComponent } from '../shared/icon.component';
import { EmptyStateComponent, ErrorStateComponent, LoadingComponent } from '../shared/page-states.component';
import { remoteResource } from '../shared/remote-resource';
import { balanceData } from './balance-data';
import { BalanceChartComponent } from './balance-chart.component';
import { cxLeaderboard } from './cx-leaderboard';
import { CxLeaderboardComponent } from './cx-leaderboard.component';
import { definitionMap, gridColumns, gridRow } from './scorecard-format';
import { ScorecardGridComponent } from './scorecard-grid.component';
import { ScorecardPeriodPickerComponent } from './scorecard-period-picker.component';
import { defaultScorecardPeriod, scorecardPeriodOptions } from './scorecard-periods';
import { ScorecardsService } from './scorecards.service';

/**
 * The company scorecard, the executives' home: the company and every function, CX beside quota and
 * margin for one period, the balance of selling and serving, and the CX leaderboard. The period lives
 * in the query string (`?period=FY2025-Q4`), so a view can be shared as a link.
 */
@Component({
  selector: 'ls-company-scorecard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    LoadingComponent,
    EmptyStateComponent,
    ErrorStateComponent,
    ScorecardGridComponent,
    ScorecardPeriodPickerComponent,
    BalanceChartComponent,
    CxLeaderboardComponent,
    MatButtonModule,
    IconComponent,
  ],
  template: `
    <section class="ls-page wide" aria-labelledby="scorecard-title">
      <header class="ls-page-header">
        <div>
          <h1 id="scorecard-title">Company scorecard</h1>
          <p>
            Every function's customer results beside its quota, pipeline or budget, against their targets.
          </p>
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
          <ls-loading [label]="'Loading the scorecard for ' + period + '…'" />
        }
        @if (scorecard.problem(); as failure) {
          <ls-error-state
            title="The scorecard could not be loaded"
            [detail]="failure.detail"
            [errors]="failure.errors"
            (retry)="loadScorecard()"
          />
        } @else if (scorecard.value(); as card) {
          <section class="ls-panel" aria-labelledby="grid-title">
            <header class="grid-head">
              <h2 id="grid-title">{{ card.company.name }} and its functions · {{ card.period }}</h2>
              <p class="ls-muted">Open a function for its trends, causes, comments and action plans.</p>
              <nav class="exports" aria-label="Download this scorecard">
                <a mat-stroked-button [href]="exportUrl(card.period, 'csv')" download>
                  <ls-icon name="download" />CSV
                </a>
                <a mat-stroked-button [href]="exportUrl(card.period, 'xlsx')" download>
                  <ls-icon name="download" />Excel
                </a>
              </nav>
            </header>
            @if (card.functions.length) {
              <ls-scorecard-grid
                [rows]="rows()"
                [columns]="columns()"
                [period]="card.period"
                [caption]="'Company scorecard, ' + card.period"
                (open)="openUnit($event)"
              />
            } @else {
              <ls-empty-state title="No functions under the company yet" icon="org">
                An administrator adds the functions on the Organisation page; their scorecards show here.
              </ls-empty-state>
            }
          </section>
          @if (card.functions.length) {
            <div class="below">
              <ls-balance-chart [data]="balance()" [period]="card.period" (open)="openUnit($event)" />
              <ls-cx-leaderboard [board]="leaderboard()" [period]="card.period" />
            </div>
          }
        }
      }
    </section>
  `,
  styles: `
    .wide {
      --ls-page-max: 1480px;
    }
    .grid-head {
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: 4px 16px;
      flex-wrap: wrap;
      padding: 12px 14px 8px;
    }
    .grid-head h2 {
      font: var(--mat-sys-title-medium);
      font-weight: 600;
    }
    .grid-head p {
      margin: 0;
      font-size: 0.82rem;
    }
    .exports {
      display: flex;
      gap: 8px;
      margin-left: auto;
    }
    .below {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 16px;
      align-items: start;
    }
    @media (min-width: 1200px) {
      .below {
        grid-template-columns: minmax(0, 5fr) minmax(0, 3fr);
      }
    }
  `,
})
export class CompanyScorecardPageComponent {
  private readonly scorecards = inject(ScorecardsService);
  private readonly settings = inject(SettingsService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** Query parameter, bound by the router. */
  readonly period = input<string | undefined>();

  protected readonly calendar = remoteResource<FiscalCalendar>();
  protected readonly metrics = remoteResource<MetricDefinition[]>();
  protected readonly scorecard = remoteResource<CompanyScorecard>({ clearOnError: true });

  /** The period asked for, or the last complete fiscal quarter once the calendar is known. */
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

  protected readonly definitions = computed(() => definitionMap(this.metrics.value()));

  protected exportUrl(period: string, format: 'csv' | 'xlsx'): string {
    return this.scorecards.exportUrl(period, format);
  }
  protected readonly columns = computed(() =>
    gridColumns(this.scorecard.value()?.cxColumns ?? [], this.definitions()),
  );
  protected readonly rows = computed(() => {
    const card = this.scorecard.value();
    if (!card) return [];
    const columns = this.columns();
    const definitions = this.definitions();
    return [
      gridRow(card.company, columns, definitions, card.cxColumns, true),
      ...card.functions.map((row) => gridRow(row, columns, definitions, card.cxColumns)),
    ];
  });
  protected readonly balance = computed(() =>
    balanceData(this.scorecard.value()?.functions ?? [], this.definitions()),
  );
  protected readonly leaderboard = computed(() => cxLeaderboard(this.scorecard.value()?.functions ?? []));

  constructor() {
    this.loadSetup();
    effect(() => {
      const period = this.periodLabel();
      if (period) untracked(() => this.scorecard.load(this.scorecards.company(period)));
    });
  }

  loadSetup(): void {
    this.calendar.load(this.settings.fiscalCalendar());
    // Names and formats of the metrics; the grid falls back on the built-in ones without them.
    this.metrics.load(this.scorecards.metrics());
  }

  protected loadScorecard(): void {
    const period = this.periodLabel();
    if (period) this.scorecard.load(this.scorecards.company(period));
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
}
