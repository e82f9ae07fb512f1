import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { MetricUnit, Statement } from '@lodestar/contracts';
import { BarChartModule, ScaleType } from '@swimlane/ngx-charts';
import { hostWidth } from '../metrics/element-width';
import { IconComponent, type IconName } from '../shared/icon.component';
import { chartNumber, compareDecimals, formatMetricValue, formatPayout } from './incentive-format';

export interface WhatItTakesRow {
  key: string;
  label: string;
  current: string;
  currentPayout: string;
  needed: string;
  best: string;
  note: string;
  /** At or beyond target payout now. */
  reached: boolean;
  statusLabel: string;
  statusIcon: IconName;
  lowerIsBetter: boolean;
}

export interface WhatItTakesChart {
  series: { name: string; series: { name: string; value: number }[] }[];
  summary: string;
}

export const NOW_SERIES = 'Payout now';
export const BEST_SERIES = 'Best still reachable';

/** Per component of the open quarter: where it stands, the value that pays target, and the best payout left. */
export function whatItTakesRows(statement: Statement): WhatItTakesRow[] {
  const units = new Map<string, MetricUnit>(
    statement.trace.components.map((component) => [component.key, component.unit]),
  );
  return (statement.whatItTakes ?? []).map((item) => {
    const unit = units.get(item.component) ?? 'score';
    const reached = compareDecimals(item.currentPayout, '100') >= 0;
    return {
      key: item.component,
      label: item.label,
      current: item.current === null ? 'No result yet' : formatMetricValue(item.current, unit),
      currentPayout: formatPayout(item.currentPayout),
      needed:
        item.neededForTarget === null
          ? 'Target payout is out of reach'
          : `${item.direction === 'lower' ? 'at most' : 'at least'} ${formatMetricValue(item.neededForTarget, unit)}`,
      best: formatPayout(item.bestPayout),
      note: item.note,
      reached,
      statusLabel: reached ? 'At or beyond target' : 'Short of target',
      statusIcon: reached ? 'ok' : 'warning',
      lowerIsBetter: item.direction === 'lower',
    };
  });
}

/** The payout now and the best still reachable per component, as grouped bars. */
export function whatItTakesChart(statement: Statement): WhatItTakesChart {
  const items = statement.whatItTakes ?? [];
  return {
    series: items.map((item) => ({
      name: item.label,
      series: [
        { name: NOW_SERIES, value: chartNumber(item.currentPayout) ?? 0 },
        { name: BEST_SERIES, value: chartNumber(item.bestPayout) ?? 0 },
      ],
    })),
    summary:
      'Payout now and the best still reachable, in % of target: ' +
      items
        .map(
          (item) =>
            `${item.label} ${formatPayout(item.currentPayout)} now, at best ${formatPayout(item.bestPayout)}`,
        )
        .join('; ') +
      '.',
  };
}

/** The bars: at least 4.5:1 on white each, and named in the legend and the table. */
const NOW_COLOUR = '#2f5f9e';
const BEST_COLOUR = '#6b6f76';

/**
 * "What it takes" in the open quarter: per component, its value and payout now, the value that pays
 * target, the best payout still reachable and the note that explains it; with a compact chart of the
 * payout now against the best reachable, or the same numbers as a table.
 */
