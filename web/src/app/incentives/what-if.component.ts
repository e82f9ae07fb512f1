import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { WhatIfResult } from '@lodestar/contracts';
import { BarChartModule, ScaleType } from '@swimlane/ngx-charts';
import { hostWidth } from '../metrics/element-width';
import { MONEY_CURRENCY } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import { EmptyStateComponent, ErrorStateComponent, LoadingComponent } from '../shared/page-states.component';
import type { ShownProblem } from '../shared/problem';
import { formatMoneyCents, formatMoneyDelta, formatPayout, formatPayoutDelta } from './plan-format';
import { deltaBars, deltaColours, RISE_COLOUR, SAVING_COLOUR, totalDeltaSentence } from './what-if-data';
import { Decimal } from 'decimal.js';

const BAR_HEIGHT = 26;

/**
 * What-if: the saved version applied to a quarter's actuals, against the version published for it —
 * each participant's payout under the old and the new rules, the total cost change stated first,
 * and a bar per participant of the change (or the same numbers as a table).
 */
@Component({
  selector: 'ls-what-if',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    BarChartModule,
    MatButtonModule,
    MatSlideToggleModule,
    IconComponent,
    EmptyStateComponent,
    ErrorStateComponent,
    LoadingComponent,
  ],
  template: `
    <div class="controls">
      <label for="what-if-period">Quarter</label>
      <select
        id="what-if-period"
        data-testid="what-if-period"
        (change)="period.set($any($event.target).value)"
      >
        @for (option of periods(); track option) {
          <option [value]="option" [selected]="option === chosenPeriod()">{{ option }}</option>
        }
      </select>
      <button
        mat-flat-button
        type="button"
        [disabled]="loading()"
        (click)="run.emit(chosenPeriod())"
        data-testid="what-if-run"
      >
        <ls-icon name="chart" />{{ loading() ? 'Calculating…' : 'Calculate what-if' }}
      </button>
      @if (dirty()) {
        <span class="ls-muted note">What-if uses the saved version: save your changes to include them.</span>
      }
    </div>
    @if (loading()) {
      <ls-loading label="Calculating every participant's payout under the old and the new rules…" />
    }
    @if (problem(); as failure) {
      <ls-error-state
        title="The what-if could not be calculated"
        [detail]="failure.detail"
        [errors]="failure.errors"
        (retry)="run.emit(chosenPeriod())"
      />
    } @else if (result(); as shown) {
      <p class="headline" data-testid="what-if-headline" [attr.data-sign]="sign()">
        <ls-icon [name]="sign() === 'rise' ? 'arrowUp' : sign() === 'fall' ? 'arrowDown' : 'ok'" />
        <span>
          {{ headline() }}
          <span class="sub">
            {{ baselineText() }} → {{ money(shown.totals.proposed) }} under version
            {{ shown.version.number }}.
          </span>
        </span>
      </p>
      @if (shown.rows.length) {
        <div class="chart-head">
          <span class="chart-title" id="what-if-chart-title"
            >Change of each participant's payout in {{ shown.period }}</span
          >
          <mat-slide-toggle [checked]="asTable()" (change)="asTable.set($event.checked)"
            >Show as table</mat-slide-toggle
          >
        </div>
        @if (asTable()) {
          <div class="scroll">
            <table class="ls-data-table grid" data-testid="what-if-table">
              <caption class="ls-visually-hidden">
                Payout of each participant in
                {{
                  shown.period
                }}
                under the published and the proposed rules
              </caption>
              <thead>
                <tr>
                  <th scope="col" rowspan="2">Participant</th>
                  <th scope="col" rowspan="2">Results of</th>
                  <th scope="colgroup" colspan="2" class="group">{{ baselineName() }}</th>
                  <th scope="colgroup" colspan="2" class="group">Version {{ shown.version.number }}</th>
                  <th scope="col" rowspan="2" class="ls-num">Change</th>
                </tr>
                <tr>
                  <th scope="col" class="ls-num">Payout</th>
                  <th scope="col" class="ls-num">Amount</th>
                  <th scope="col" class="ls-num">Payout</th>
                  <th scope="col" class="ls-num">Amount</th>
                </tr>
              </thead>
              <tbody>
                @for (row of shown.rows; track row.participant.id) {
                  <tr>
                    <th scope="row">{{ row.participant.name }}</th>
                    <td>{{ row.orgUnit.name }}</td>
                    <td class="ls-num">
                      {{ row.baselinePayout === null ? 'Not in a plan' : payout(row.baselinePayout) }}
                    </td>
                    <td class="ls-num">{{ money(row.baselineAmount) }}</td>
                    <td class="ls-num">{{ payout(row.proposedPayout) }}</td>
                    <td class="ls-num">{{ money(row.proposedAmount) }}</td>
                    <td class="ls-num delta">
                      {{ moneyDelta(row.delta) }}
                      @if (row.baselinePayout !== null) {
                        <span class="ls-muted"
                          >({{ payoutDelta(row.proposedPayout, row.baselinePayout) }})</span
                        >
                      }
                    </td>
                  </tr>
                }
              </tbody>
              <tfoot>
                <tr data-testid="what-if-totals">
                  <th scope="row" colspan="2">Total</th>
                  <td></td>
                  <td class="ls-num" data-testid="total-baseline">{{ money(shown.totals.baseline) }}</td>
                  <td></td>
                  <td class="ls-num" data-testid="total-proposed">{{ money(shown.totals.proposed) }}</td>
                  <td class="ls-num" data-testid="total-delta">{{ moneyDelta(shown.totals.delta) }}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        } @else {
          <div class="chart" role="img" [attr.aria-label]="summary()" [style.height.px]="chartHeight()">
            @if (width() > 0) {
              <ngx-charts-bar-horizontal
                [view]="[width(), chartHeight()]"
                [results]="bars()"
                [scheme]="scheme"
                [customColors]="colours()"
                [xAxis]="true"
                [yAxis]="true"
                [showXAxisLabel]="true"
                xAxisLabel="Change of the payout ({{ currency() }})"
                [showYAxisLabel]="false"
                [showGridLines]="true"
                [animations]="false"
                [roundEdges]="false"
                [xAxisTickFormatting]="tick"
              >
                <ng-template #tooltipTemplate let-model="model">
                  <span class="tooltip-label">{{ model.name }}</span>
                  <span class="tooltip-val">{{ model.extra?.text }}</span>
                </ng-template>
              </ngx-charts-bar-horizontal>
            }
          </div>
          <p class="legend ls-muted">
            <span class="swatch rise" aria-hidden="true"></span> costs more
            <span class="swatch saving" aria-hidden="true"></span> costs less
          </p>
        }
      } @else {
        <ls-empty-state title="No participants to compare" icon="info">
          Add participants to the version, save, and calculate again.
        </ls-empty-state>
      }
    } @else if (!loading()) {
      <p class="ls-muted">
        Pick a quarter and calculate: every participant's payout under the version published for it and under
        this version, with the total cost change.
      </p>
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
      gap: 8px 12px;
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
    .note {
      font-size: 0.8rem;
    }
    p {
      margin: 0;
    }
    .headline {
      display: flex;
      gap: 10px;
      align-items: flex-start;
      padding: 12px 14px;
      border-radius: 10px;
      font: var(--mat-sys-title-medium);
      font-weight: 600;
      background: var(--mat-sys-surface-container);
      --ls-icon-size: 24px;
    }
    .headline[data-sign='rise'] {
      background: var(--ls-warn-container);
      color: var(--ls-warn);
    }
    .headline[data-sign='fall'] {
      background: var(--ls-ok-container);
      color: var(--ls-ok);
    }
    .sub {
      display: block;
      font: var(--mat-sys-body-medium);
      margin-top: 2px;
    }
    .chart-head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
    .chart-title {
      font-weight: 600;
    }
    .scroll {
      overflow-x: auto;
    }
    .grid {
      border-collapse: collapse;
      font-size: 0.85rem;
    }
    .grid th,
    .grid td {
      padding: 4px 8px;
      border-bottom: 1px solid var(--ls-border);
      text-align: left;
      font-weight: 400;
      white-space: nowrap;
    }
    .grid thead th {
      font-size: 0.78rem;
      font-weight: 600;
      color: var(--mat-sys-on-surface-variant);
    }
    .grid .group {
      text-align: center;
    }
    .grid .ls-num {
      text-align: right;
    }
    tfoot th,
    tfoot td {
      font-weight: 600 !important;
      border-bottom: none !important;
    }
    .legend {
      display: flex;
      gap: 6px;
      align-items: center;
      font-size: 0.8rem;
    }
    .swatch {
      display: inline-block;
      width: 12px;
      height: 12px;
      border-radius: 2px;
      margin-left: 8px;
    }
    .swatch.rise {
      background: #a04a00;
    }
    .swatch.saving {
      background: #1b6b3a;
    }
  `,
})
export class WhatIfComponent {
  readonly result = input<WhatIfResult | null>(null);
  readonly loading = input(false);
  readonly problem = input<ShownProblem | null>(null);
  readonly periods = input.required<string[]>();
  /** The quarter offered first (today's). */
  readonly defaultPeriod = input<string | null>(null);
  /** Unsaved edits, which the what-if (run on the saved version) leaves out. */
  readonly dirty = input(false);
  readonly currency = input(MONEY_CURRENCY);
  readonly run = output<string>();

