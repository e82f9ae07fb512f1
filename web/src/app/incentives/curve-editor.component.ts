import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  DEFAULT_TARGET_PAYOUTS,
  type CurveSpec,
  type MetricDirection,
  type PayoutPoint,
  type TargetBand,
} from '@lodestar/contracts';
import { curveProblem, resolveCurve } from '@lodestar/incentives';
import { LegendPosition, LineChartModule, ScaleType } from '@swimlane/ngx-charts';
import { hostWidth } from '../metrics/element-width';
import { IconComponent } from '../shared/icon.component';
import {
  curveChart,
  CURVE_SERIES,
  nextPoint,
  orderedPoints,
  SHORT_SERIES,
  TARGET_LEVELS,
  targetPayoutsProblem,
  targetsChart,
  type CurveChart,
} from './curve-data';
import { decimalText } from './plan-editing';

/** The curve line and the 0 % short of it: each at least 4.5:1 on white, told apart by the legend too. */
const CURVE_COLOUR = '#2f5f9e';
const SHORT_COLOUR = '#8a4b00';
const HEIGHT = 220;

/**
 * A payout curve: a table of points (value → payout %) with rows to add and remove, or "from
 * targets" with the payouts at threshold, target and stretch; beside it a line chart of the curve
 * that follows every keystroke, or the same numbers as a table. A curve that cannot be used is
 * explained with the engine's sentence instead of being drawn. With `allowTargets` off (a
 * multiplier) only points are offered.
 */
