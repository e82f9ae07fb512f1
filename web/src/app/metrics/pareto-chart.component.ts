import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import type { ParetoRow } from '@lodestar/contracts';
import {
  AxesModule,
  BarChartModule,
  ChartCommonModule,
  ColorHelper,
  Orientation,
  PlacementTypes,
  ScaleType,
  StyleTypes,
  TooltipModule,
} from '@swimlane/ngx-charts';
import { formatInteger } from '../shared/format';
import { bandScale, linearScale } from './chart-scales';
import { formatShare } from './cx-format';
import { hostWidth } from './element-width';
import { ParetoBar, paretoChartData, wrapLabel } from './pareto-data';

/** Bars and line: each at least 4.5:1 on white, told apart by shape (bar, line with points) too. */
export const PARETO_BAR_COLOUR = '#2f5f9e';
export const PARETO_LINE_COLOUR = '#a04a00';

const MARGIN = { top: 12, right: 10, bottom: 4, left: 14 };
const AXIS_LABEL_SPACE = 30;
/** Roughly the width of one character of an 11 px tick label. */
const CHAR_WIDTH = 6.2;

/**
 * A Pareto chart: one bar per cause (count, left axis) with the cumulative share drawn over it as a
 * line (right axis, 0–100 %). ngx-charts has no bar-and-line chart, so this one is put together from
 * its building blocks — chart container, y axes, vertical bar series, tooltips — on scales of its own.
 * The cause names under the bars are drawn here too, wrapped at spaces rather than rotated.
 */
@Component({
  selector: 'ls-pareto-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChartCommonModule, AxesModule, BarChartModule, TooltipModule],
  template: `
    <div class="frame" [style.height.px]="height()">
      @if (width() > 0) {
        <ngx-charts-chart [view]="[width(), height()]" [showLegend]="false" [animations]="false">
          <svg:g [attr.transform]="transform()" class="pareto" role="img" [attr.aria-label]="summary()">
            <svg:g class="x-axis" [attr.transform]="'translate(0,' + dims().height + ')'">
              <svg:line class="baseline" x1="0" [attr.x2]="dims().width" y1="0" y2="0" />
              @for (tick of xTicks(); track tick.name) {
                <svg:text class="tick" text-anchor="middle" [attr.transform]="'translate(' + tick.x + ',0)'">
                  <svg:title>{{ tick.name }}</svg:title>
                  @for (line of tick.lines; track $index) {
                    <svg:tspan x="0" [attr.dy]="$index === 0 ? 16 : 13">{{ line }}</svg:tspan>
                  }
                </svg:text>
              }
              <svg:text
                class="axis-label"
                text-anchor="middle"
                [attr.x]="dims().width / 2"
                [attr.y]="xAxisHeight() + 20"
              >
                {{ xLabel() }}
              </svg:text>
            </svg:g>
            <svg:g
              ngx-charts-y-axis
              [yScale]="yScale()"
              [dims]="dims()"
              [ticks]="countTicks()"
              [showGridLines]="true"
              [showLabel]="true"
              [labelText]="countLabel()"
              [tickFormatting]="formatCount"
              (dimensionsChanged)="leftAxisWidth.set($event.width)"
            ></svg:g>
            <svg:g
              ngx-charts-y-axis
              [yScale]="shareScale()"
              [dims]="dims()"
              [ticks]="shareTicks"
              [yOrient]="right"
              [yAxisOffset]="-5"
              [showLabel]="true"
              labelText="Cumulative share"
              [tickFormatting]="formatPercent"
              (dimensionsChanged)="rightAxisWidth.set($event.width)"
            ></svg:g>
            <svg:g
              ngx-charts-series-vertical
              [xScale]="xScale()"
              [yScale]="yScale()"
              [colors]="barColours()"
              [series]="barItems()"
              [dims]="dims()"
              [gradient]="false"
              [animations]="false"
              [tooltipTemplate]="tip"
            ></svg:g>
            <svg:path class="line" [attr.d]="linePath()" [attr.stroke]="lineColour" fill="none" />
            @for (point of points(); track point.bar.name) {
              <svg:circle
                class="point"
                [attr.cx]="point.x"
                [attr.cy]="point.y"
                r="4"
                [attr.fill]="lineColour"
                ngx-tooltip
                [tooltipPlacement]="top"
                [tooltipType]="tooltipStyle"
                [tooltipTemplate]="tip"
                [tooltipContext]="{ name: point.bar.name, value: point.bar.count, extra: point.bar }"
              />
            }
          </svg:g>
        </ngx-charts-chart>
      }
    </div>
    <ng-template #tip let-model="model">
      <span class="tooltip-label">{{ model.name }}</span>
      <span class="tooltip-val">{{ tooltipText(model.extra) }}</span>
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
    .baseline {
      stroke: #ccc;
    }
    .tick {
      font-size: 11px;
      fill: var(--mat-sys-on-surface-variant);
    }
    .axis-label {
      font-size: 12px;
      fill: var(--mat-sys-on-surface-variant);
    }
    .line {
      stroke-width: 2.5px;
      pointer-events: none;
    }
    .point {
      stroke: #fff;
      stroke-width: 1.5px;
      cursor: default;
    }
  `,
})
export class ParetoChartComponent {
  readonly rows = input.required<readonly ParetoRow[]>();
  readonly height = input(320);
  readonly countLabel = input('Unhappy answers');
  readonly xLabel = input('Cause');

