import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { LineChartModule, ScaleType } from '@swimlane/ngx-charts';
import { EmptyStateComponent } from '../shared/page-states.component';
import { hostWidth } from './element-width';
import { formatMeasurement, MeasuredMetric, TrendRow } from './measurement-format';

/** The line: at least 4.5:1 on white. */
export const TREND_COLOUR = '#2f5f9e';

/** One unit's monthly values of the year as a line, with the same numbers as a table. */
@Component({
  selector: 'ls-measurement-trend',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LineChartModule, MatSlideToggleModule, EmptyStateComponent],
  template: `
    <section class="ls-panel" aria-labelledby="trend-title">
      <header class="ls-chart-head">
        <div>
          <h2 id="trend-title">{{ metric().name }} by month</h2>
          <p class="ls-muted">{{ row()?.unitName ?? 'No unit chosen' }} · {{ period() }}</p>
        </div>
        <mat-slide-toggle [checked]="asTable()" (change)="asTable.set($event.checked)"
          >Show as table</mat-slide-toggle
        >
      </header>
      @if (!hasPoints()) {
        <ls-empty-state title="Nothing to draw yet" icon="trend">
          {{ row()?.unitName ?? 'This unit' }} has no value in {{ period() }}. Type one into the grid or
          import a CSV.
        </ls-empty-state>
      } @else if (asTable()) {
        <table class="ls-data-table table" data-testid="trend-table">
          <caption class="ls-visually-hidden">
            {{
              metric().name
            }}
            of
            {{
              row()?.unitName
            }}
            per month,
            {{
              period()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" class="ls-num">{{ metric().name }}</th>
            </tr>
          </thead>
          <tbody>
            @for (point of row()?.points ?? []; track point.period) {
              <tr>
                <td>{{ point.period }}</td>
                <td class="ls-num">{{ point.text }}</td>
              </tr>
            }
          </tbody>
        </table>
      } @else if (single(); as point) {
        <p class="single" data-testid="trend-single">
          Only {{ point.period }} has a value so far: {{ point.text }}. The line starts from two months.
        </p>
      } @else {
        <div class="chart" role="img" [attr.aria-label]="summary()">
          @if (width() > 0) {
            <ngx-charts-line-chart
              [view]="[chartWidth(), 220]"
              [results]="chartData()"
              [scheme]="scheme"
              [xAxis]="true"
              [yAxis]="true"
              [showXAxisLabel]="true"
              [showYAxisLabel]="true"
              xAxisLabel="Month"
              [yAxisLabel]="metric().name"
              [showGridLines]="true"
              [roundDomains]="true"
              [autoScale]="true"
              [animations]="false"
              [yAxisTickFormatting]="formatTick"
            >
              <ng-template #tooltipTemplate let-model="model">
                <span class="tooltip-label">{{ model.name }}</span>
                <span class="tooltip-val">{{ formatTick(model.value) }}</span>
              </ng-template>
              <ng-template #seriesTooltipTemplate let-model="model">
                @for (entry of model; track entry.name) {
                  <span class="tooltip-label">{{ entry.name }}</span>
                  <span class="tooltip-val">{{ formatTick(entry.value) }}</span>
                }
              </ng-template>
            </ngx-charts-line-chart>
          }
        </div>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .chart {
      height: 220px;
      padding: 0 8px 10px;
    }
    .single {
      margin: 0;
      padding: 8px 16px 16px;
      color: var(--ls-muted);
    }
    .table {
      font-size: 0.85rem;
    }
    .table th,
    .table td {
      padding: 4px 16px;
      text-align: left;
      border-bottom: 1px solid var(--ls-border);
    }
    .table .ls-num {
      text-align: right;
    }
  `,
})
export class MeasurementTrendComponent {
  readonly metric = input.required<MeasuredMetric>();
  readonly period = input.required<string>();
  readonly row = input<TrendRow | null>(null);

  protected readonly asTable = signal(false);
  protected readonly width = hostWidth();
  protected readonly scheme = {
    name: 'measurement',
    selectable: false,
    group: ScaleType.Ordinal,
    domain: [TREND_COLOUR],
  };

  protected readonly chartWidth = computed(() => Math.max(0, this.width() - 16));
  protected readonly hasPoints = computed(() => !!this.row()?.points.some((point) => point.value !== null));
  /** The one month with a value, when there is only one: a line needs two. */
  protected readonly single = computed(() => {
    const points = this.row()?.points.filter((point) => point.value !== null) ?? [];
    return points.length === 1 ? points[0] : null;
  });
  protected readonly chartData = computed(() => {
    const row = this.row();
    if (!row) return [];
    return [
      {
        name: row.unitName,
        series: row.points
          .filter((point) => point.value !== null)
          .map((point) => ({ name: point.period, value: point.value as number })),
      },
    ];
  });
  protected readonly summary = computed(() => {
    const row = this.row();
    if (!row) return '';
    const shown = row.points.filter((point) => point.value !== null);
    const first = shown[0];
    const last = shown[shown.length - 1];
    return `Line chart of ${this.metric().name} for ${row.unitName}, ${shown.length} months with a value, from ${first?.text} in ${first?.period} to ${last?.text} in ${last?.period}. Switch on "Show as table" for every number.`;
  });

  protected readonly formatTick = (value: number) => formatMeasurement(value, this.metric());
}