  protected readonly period = signal<string | null>(null);
  protected readonly chosenPeriod = computed(
    () => this.period() ?? this.defaultPeriod() ?? this.periods()[0] ?? '',
  );
  protected readonly asTable = signal(false);
  protected readonly width = hostWidth();
  protected readonly scheme = {
    name: 'what-if',
    selectable: false,
    group: ScaleType.Ordinal,
    domain: [RISE_COLOUR, SAVING_COLOUR],
  };

  readonly bars = computed(() => {
    const result = this.result();
    return result ? deltaBars(result, this.currency()) : [];
  });
  protected readonly colours = computed(() => deltaColours(this.bars()));
  protected readonly chartHeight = computed(() => Math.max(140, this.bars().length * BAR_HEIGHT + 70));
  protected readonly sign = computed(() => {
    const delta = this.result()?.totals.delta ?? '0';
    if (/^-?0+(\.0+)?$/.test(delta.trim())) return 'none';
    return delta.trim().startsWith('-') ? 'fall' : 'rise';
  });
  protected readonly headline = computed(() => {
    const result = this.result();
    return result ? totalDeltaSentence(result, this.currency()) : '';
  });
  protected readonly baselineName = computed(() => {
    const baseline = this.result()?.baselineVersion;
    return baseline ? `Version ${baseline.number} (published)` : 'Published rules';
  });
  protected readonly baselineText = computed(() => {
    const result = this.result();
    if (!result) return '';
    return result.baselineVersion
      ? `${this.money(result.totals.baseline)} under version ${result.baselineVersion.number}`
      : `${this.money(result.totals.baseline)} with no version published for ${result.period}`;
  });
  protected readonly summary = computed(() => {
    const bars = this.bars();
    return (
      `Bar chart of the change of each participant's payout: ` +
      bars.map((bar) => `${bar.name} ${bar.extra.text}`).join(', ') +
      `. ${this.headline()}`
    );
  });
  protected readonly tick = (value: number) =>
    new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: this.currency(),
      notation: 'compact',
      maximumSignificantDigits: 3,
    }).format(value);

  protected money(value: string | null): string {
    return formatMoneyCents(value, this.currency());
  }

  protected moneyDelta(value: string): string {
    return formatMoneyDelta(value, this.currency());
  }

  protected payout(value: string | null): string {
    return formatPayout(value);
  }

  /** The change in payout points, in decimals. */
  protected payoutDelta(proposed: string, baseline: string): string {
    return formatPayoutDelta(new Decimal(proposed).minus(new Decimal(baseline)).toFixed());
  }
}
