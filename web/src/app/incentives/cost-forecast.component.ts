import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { IncentiveForecast } from '@lodestar/contracts';
import { BarChartModule, LegendPosition, ScaleType } from '@swimlane/ngx-charts';
import { hostWidth } from '../metrics/element-width';
import { EmptyStateComponent, ErrorStateComponent, LoadingComponent } from '../shared/page-states.component';
import type { ShownProblem } from '../shared/problem';
import { formatMoneyWhole } from './plan-format';
import { MONEY_CURRENCY } from '../shared/format';

type Basis = IncentiveForecast['quarters'][number]['basis'];

/** Each basis: a word, and a colour at least 4.5:1 on white (the legend and the table name it too). */
export const BASIS_INFO: Readonly<Record<Basis, { label: string; colour: string; meaning: string }>> = {
  RELEASED: { label: 'Released', colour: '#1b6b3a', meaning: 'statements released to participants' },
  CLOSED: { label: 'Closed', colour: '#2f5f9e', meaning: 'statements closed and in review' },
  PROJECTION: { label: 'Projection', colour: '#a04a00', meaning: 'projected from the actuals so far' },
  NONE: { label: 'No plan', colour: '#5a6270', meaning: 'no plan version applies' },
};

export interface ForecastChartGroup {
  name: string;
  series: { name: string; value: number; extra: { text: string } }[];
}

/** The quarters as stacked-bar groups: one bar each, its series named after its basis so the legend reads it. */
export function forecastGroups(forecast: IncentiveForecast): ForecastChartGroup[] {
  return forecast.quarters.map((quarter) => ({
    name: quarter.period,
    series: [
      {
        name: BASIS_INFO[quarter.basis].label,
        value: Number(quarter.total),
        extra: { text: formatMoneyWhole(quarter.total, forecast.currency) },
      },
    ],
  }));
}

const HEIGHT = 240;

/**
 * The fiscal year's incentive cost by quarter: released and closed statements where there are
 * some, projections for the rest, and the year's total stated first; a chart or the same numbers
 * as a table.
 */