@Component({
  selector: 'ls-curve-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LineChartModule, MatButtonModule, MatSlideToggleModule, IconComponent],
  template: `
    <div class="editor" [attr.data-testid]="idPrefix() + '-editor'">
      <div class="points">
        @if (allowTargets()) {
          <fieldset class="source" [disabled]="readOnly()">
            <legend>Where the points come from</legend>
            <label>
              <input
                type="radio"
                [name]="idPrefix() + '-source'"
                value="TARGETS"
                [checked]="curve().source === 'TARGETS'"
                (change)="useTargets()"
              />
              From the unit's targets
            </label>
            <label>
              <input
                type="radio"
                [name]="idPrefix() + '-source'"
                value="POINTS"
                [checked]="curve().source === 'POINTS'"
                [disabled]="targetsOnly()"
                (change)="usePoints()"
              />
              Points of its own
            </label>
            @if (targetsOnly()) {
              <span class="ls-muted hint"
                >Each unit's primary commercial metric has its own direction, so its curve comes from its
                targets.</span
              >
            }
          </fieldset>
        }

        @if (targetPayouts(); as payouts) {
          <table class="ls-data-table grid" [attr.data-testid]="idPrefix() + '-targets'">
            <caption class="ls-visually-hidden">
              {{
                payoutWord()
              }}
              at the threshold, target and stretch of each participant's unit
            </caption>
            <thead>
              <tr>
                <th scope="col">At the unit's</th>
                <th scope="col" class="ls-num">{{ payoutWord() }} %</th>
              </tr>
            </thead>
            <tbody>
              @for (level of levels; track level; let i = $index) {
                <tr>
                  <th scope="row">
                    <label [for]="idPrefix() + '-target-' + i">{{ level }}</label>
                  </th>
                  <td class="ls-num">
                    @if (readOnly()) {
                      {{ payouts[i] }} %
                    } @else {
                      <span class="cell">
                        <input
                          [id]="idPrefix() + '-target-' + i"
                          [attr.data-testid]="idPrefix() + '-target-' + i"
                          type="text"
                          inputmode="decimal"
                          autocomplete="off"
                          [value]="payouts[i]"
                          (input)="typeTargetPayout(i, $any($event.target).value)"
                        />
                        <span aria-hidden="true">%</span>
                      </span>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        } @else {
          <table class="ls-data-table grid" [attr.data-testid]="idPrefix() + '-points'">
            <caption class="ls-visually-hidden">
              Points of the curve:
              {{
                valueWord()
              }}
              and the
              {{
                payoutWord()
              }}
              it pays
            </caption>
            <thead>
              <tr>
                <th scope="col" class="ls-num">#</th>
                <th scope="col" class="ls-num">{{ valueWord() }}</th>
                <th scope="col" class="ls-num">{{ payoutWord() }} %</th>
                @if (!readOnly()) {
                  <th scope="col"><span class="ls-visually-hidden">Remove</span></th>
                }
              </tr>
            </thead>
            <tbody>
              @for (point of points(); track $index; let i = $index) {
                <tr>
                  <td class="ls-num">{{ i + 1 }}</td>
                  <td class="ls-num">
                    @if (readOnly()) {
                      {{ point.value }}
                    } @else {
                      <input
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        [attr.data-testid]="idPrefix() + '-value-' + i"
                        [attr.aria-label]="valueWord() + ' of point ' + (i + 1)"
                        [value]="point.value"
                        (input)="typePoint(i, 'value', $any($event.target).value)"
                      />
                    }
                  </td>
                  <td class="ls-num">
                    @if (readOnly()) {
                      {{ point.payout }} %
                    } @else {
                      <span class="cell">
                        <input
                          type="text"
                          inputmode="decimal"
                          autocomplete="off"
                          [attr.data-testid]="idPrefix() + '-payout-' + i"
                          [attr.aria-label]="payoutWord() + ' % of point ' + (i + 1)"
                          [value]="point.payout"
                          (input)="typePoint(i, 'payout', $any($event.target).value)"
                        />
                        <span aria-hidden="true">%</span>
                      </span>
                    }
                  </td>
                  @if (!readOnly()) {
                    <td>
                      <button
                        mat-icon-button
                        type="button"
                        [attr.aria-label]="'Remove point ' + (i + 1)"
                        [disabled]="points().length <= 1"
                        (click)="removePoint(i)"
                      >
                        <ls-icon name="delete" />
                      </button>
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
          @if (!readOnly()) {
            <div class="ls-actions">
              <button
                mat-stroked-button
                type="button"
                (click)="addPoint()"
                [attr.data-testid]="idPrefix() + '-add'"
              >
                <ls-icon name="add" />Add a point
              </button>
              @if (canOrder()) {
                <button mat-button type="button" (click)="order()" [attr.data-testid]="idPrefix() + '-order'">
                  Put the points in order
                </button>
              }
            </div>
          }
        }
        <div aria-live="polite">
          @if (problem(); as sentence) {
            <p class="problem" [attr.data-testid]="idPrefix() + '-problem'">
              <ls-icon name="warning" /><span>{{ sentence }}</span>
            </p>
          }
        </div>
      </div>

      <figure class="chart-box" [attr.aria-labelledby]="idPrefix() + '-chart-title'">
        <figcaption class="chart-head">
          <span [id]="idPrefix() + '-chart-title'" class="chart-title">{{ chartTitle() }}</span>
          <mat-slide-toggle [checked]="asTable()" (change)="asTable.set($event.checked)"
            >Show as table</mat-slide-toggle
          >
        </figcaption>
        @if (chart(); as drawn) {
          @if (asTable()) {
            <table class="ls-data-table grid" [attr.data-testid]="idPrefix() + '-chart-table'">
              <caption class="ls-visually-hidden">
                {{
                  chartTitle()
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ valueWord() }}</th>
                  <th scope="col" class="ls-num">{{ payoutWord() }}</th>
                </tr>
              </thead>
              <tbody>
                @for (row of drawn.table; track $index) {
                  <tr>
                    <td>{{ row.where }}</td>
                    <td class="ls-num">{{ row.payout }}</td>
                  </tr>
                }
              </tbody>
            </table>
          } @else {
            <div class="chart" role="img" [attr.aria-label]="drawn.summary" [style.height.px]="height">
              @if (width() > 0) {
                <ngx-charts-line-chart
                  [view]="[chartWidth(), height]"
                  [results]="drawn.series"
                  [customColors]="colours"
                  [scheme]="scheme"
                  [legend]="drawn.series.length > 1"
                  [legendPosition]="legendBelow"
                  legendTitle=""
                  [xAxis]="true"
                  [yAxis]="true"
                  [showXAxisLabel]="true"
                  [xAxisLabel]="xAxisLabel()"
                  [showYAxisLabel]="true"
                  [yAxisLabel]="payoutWord() + ' %'"
                  [showGridLines]="true"
                  [autoScale]="false"
                  [yScaleMin]="0"
                  [animations]="false"
                  [xAxisTickFormatting]="xTick()"
                >
                  <ng-template #tooltipTemplate let-model="model">
                    <span class="tooltip-label">{{ model.extra?.x }}</span>
                    <span class="tooltip-val">{{ model.extra?.y }}</span>
                  </ng-template>
                  <ng-template #seriesTooltipTemplate let-model="model">
                    @for (entry of model; track entry.series) {
                      <span class="tooltip-label">{{ entry.series }} · {{ entry.extra?.x }}</span>
                      <span class="tooltip-val">{{ entry.extra?.y }}</span>
                    }
                  </ng-template>
                </ngx-charts-line-chart>
              }
            </div>
          }
        } @else {
          <p class="ls-muted empty-chart" [attr.data-testid]="idPrefix() + '-no-chart'">
            The chart appears once the curve can be used.
          </p>
        }
        @if (bandNote(); as note) {
          <p class="ls-muted note">{{ note }}</p>
        }
      </figure>
    </div>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .editor {
      display: grid;
      grid-template-columns: minmax(260px, 360px) minmax(0, 1fr);
      gap: 16px;
      align-items: start;
    }
    @media (max-width: 900px) {
      .editor {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .points {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .source {
      border: none;
      margin: 0;
      padding: 0;
      display: flex;
      gap: 4px 16px;
      flex-wrap: wrap;
      font-size: 0.875rem;
    }
    .source legend {
      font-weight: 600;
      font-size: 0.8rem;
      padding: 0;
      margin-bottom: 4px;
    }
    .source label {
      display: inline-flex;
      gap: 6px;
      align-items: center;
    }
    .grid {
      border-collapse: collapse;
      font-size: 0.85rem;
    }
    .grid th,
    .grid td {
      padding: 3px 8px;
      border-bottom: 1px solid var(--ls-border);
      text-align: left;
      font-weight: 400;
    }
    .grid thead th {
      font-size: 0.78rem;
      font-weight: 600;
      color: var(--mat-sys-on-surface-variant);
    }
    .grid .ls-num {
      text-align: right;
    }
    .cell {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    input[type='text'] {
      width: 80px;
      padding: 4px 6px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 6px;
      font: inherit;
      text-align: right;
      font-variant-numeric: tabular-nums;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    p {
      margin: 0;
    }
    .problem {
      display: flex;
      gap: 6px;
      align-items: flex-start;
      padding: 8px 10px;
      border-radius: 8px;
      background: var(--ls-warn-container);
      color: var(--ls-warn);
      font-size: 0.85rem;
      font-weight: 500;
      --ls-icon-size: 18px;
    }
    .chart-box {
      margin: 0;
      min-width: 0;
    }
    .chart-head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
      margin-bottom: 4px;
    }
    .chart-title {
      font-weight: 600;
      font-size: 0.875rem;
    }
    .empty-chart,
    .note {
      font-size: 0.85rem;
      padding: 8px 0;
    }
  `,
})
export class CurveEditorComponent {
  readonly curve = input.required<CurveSpec>();
  readonly direction = input.required<MetricDirection>();
  /** What the metric is called in sentences and on the x axis ("Quota attainment"). */
  readonly metricName = input('the metric');
  /** The band of the scope unit for the previewed participant, to draw a curve taken from targets. */
  readonly band = input<TargetBand | null>(null);
  readonly readOnly = input(false);
  /** Off for a multiplier: its curve always has points of its own. */
  readonly allowTargets = input(true);
  /** On for the unit's primary commercial metric: its direction differs by unit, so its curve comes from targets. */
  readonly targetsOnly = input(false);
  /** "Payout" for a component, "Multiplier" for the multiplier. */
  readonly payoutWord = input('Payout');
  /** Unique prefix of the ids and test ids inside. */
  readonly idPrefix = input('curve');
  readonly curveChange = output<CurveSpec>();

