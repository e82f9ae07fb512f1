import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { LineChartModule, ScaleType } from '@swimlane/ngx-charts';
import { hostWidth } from '../metrics/element-width';
import { formatMetricValue } from './scorecard-format';
import { StatusChipComponent } from './status-chip.component';
import { TrendChart } from './trend-data';

/** The line: at least 4.5:1 on white. */
export const TREND_LINE_COLOUR = '#2f5f9e';

const HEIGHT = 190;

/**
 * One metric's trend over the scorecard's eight periods as a line, with the period's threshold,
 * target and stretch drawn as reference lines over the band between them, and a table of the same
 * numbers.
 */
@Component({
  selector: 'ls-metric-trend-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LineChartModule, MatSlideToggleModule, StatusChipComponent],
  template: `
    <section class="ls-panel" [attr.aria-labelledby]="id() + '-title'" [attr.data-metric]="chart().metric">
      <header class="ls-chart-head head">
        <div>
          <h3 [id]="id() + '-title'">
            {{ chart().name }}
            <ls-status-chip [status]="chart().status" />
          </h3>
          <p class="ls-muted">
            {{ chart().bandText }}{{ chart().info.direction === 'lower' ? ' · lower is better' : '' }}
          </p>
        </div>
        <mat-slide-toggle [checked]="asTable()" (change)="asTable.set($event.checked)"
          >Show as table</mat-slide-toggle
        >
      </header>
      @if (asTable()) {
        <table class="ls-data-table table">
          <caption class="ls-visually-hidden">
            {{
              chart().name
            }}
            by period
          </caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col" class="ls-num">{{ chart().shortName }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of chart().table; track row.period) {
              <tr>
                <td>{{ row.period }}</td>
                <td class="ls-num">{{ row.value }}</td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <div class="chart" role="img" [attr.aria-label]="chart().summary" [style.height.px]="height">
          @if (width() > 0) {
            <ngx-charts-line-chart
              [view]="[chartWidth(), height]"
              [results]="chart().series"
              [scheme]="scheme"
              [xAxis]="true"
              [yAxis]="true"
              [showXAxisLabel]="false"
              [showYAxisLabel]="true"
              [yAxisLabel]="chart().shortName"
              [showGridLines]="true"
              [autoScale]="true"
              [yScaleMin]="chart().yMin"
              [yScaleMax]="chart().yMax"
              [referenceLines]="chart().referenceLines"
              [showRefLines]="true"
              [showRefLabels]="true"
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
    .head h3 {
      display: flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
    .chart {
      padding: 0 8px 8px;
    }
    .table {
      font-size: 0.85rem;
      border-collapse: collapse;
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
    :host ::ng-deep .refline-path {
      stroke: #5a6270;
      stroke-dasharray: 4 3;
    }
    :host ::ng-deep .refline-label {
      font-size: 10px;
      fill: #5a6270;
    }
    :host ::ng-deep .reference-area {
      fill: #2f5f9e;
      fill-opacity: 0.07;
    }
  `,
})
export class MetricTrendChartComponent {
  readonly chart = input.required<TrendChart>();

  protected readonly height = HEIGHT;
  protected readonly asTable = signal(false);
  protected readonly width = hostWidth();
  protected readonly scheme = {
    name: 'trend',
    selectable: false,
    group: ScaleType.Ordinal,
    domain: [TREND_LINE_COLOUR],
  };
  protected readonly chartWidth = computed(() => Math.max(0, this.width() - 16));
  protected readonly id = computed(() => `trend-${this.chart().metric}`);
  protected readonly formatTick = (value: number) => formatMetricValue(value, this.chart().info, true);
}
