import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  AxesModule,
  BubbleChartModule,
  calculateViewDimensions,
  ChartCommonModule,
  ColorHelper,
  ScaleType,
} from '@swimlane/ngx-charts';
import { linearScale } from '../metrics/chart-scales';
import { hostWidth } from '../metrics/element-width';
import { formatInteger } from '../shared/format';
import {
  BalanceData,
  BalancePoint,
  BalanceQuadrant,
  pointSummary,
  QUADRANT_LABELS,
  radiusScale,
  SCORE_TARGET,
} from './balance-data';

const QUADRANTS: BalanceQuadrant[] = ['both', 'commercial-ahead', 'cx-ahead', 'neither'];

/** Each at least 4.5:1 on white; the quadrant is also named in the chart's corners and in the table. */
export const QUADRANT_COLOURS: Readonly<Record<BalanceQuadrant, string>> = {
  both: '#1b6b3a',
  'commercial-ahead': '#a04a00',
  'cx-ahead': '#2f5f9e',
  neither: '#b3261e',
};

const HEIGHT = 380;
/** Room inside the plot so the largest bubble at the edge of a domain is drawn whole. */
const PAD = 28;
/** Above and below the bubbles: the names of the chart's quarters. */
const CAPTION = 14;
const LABEL_HEIGHT = 12;
const CHAR_WIDTH = 6.2;
const MARGINS: [number, number, number, number] = [16, 24, 8, 8];

/**
 * The balance chart: a bubble per function at (score of its primary commercial metric, CX index),
 * sized by headcount, with both targets (100) drawn as lines so the four quarters read at once —
 * a function selling ahead of serving sits bottom right. ngx-charts' bubble chart has no reference
 * lines, so this one is put together from its chart container, axes and bubble series on scales of
 * its own, and draws the target lines and quarter names itself. A table gives the same numbers.
 */