  protected readonly levels = TARGET_LEVELS;
  protected readonly legendBelow = LegendPosition.Below;
  protected readonly height = HEIGHT;
  protected readonly asTable = signal(false);
  /** The points left behind on a switch to targets, given back on a switch back. */
  private pointsBefore: PayoutPoint[] | null = null;
  protected readonly width = hostWidth();
  protected readonly chartWidth = computed(() => Math.max(0, Math.min(this.width() - 8, 720)));
  protected readonly scheme = {
    name: 'curve',
    selectable: false,
    group: ScaleType.Ordinal,
    domain: [CURVE_COLOUR, SHORT_COLOUR],
  };
  protected readonly colours = [
    { name: CURVE_SERIES, value: CURVE_COLOUR },
    { name: SHORT_SERIES, value: SHORT_COLOUR },
  ];

  protected readonly valueWord = computed(() => this.metricName() || 'Value');
  protected readonly points = computed(() => {
    const curve = this.curve();
    return curve.source === 'POINTS' ? curve.points : [];
  });
  protected readonly targetPayouts = computed(() => {
    const curve = this.curve();
    return curve.source === 'TARGETS' ? curve.payouts : null;
  });

  /** Why the curve cannot be used, in the engine's words; null when it can. */
  readonly problem = computed(() => {
    const curve = this.curve();
    if (curve.source === 'TARGETS') return targetPayoutsProblem(curve.payouts);
    return curveProblem(curve.points, this.direction(), this.metricName().toLowerCase());
  });