@Component({
  selector: 'ls-what-it-takes',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BarChartModule, MatSlideToggleModule, IconComponent],
  template: `
    <table class="ls-data-table table" data-testid="what-it-takes">
      <caption class="ls-visually-hidden">
        What it takes, per component
      </caption>
      <thead>
        <tr>
          <th scope="col">Component</th>
          <th scope="col" class="ls-num">Now</th>
          <th scope="col" class="ls-num">Pays now</th>
          <th scope="col">Needed for target payout</th>
          <th scope="col" class="ls-num">Best still reachable</th>
          <th scope="col">What it means</th>
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.key) {
          <tr [attr.data-component]="row.key" data-testid="what-it-takes-row">
            <th scope="row">{{ row.label }}</th>
            <td class="ls-num">{{ row.current }}</td>
            <td class="ls-num">
              <span class="ls-status-chip" [attr.data-status]="row.reached ? 'green' : 'amber'">
                <ls-icon [name]="row.statusIcon" />
                <span class="ls-visually-hidden">{{ row.statusLabel }}:</span>
                <span>{{ row.currentPayout }}</span>
              </span>
            </td>
            <td>{{ row.needed }}{{ row.lowerIsBetter ? ' (lower is better)' : '' }}</td>
            <td class="ls-num">{{ row.best }}</td>
            <td class="note">{{ row.note }}</td>
          </tr>
        }
      </tbody>
    </table>

    <figure class="figure" aria-labelledby="what-it-takes-chart-title">
      <figcaption class="head">
        <span id="what-it-takes-chart-title" class="title">Payout now and the best still reachable</span>
        <mat-slide-toggle [checked]="asTable()" (change)="asTable.set($event.checked)"
          >Show as table</mat-slide-toggle
        >
      </figcaption>
      @if (asTable()) {
        <table class="ls-data-table table small" data-testid="what-it-takes-chart-table">
          <caption class="ls-visually-hidden">
            Payout now and the best still reachable, per component
          </caption>
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col" class="ls-num">{{ nowSeries }}</th>
              <th scope="col" class="ls-num">{{ bestSeries }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.key) {
              <tr>
                <th scope="row">{{ row.label }}</th>
                <td class="ls-num">{{ row.currentPayout }}</td>
                <td class="ls-num">{{ row.best }}</td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <div class="legend" aria-hidden="true">
          <span><span class="swatch now"></span>{{ nowSeries }}</span>
          <span><span class="swatch best"></span>{{ bestSeries }}</span>
        </div>
        <div class="chart" role="img" [attr.aria-label]="chart().summary" [style.height.px]="height()">
          @if (width() > 0) {
            <ngx-charts-bar-horizontal-2d
              [view]="[width(), height()]"
              [results]="chart().series"
              [scheme]="scheme"
              [xAxis]="true"
              [yAxis]="true"
              [legend]="false"
              [showXAxisLabel]="true"
              xAxisLabel="Payout (% of target)"
              [showGridLines]="true"
              [animations]="false"
              [xAxisTickFormatting]="formatTick"
              [barPadding]="2"
              [groupPadding]="10"
            >
              <ng-template #tooltipTemplate let-model="model">
                <span class="tooltip-label">{{ model.series }} · {{ model.name }}</span>
                <span class="tooltip-val">{{ formatTick(model.value) }}</span>
              </ng-template>
            </ngx-charts-bar-horizontal-2d>
          }
        </div>
      }
    </figure>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .table {
      border-collapse: collapse;
      font-size: 0.88rem;
    }
    .table th,
    .table td {
      padding: 6px 10px;
      text-align: left;
      vertical-align: top;
      border-bottom: 1px solid var(--ls-border);
    }
    .table .ls-num {
      text-align: right;
      white-space: nowrap;
    }
    .table tbody th {
      font-weight: 600;
    }
    .note {
      color: var(--ls-muted);
      min-width: 220px;
    }
    .small {
      max-width: 520px;
    }
    .figure {
      margin: 0;
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      flex-wrap: wrap;
      gap: 4px 12px;
    }
    .title {
      font-weight: 600;
      font-size: 0.85rem;
    }
    .legend {
      display: flex;
      gap: 16px;
      font-size: 0.8rem;
      margin: 4px 0;
    }
    .swatch {
      display: inline-block;
      width: 12px;
      height: 12px;
      border-radius: 2px;
      margin-right: 6px;
      vertical-align: -1px;
    }
    .swatch.now {
      background: #2f5f9e;
    }
    .swatch.best {
      background: #6b6f76;
    }
  `,
})
export class WhatItTakesComponent {
  /** The open quarter's projection, with its `whatItTakes`. */
  readonly statement = input.required<Statement>();

  protected readonly nowSeries = NOW_SERIES;
  protected readonly bestSeries = BEST_SERIES;
  protected readonly asTable = signal(false);
  protected readonly width = hostWidth();
  protected readonly rows = computed(() => whatItTakesRows(this.statement()));
  protected readonly chart = computed(() => whatItTakesChart(this.statement()));
  protected readonly height = computed(() => 60 + 44 * this.rows().length);
  protected readonly scheme = {
    name: 'what-it-takes',
    selectable: false,
    group: ScaleType.Ordinal,
    domain: [NOW_COLOUR, BEST_COLOUR],
  };
  protected readonly formatTick = (value: number | string) => formatPayout(String(value));
}