@Component({
  selector: 'ls-cost-forecast',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BarChartModule, MatSlideToggleModule, EmptyStateComponent, ErrorStateComponent, LoadingComponent],
  template: `
    <div class="controls">
      <label for="forecast-year">Fiscal year</label>
      <select
        id="forecast-year"
        data-testid="forecast-year"
        (change)="yearChange.emit(+$any($event.target).value)"
      >
        @for (option of years(); track option) {
          <option [value]="option" [selected]="option === year()">FY{{ option }}</option>
        }
      </select>
      <mat-slide-toggle [checked]="asTable()" (change)="asTable.set($event.checked)"
        >Show as table</mat-slide-toggle
      >
    </div>
    @if (loading()) {
      <ls-loading label="Forecasting the year's incentive cost…" />
    }
    @if (problem(); as failure) {
      <ls-error-state
        title="The forecast could not be loaded"
        [detail]="failure.detail"
        (retry)="yearChange.emit(year())"
      />
    } @else if (forecast(); as shown) {
      <p class="total" data-testid="forecast-total">
        FY{{ shown.fiscalYear }} in total: <strong>{{ money(shown.total) }}</strong>
      </p>
      @if (shown.quarters.length) {
        @if (asTable()) {
          <table class="ls-data-table grid" data-testid="forecast-table">
            <caption class="ls-visually-hidden">
              Incentive cost of FY{{
                shown.fiscalYear
              }}
              by quarter, with its basis
            </caption>
            <thead>
              <tr>
                <th scope="col">Quarter</th>
                <th scope="col">Basis</th>
                <th scope="col" class="ls-num">Cost</th>
              </tr>
            </thead>
            <tbody>
              @for (quarter of shown.quarters; track quarter.period) {
                <tr>
                  <th scope="row">{{ quarter.period }}</th>
                  <td>
                    {{ basis[quarter.basis].label }}
                    <span class="ls-muted">· {{ basis[quarter.basis].meaning }}</span>
                  </td>
                  <td class="ls-num">{{ money(quarter.total) }}</td>
                </tr>
              }
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colspan="2">FY{{ shown.fiscalYear }}</th>
                <td class="ls-num">{{ money(shown.total) }}</td>
              </tr>
            </tfoot>
          </table>
        } @else {
          <div class="chart" role="img" [attr.aria-label]="summary()" [style.height.px]="height">
            @if (width() > 0) {
              <ngx-charts-bar-vertical-stacked
                [view]="[chartWidth(), height]"
                [results]="groups()"
                [scheme]="scheme"
                [customColors]="colours"
                [legend]="true"
                legendTitle="Basis"
                [legendPosition]="legendRight"
                [xAxis]="true"
                [yAxis]="true"
                [showXAxisLabel]="true"
                xAxisLabel="Quarter"
                [showYAxisLabel]="true"
                [yAxisLabel]="'Incentive cost (' + shown.currency + ')'"
                [showGridLines]="true"
                [animations]="false"
                [yAxisTickFormatting]="tick"
              >
                <ng-template #tooltipTemplate let-model="model">
                  <span class="tooltip-label">{{ model.series }} · {{ model.name }}</span>
                  <span class="tooltip-val">{{ model.extra?.text }}</span>
                </ng-template>
              </ngx-charts-bar-vertical-stacked>
            }
          </div>
        }
      } @else {
        <ls-empty-state title="No quarters to forecast" icon="info">
          Publish a plan version with participants to see its cost here.
        </ls-empty-state>
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 10px;
      font-size: 0.875rem;
      min-width: 0;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 14px;
      align-items: center;
    }
    select {
      padding: 4px 6px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 6px;
      font: inherit;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    .total {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .grid {
      border-collapse: collapse;
      max-width: 560px;
    }
    .grid th,
    .grid td {
      padding: 4px 8px;
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
    tfoot th,
    tfoot td {
      font-weight: 600 !important;
    }
  `,
})
export class CostForecastComponent {
  readonly forecast = input<IncentiveForecast | null>(null);
  readonly loading = input(false);
  readonly problem = input<ShownProblem | null>(null);
  readonly years = input.required<number[]>();
  readonly year = input.required<number>();
  readonly yearChange = output<number>();

  protected readonly basis = BASIS_INFO;
  protected readonly legendRight = LegendPosition.Right;
  protected readonly height = HEIGHT;
  protected readonly asTable = signal(false);
  protected readonly width = hostWidth();
  protected readonly chartWidth = computed(() => Math.max(0, Math.min(this.width(), 760)));
  protected readonly scheme = {
    name: 'forecast',
    selectable: false,
    group: ScaleType.Ordinal,
    domain: Object.values(BASIS_INFO).map((info) => info.colour),
  };
  protected readonly colours = Object.values(BASIS_INFO).map((info) => ({
    name: info.label,
    value: info.colour,
  }));
  protected readonly groups = computed(() => {
    const forecast = this.forecast();
    return forecast ? forecastGroups(forecast) : [];
  });
  protected readonly summary = computed(() => {
    const forecast = this.forecast();
    if (!forecast) return '';
    const quarters = forecast.quarters
      .map(
        (quarter) =>
          `${quarter.period} ${this.money(quarter.total)} (${BASIS_INFO[quarter.basis].label.toLowerCase()})`,
      )
      .join(', ');
    return `Bar chart of the incentive cost of FY${forecast.fiscalYear} by quarter: ${quarters}; ${this.money(forecast.total)} in total.`;
  });
  protected readonly tick = (value: number) =>
    new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: this.forecast()?.currency ?? MONEY_CURRENCY,
      notation: 'compact',
      maximumSignificantDigits: 3,
    }).format(value);

  /** Money of a forecast: whole units (cents belong on statements). */
  protected money(value: string): string {
    return formatMoneyWhole(value, this.forecast()?.currency);
  }
}