  protected readonly canOrder = computed(() => {
    if (!this.problem()) return false;
    const ordered = orderedPoints(this.points(), this.direction());
    return ordered !== null && curveProblem(ordered, this.direction()) === null;
  });

  /** The chart of the curve: its points, or those its targets give with the band, or the three levels. */
  readonly chart = computed((): CurveChart | null => {
    if (this.problem()) return null;
    const curve = this.curve();
    const words = { value: this.valueWord().toLowerCase(), payout: this.payoutWord().toLowerCase() };
    if (curve.source === 'POINTS') return curveChart(curve.points, this.direction(), words);
    const band = this.band();
    if (band) {
      try {
        return curveChart(resolveCurve(curve, band, this.direction()), this.direction(), words);
      } catch {
        return targetsChart(curve.payouts, words.payout);
      }
    }
    return targetsChart(curve.payouts, words.payout);
  });

  protected readonly chartTitle = computed(
    () => `${this.payoutWord()} % by ${this.valueWord().toLowerCase()}`,
  );
  protected readonly xAxisLabel = computed(() =>
    this.chart()?.scale === 'ordinal' ? "The unit's target levels" : this.valueWord(),
  );
  protected readonly xTick = computed(() =>
    this.chart()?.scale === 'ordinal'
      ? (value: number) => TARGET_LEVELS[value] ?? ''
      : (value: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(value),
  );
  protected readonly bandNote = computed(() => {
    if (this.curve().source !== 'TARGETS') return null;
    return this.band()
      ? "Drawn with the band of the participant picked in the preview; every unit's own band gives its own points."
      : "Each participant's points are their unit's threshold, target and stretch for the quarter; pick a participant in the preview to draw them.";
  });

  protected typePoint(index: number, field: keyof PayoutPoint, text: string): void {
    const points = this.points().map((point, i) =>
      i === index ? { ...point, [field]: decimalText(text) } : point,
    );
    this.curveChange.emit({ source: 'POINTS', points });
  }

  protected typeTargetPayout(index: number, text: string): void {
    const payouts = this.targetPayouts();
    if (!payouts) return;
    const next = payouts.map((payout, i) => (i === index ? decimalText(text) : payout)) as [
      string,
      string,
      string,
    ];
    this.curveChange.emit({ source: 'TARGETS', payouts: next });
  }

  protected addPoint(): void {
    const points = this.points();
    this.curveChange.emit({ source: 'POINTS', points: [...points, nextPoint(points, this.direction())] });
  }

  protected removePoint(index: number): void {
    const points = this.points().filter((_, i) => i !== index);
    if (points.length) this.curveChange.emit({ source: 'POINTS', points });
  }

  protected order(): void {
    const ordered = orderedPoints(this.points(), this.direction());
    if (ordered) this.curveChange.emit({ source: 'POINTS', points: ordered });
  }

  /** To targets: the payouts of three points if there were three, else 50 / 100 / 200 %. */
  protected useTargets(): void {
    const points = this.points();
    if (points.length) this.pointsBefore = points;
    const payouts =
      points.length === 3
        ? (points.map((point) => point.payout) as [string, string, string])
        : ([...DEFAULT_TARGET_PAYOUTS] as [string, string, string]);
    this.curveChange.emit({ source: 'TARGETS', payouts });
  }

  /** To points: those the band gives when it is known, else the three payouts waiting for values. */
  protected usePoints(): void {
    if (this.pointsBefore) {
      this.curveChange.emit({ source: 'POINTS', points: this.pointsBefore });
      return;
    }
    const payouts = this.targetPayouts() ?? ([...DEFAULT_TARGET_PAYOUTS] as [string, string, string]);
    const band = this.band();
    let points: PayoutPoint[] = payouts.map((payout) => ({ value: '', payout }));
    if (band) {
      try {
        points = resolveCurve({ source: 'TARGETS', payouts }, band, this.direction());
      } catch {
        // An unordered band gives no points; the values are left to type.
      }
    }
    this.curveChange.emit({ source: 'POINTS', points });
  }
}