@Component({
  selector: 'ls-balance-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChartCommonModule, AxesModule, BubbleChartModule, MatSlideToggleModule],
  template: `
    <section class="ls-panel" aria-labelledby="balance-title" data-testid="balance-chart">
      <header class="ls-chart-head">
        <div>
          <h2 id="balance-title">Balance of selling and serving</h2>
          <p class="ls-muted">
            Each function's primary commercial metric against its CX index, both as scores on their target
            bands (100 = target) · bubble size: headcount · {{ period() }}
          </p>
        </div>
        <mat-slide-toggle [checked]="asTable()" (change)="asTable.set($event.checked)"
          >Show as table</mat-slide-toggle
        >
      </header>
      @if (!data().points.length) {
        <p class="empty">No function has both a scored commercial metric and a CX index in {{ period() }}.</p>
      } @else if (asTable()) {
        <table class="ls-data-table table" data-testid="balance-table">
          <caption class="ls-visually-hidden">
            Commercial score and CX index per function,
            {{
              period()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">Function</th>
              <th scope="col">Commercial metric</th>
              <th scope="col" class="ls-num">Actual</th>
              <th scope="col" class="ls-num">Commercial score</th>
              <th scope="col" class="ls-num">CX index</th>
              <th scope="col" class="ls-num">Headcount</th>
              <th scope="col">Reading</th>
            </tr>
          </thead>
          <tbody>
            @for (point of data().points; track point.key) {
              <tr>
                <th scope="row">{{ point.name }}</th>
                <td>{{ point.metricName }}</td>
                <td class="ls-num">{{ point.actual }}</td>
                <td class="ls-num">{{ whole(point.x) }}</td>
                <td class="ls-num">{{ whole(point.y) }}</td>
                <td class="ls-num">{{ whole(point.headcount) }}</td>
                <td>
                  <span class="swatch" [style.background]="colours[point.quadrant]"></span
                  >{{ quadrantLabels[point.quadrant] }}
                </td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <div class="frame" role="img" [attr.aria-label]="summary()" [style.height.px]="height">
          @if (width() > 0) {
            <ngx-charts-chart [view]="[width(), height]" [showLegend]="false" [animations]="false">
              <svg:g [attr.transform]="transform()" class="balance">
                <svg:g
                  ngx-charts-x-axis
                  [xScale]="xScale()"
                  [dims]="dims()"
                  [ticks]="xTicks()"
                  [showGridLines]="true"
                  [showLabel]="true"
                  labelText="Primary commercial metric, score (100 = target)"
                  [tickFormatting]="whole"
                  (dimensionsChanged)="xAxisHeight.set($event.height)"
                ></svg:g>
                <svg:g
                  ngx-charts-y-axis
                  [yScale]="yScale()"
                  [dims]="dims()"
                  [ticks]="yTicks()"
                  [showGridLines]="true"
                  [showLabel]="true"
                  labelText="CX index (100 = target)"
                  [tickFormatting]="whole"
                  (dimensionsChanged)="yAxisWidth.set($event.width)"
                ></svg:g>
                @for (quarter of quarterLabels(); track quarter.quadrant) {
                  <svg:text
                    class="quarter"
                    [attr.x]="quarter.x"
                    [attr.y]="quarter.y"
                    [attr.text-anchor]="quarter.anchor"
                    [attr.fill]="colours[quarter.quadrant]"
                  >
                    {{ quarter.label }}
                  </svg:text>
                }
                <svg:line
                  class="target-line"
                  [attr.x1]="targetX()"
                  [attr.x2]="targetX()"
                  y1="0"
                  [attr.y2]="dims().height"
                />
                <svg:line
                  class="target-line"
                  x1="0"
                  [attr.x2]="dims().width"
                  [attr.y1]="targetY()"
                  [attr.y2]="targetY()"
                />
                <svg:text
                  class="target-label"
                  text-anchor="middle"
                  [attr.transform]="'translate(' + (targetX() - 5) + ',' + (pad + 56) + ') rotate(-90)'"
                >
                  Commercial target
                </svg:text>
                <svg:text class="target-label" x="4" [attr.y]="targetY() - 5">CX target</svg:text>
                @for (series of series(); track series.name) {
                  <svg:g
                    ngx-charts-bubble-series
                    class="bubbles"
                    [xScale]="xScale()"
                    [yScale]="yScale()"
                    [rScale]="rScale()"
                    [xScaleType]="linear"
                    [yScaleType]="linear"
                    [colors]="colourHelper"
                    [data]="series"
                    [activeEntries]="[]"
                    xAxisLabel="Commercial score"
                    yAxisLabel="CX index"
                    [tooltipTemplate]="tip"
                    (select)="onSelect($event)"
                  ></svg:g>
                }
                @for (label of bubbleLabels(); track label.key) {
                  <svg:text class="bubble-label" [attr.x]="label.x" [attr.y]="label.y">
                    {{ label.name }}
                  </svg:text>
                }
              </svg:g>
            </ngx-charts-chart>
          }
        </div>
      }
      @if (data().unplaced.length) {
        <p class="unplaced" data-testid="balance-unplaced">
          Not on the chart:
          @for (unit of data().unplaced; track unit.key; let last = $last) {
            {{ unit.name }} ({{ unit.reason }}){{ last ? '.' : ';' }}
          }
        </p>
      }
    </section>
    <ng-template #tip let-model="model">
      <span class="tooltip-label">{{ model?.extra?.name }}</span>
      <span class="tooltip-val">{{ tooltipText(model?.extra) }}</span>
    </ng-template>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .frame {
      width: 100%;
      overflow: hidden;
    }
    .quarter {
      font-size: 11px;
      font-weight: 600;
      opacity: 0.9;
    }
    .target-line {
      stroke: #5a6270;
      stroke-width: 1.5px;
      stroke-dasharray: 5 4;
    }
    .target-label {
      font-size: 11px;
      fill: #5a6270;
    }
    .bubble-label {
      font-size: 11px;
      fill: var(--mat-sys-on-surface);
      pointer-events: none;
      paint-order: stroke;
      stroke: rgb(255 255 255 / 85%);
      stroke-width: 3px;
    }
    :host ::ng-deep .bubbles .circle {
      fill-opacity: 0.72;
      stroke: #fff;
      stroke-width: 1.5px;
      cursor: pointer;
    }
    .empty,
    .unplaced {
      margin: 0;
      padding: 4px 16px 14px;
      font-size: 0.82rem;
      color: var(--ls-muted);
    }
    .table {
      font-size: 0.85rem;
      border-collapse: collapse;
    }
    .table th,
    .table td {
      padding: 5px 16px;
      text-align: left;
      border-bottom: 1px solid var(--ls-border);
    }
    .table .ls-num {
      text-align: right;
    }
    .swatch {
      display: inline-block;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      margin-right: 6px;
    }
  `,
})
export class BalanceChartComponent {
  readonly data = input.required<BalanceData>();
  readonly period = input.required<string>();
  /** A function to open (its bubble was clicked). */
  readonly open = output<string>();