  protected readonly lineColour = PARETO_LINE_COLOUR;
  protected readonly right = Orientation.Right;
  protected readonly top = PlacementTypes.Top;
  protected readonly tooltipStyle = StyleTypes.tooltip;
  protected readonly shareTicks = [0, 20, 40, 60, 80, 100];
  protected readonly width = hostWidth();
  protected readonly leftAxisWidth = signal(32);
  protected readonly rightAxisWidth = signal(40);

  protected readonly data = computed(() => paretoChartData(this.rows()));

  /** Each cause's label broken into lines that fit under its bar (the bar's step is about the plot width ÷ bars). */
  protected readonly labels = computed(() => {
    const bars = this.data().bars;
    const plotWidth = this.width() - this.leftAxisWidth() - this.rightAxisWidth() - 2 * AXIS_LABEL_SPACE - 40;
    const maxChars = Math.max(4, Math.floor(((plotWidth / Math.max(1, bars.length)) * 0.95) / CHAR_WIDTH));
    return bars.map((bar) => ({ name: bar.name, lines: wrapLabel(bar.name, maxChars, 3) }));
  });
  protected readonly xAxisHeight = computed(
    () => 8 + 13 * Math.max(1, ...this.labels().map((label) => label.lines.length)),
  );
  protected readonly xTicks = computed(() => {
    const scale = this.xScale();
    return this.labels().map((label) => ({ ...label, x: scale(label.name) + scale.bandwidth() / 2 }));
  });

  protected readonly dims = computed(() => {
    const left = this.leftAxisWidth() + AXIS_LABEL_SPACE + 10;
    const right = this.rightAxisWidth() + AXIS_LABEL_SPACE + 10;
    return {
      width: Math.max(0, Math.floor(this.width() - MARGIN.left - MARGIN.right - left - right)),
      height: Math.max(
        0,
        Math.floor(this.height() - MARGIN.top - MARGIN.bottom - this.xAxisHeight() - AXIS_LABEL_SPACE - 5),
      ),
      xOffset: MARGIN.left + left,
    };
  });
  protected readonly transform = computed(() => `translate(${this.dims().xOffset}, ${MARGIN.top})`);
  protected readonly xScale = computed(() =>
    bandScale(
      this.data().bars.map((bar) => bar.name),
      [0, this.dims().width],
      0.3,
    ),
  );
  protected readonly yScale = computed(() => linearScale([0, this.data().countMax], [this.dims().height, 0]));
  protected readonly shareScale = computed(() => linearScale([0, 100], [this.dims().height, 0]));
  protected readonly countTicks = computed(() => this.yScale().ticks(5));

  protected readonly barColours = computed(
    () =>
      new ColorHelper(
        { name: 'pareto', selectable: false, group: ScaleType.Ordinal, domain: [PARETO_BAR_COLOUR] },
        ScaleType.Ordinal,
        this.data().bars.map((bar) => bar.name),
      ),
  );
  protected readonly barItems = computed(() =>
    this.data().bars.map((bar) => ({ name: bar.name, value: bar.count, extra: bar })),
  );
  protected readonly points = computed(() => {
    const x = this.xScale();
    const y = this.shareScale();
    return this.data().bars.map((bar) => ({
      bar,
      x: x(bar.name) + x.bandwidth() / 2,
      y: y(bar.cumulativeShare * 100),
    }));
  });
  protected readonly linePath = computed(() =>
    this.points()
      .map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x.toFixed(1)},${point.y.toFixed(1)}`)
      .join(' '),
  );
  protected readonly summary = computed(() => {
    const bars = this.data().bars;
    const top = bars
      .slice(0, 3)
      .map((bar) => `${bar.name} ${formatInteger(bar.count)} (${formatShare(bar.share)})`)
      .join(', ');
    return `Pareto of causes, largest first: ${top}${bars.length > 3 ? ', …' : ''}. The table view lists every cause.`;
  });

  protected readonly formatCount = (value: number) => formatInteger(value);
  protected readonly formatPercent = (value: number) => `${value} %`;

  protected tooltipText(bar: ParetoBar | undefined): string {
    if (!bar) return '';
    return `${formatInteger(bar.count)} answers · ${formatShare(bar.share)} · cumulative ${formatShare(bar.cumulativeShare)}`;
  }
}
