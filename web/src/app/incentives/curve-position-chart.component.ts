import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { MetricDirection, MetricUnit, PayoutPoint } from '@lodestar/contracts';
import { LineChartModule, ScaleType } from '@swimlane/ngx-charts';
import { hostWidth } from '../metrics/element-width';
import { curveChart } from './curve-chart-data';
import { formatMetricValue, formatPayout } from './incentive-format';

/** The curve: at least 4.5:1 on white. The result: a darker orange, also 4.5:1. */
const CURVE_COLOUR = '#2f5f9e';
const RESULT_COLOUR = '#a34400';

const HEIGHT = 150;

let nextId = 0;

/**
 * A component's payout curve — value of the metric ↦ payout % — with the result marked as a line at its
 * value up to what the curve pays there, and a "Show as table" alternative with the same numbers.
 */
@Component({
  selector: 'ls-curve-position-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LineChartModule, MatSlideToggleModule],
  template: `
    <figure class="figure" [attr.aria-labelledby]="id + '-title'">
      <figcaption class="head">
        <span [id]="id + '-title'" class="title">Payout curve of {{ label() }}</span>
        <mat-slide-toggle
          class="toggle"
          [checked]="asTable()"
          (change)="asTable.set($event.checked)"
          [aria-label]="'Show the payout curve of ' + label() + ' as a table'"
          >Show as table</mat-slide-toggle
        >
      </figcaption>
      @if (asTable()) {
        <table class="ls-data-table table" data-testid="curve-table">
          <caption class="ls-visually-hidden">
            Payout curve of
            {{
              label()
            }}
            and the result
          </caption>
          <thead>
            <tr>
              <th scope="col">Value</th>
              <th scope="col" class="ls-num">Pays</th>
            </tr>
          </thead>
          <tbody>
            @for (row of chart().table; track $index) {
              <tr [class.result]="row.result">
                <td>
                  {{ row.value }}
                  @if (row.result) {
                    <span class="result-word">(result)</span>
                  }
                </td>
                <td class="ls-num">{{ row.payout }}</td>
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
              [showXAxisLabel]="true"
              [xAxisLabel]="xAxisLabel()"
              [showYAxisLabel]="true"
              yAxisLabel="Payout"
              [showGridLines]="true"
              [xScaleMin]="chart().xMin"
              [xScaleMax]="chart().xMax"
              [yScaleMin]="0"
              [yScaleMax]="chart().yMax"
              [referenceLines]="chart().referenceLines"
              [showRefLines]="chart().referenceLines.length > 0"
              [showRefLabels]="true"
              [animations]="false"
              [xAxisTicks]="chart().xTicks"
              [yAxisTicks]="chart().yTicks"
              [xAxisTickFormatting]="formatX"
              [yAxisTickFormatting]="formatY"
            >
              <ng-template #tooltipTemplate let-model="model">
                <span class="tooltip-label">{{ model.series }}</span>
                <span class="tooltip-val">{{ formatX(model.name) }} ↦ {{ formatY(model.value) }}</span>
              </ng-template>
              <ng-template #seriesTooltipTemplate let-model="model">
                @for (entry of model; track $index) {
                  <span class="tooltip-label">{{ entry.series }}</span>
                  <span class="tooltip-val">{{ formatX(entry.name) }} ↦ {{ formatY(entry.value) }}</span>
                }
              </ng-template>
            </ngx-charts-line-chart>
          }
        </div>
      }
    </figure>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
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
      font-size: 0.8rem;
    }
    .title {
      font-weight: 600;
      color: var(--ls-muted);
    }
    .toggle {
      font-size: 0.8rem;
    }
    .table {
      font-size: 0.82rem;
      border-collapse: collapse;
      margin-top: 4px;
    }
    .table th,
    .table td {
      padding: 3px 10px;
      text-align: left;
      border-bottom: 1px solid var(--ls-border);
    }
    .table .ls-num {
      text-align: right;
    }
    .table .result td {
      font-weight: 600;
    }
    .result-word {
      font-weight: 400;
      color: var(--ls-muted);
    }
    :host ::ng-deep .refline-path {
      stroke: #5a6270;
      stroke-dasharray: 4 3;
    }
    :host ::ng-deep .refline-label {
      font-size: 10px;
      fill: #5a6270;
    }
    @media print {
      .toggle {
        display: none;
      }
    }
  `,
})
export class CurvePositionChartComponent {
  /** The component's name: "Quota". */
  readonly label = input.required<string>();
  /** The metric's name on the value axis: "Adjusted quota attainment". */
  readonly metricName = input<string>('');
  readonly unit = input.required<MetricUnit>();
  readonly direction = input<MetricDirection>('higher');
  readonly points = input.required<readonly PayoutPoint[]>();
  /** The input's value; null when paid at target without one. */
  readonly value = input<string | null>(null);
  readonly curvePayout = input.required<string>();
  /** The payout after the cap and gates; the curve's own payout when not given. */
  readonly payout = input<string | null>(null);

  protected readonly id = `curve-${nextId++}`;
  protected readonly height = HEIGHT;
  protected readonly asTable = signal(false);
  protected readonly width = hostWidth(320);
  protected readonly chartWidth = computed(() => Math.max(0, this.width()));
  protected readonly xAxisLabel = computed(() => this.metricName() || this.label());
  protected readonly scheme = {
    name: 'payout-curve',
    selectable: false,
    group: ScaleType.Ordinal,
    domain: [CURVE_COLOUR, RESULT_COLOUR],
  };

  protected readonly chart = computed(() =>
    curveChart({
      label: this.label(),
      unit: this.unit(),
      direction: this.direction(),
      points: this.points(),
      value: this.value(),
      curvePayout: this.curvePayout(),
      payout: this.payout() ?? this.curvePayout(),
    }),
  );

  protected readonly formatX = (value: number | string) => formatMetricValue(String(value), this.unit());
  protected readonly formatY = (value: number | string) => formatPayout(String(value));
}