  protected readonly height = HEIGHT;
  protected readonly pad = PAD;
  protected readonly linear = ScaleType.Linear;
  protected readonly colours = QUADRANT_COLOURS;
  protected readonly quadrantLabels = QUADRANT_LABELS;
  protected readonly asTable = signal(false);
  protected readonly width = hostWidth();
  protected readonly xAxisHeight = signal(20);
  protected readonly yAxisWidth = signal(28);
  protected readonly colourHelper = new ColorHelper(
    {
      name: 'balance',
      selectable: false,
      group: ScaleType.Ordinal,
      domain: QUADRANTS.map((quadrant) => QUADRANT_COLOURS[quadrant]),
    },
    ScaleType.Ordinal,
    QUADRANTS.map((quadrant) => QUADRANT_LABELS[quadrant]),
  );

  protected readonly dims = computed(() =>
    calculateViewDimensions({
      width: this.width(),
      height: HEIGHT,
      margins: MARGINS,
      showXAxis: true,
      showYAxis: true,
      xAxisHeight: this.xAxisHeight(),
      yAxisWidth: this.yAxisWidth(),
      showXLabel: true,
      showYLabel: true,
      showLegend: false,
    }),
  );
  protected readonly transform = computed(() => `translate(${this.dims().xOffset}, ${MARGINS[0]})`);
  protected readonly xScale = computed(() =>
    linearScale(this.data().xDomain, [PAD, Math.max(PAD, this.dims().width - PAD)]),
  );
  protected readonly yScale = computed(() =>
    linearScale(this.data().yDomain, [Math.max(PAD, this.dims().height - PAD - CAPTION), PAD + CAPTION]),
  );
  protected readonly rScale = computed(() => radiusScale(this.data().headcountDomain));
  protected readonly xTicks = computed(() => this.xScale().ticks(8));
  protected readonly yTicks = computed(() => this.yScale().ticks(6));
  protected readonly targetX = computed(() => this.xScale()(SCORE_TARGET));
  protected readonly targetY = computed(() => this.yScale()(SCORE_TARGET));

  /** One series per quarter of the chart, so each bubble takes its quarter's colour. */
  protected readonly series = computed(() =>
    QUADRANTS.map((quadrant) => ({
      name: QUADRANT_LABELS[quadrant],
      series: this.data()
        .points.filter((point) => point.quadrant === quadrant)
        .map((point) => ({ name: point.name, x: point.x, y: point.y, r: point.headcount, extra: point })),
    })).filter((series) => series.series.length > 0),
  );

  /** Each bubble's name beside it, moved down a line while it would overlap a name already placed. */
  protected readonly bubbleLabels = computed(() => {
    const x = this.xScale();
    const y = this.yScale();
    const r = this.rScale();
    const placed: { key: string; name: string; x: number; y: number; width: number }[] = [];
    const points = [...this.data().points].sort((a, b) => y(a.y) - y(b.y) || x(a.x) - x(b.x));
    for (const point of points) {
      const radius = r(point.headcount);
      const width = point.name.length * CHAR_WIDTH;
      const right = x(point.x) + radius + 3;
      // names of bubbles near the right edge go to their left
      const left = right + width > this.dims().width ? x(point.x) - radius - 3 - width : right;
      let top = y(point.y) + 4;
      while (
        placed.some(
          (other) =>
            Math.abs(other.y - top) < LABEL_HEIGHT && left < other.x + other.width && other.x < left + width,
        )
      ) {
        top += LABEL_HEIGHT;
      }
      placed.push({ key: point.key, name: point.name, x: left, y: top, width });
    }
    return placed;
  });

  protected readonly quarterLabels = computed(() => {
    const { width, height } = this.dims();
    return [
      { quadrant: 'cx-ahead' as const, x: 6, y: 11, anchor: 'start' },
      { quadrant: 'both' as const, x: width - 6, y: 11, anchor: 'end' },
      { quadrant: 'neither' as const, x: 6, y: height - 4, anchor: 'start' },
      { quadrant: 'commercial-ahead' as const, x: width - 6, y: height - 4, anchor: 'end' },
    ].map((quarter) => ({ ...quarter, label: QUADRANT_LABELS[quarter.quadrant] }));
  });

  protected readonly summary = computed(() => {
    const points = this.data().points;
    return `Bubble chart of ${points.length} functions, commercial score across, CX index up, target 100 on both: ${points
      .map(pointSummary)
      .join('; ')}. Switch on "Show as table" for the same numbers.`;
  });

  protected readonly whole = (value: number) => formatInteger(value);

  protected tooltipText(point: BalancePoint | undefined): string {
    if (!point) return '';
    return `${point.metricName} ${point.actual} (score ${formatInteger(point.x)}) · CX index ${formatInteger(
      point.y,
    )} · ${formatInteger(point.headcount)} people`;
  }

  protected onSelect(data: { extra?: BalancePoint } | undefined): void {
    if (data?.extra) this.open.emit(data.extra.key);
  }
}
