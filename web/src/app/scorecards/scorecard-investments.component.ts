import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { CxInvestment, CxInvestmentKind } from '@lodestar/contracts';
import { aggregateMonths } from '@lodestar/cx-metrics';
import { formatInvestmentAmount, KIND_INFO } from '../investments/investment-format';
import { InvestmentStatusChipComponent } from '../investments/investment-status-chip.component';
import { IconComponent } from '../shared/icon.component';

/** Σ of decimal amounts ("18000.00") exactly, with the decimal rules of the measurements' sums. */
export function sumAmounts(amounts: readonly string[]): string {
  return aggregateMonths('sum', amounts.map((value) => ({ value }))).value ?? '0.00';
}

/** Approved amounts by kind: what the adjusted margin adds back and the adjusted quota credits. */
export function approvedByKind(investments: readonly CxInvestment[]): Record<CxInvestmentKind, string> {
  const approved = investments.filter((item) => item.status === 'approved');
  return {
    cost: sumAmounts(approved.filter((item) => item.kind === 'cost').map((item) => item.amount)),
    quota_relief: sumAmounts(
      approved.filter((item) => item.kind === 'quota_relief').map((item) => item.amount),
    ),
  };
}

/**
 * A unit's CX investments in the period (its own and those of the units below it): what was spent or
 * given up for the customer's sake, and where it stands. Approved ones are what the scorecard's
 * adjusted margin and adjusted quota attainment add back.
 */
@Component({
  selector: 'ls-scorecard-investments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, IconComponent, InvestmentStatusChipComponent],
  template: `
    <section class="ls-panel" aria-labelledby="investments-title" data-testid="scorecard-investments">
      <header class="ls-chart-head">
        <div>
          <h2 id="investments-title">CX investments</h2>
          <p class="ls-muted">
            {{ unitName() }} and the units below it in {{ period() }}. Approved:
            <strong>{{ money(approved().cost) }}</strong> of cost, added back in the adjusted margin, and
            <strong>{{ money(approved().quota_relief) }}</strong> of quota relief, credited in the adjusted
            quota attainment.
          </p>
        </div>
        <a mat-stroked-button routerLink="/investments"><ls-icon name="flag" />Propose or decide</a>
      </header>
      @if (investments().length) {
        <table>
          <caption class="ls-visually-hidden">
            CX investments of
            {{
              unitName()
            }}
            in
            {{
              period()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Unit</th>
              <th scope="col">Kind</th>
              <th scope="col" class="num">Amount</th>
              <th scope="col">Status</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            @for (item of investments(); track item.id) {
              <tr data-testid="scorecard-investment">
                <td>{{ item.period }}</td>
                <td>{{ item.orgUnitName }}</td>
                <td>{{ kindLabel(item.kind) }}</td>
                <td class="num">{{ money(item.amount) }}</td>
                <td><ls-investment-status-chip [status]="item.status" /></td>
                <td class="why" [attr.title]="item.reason">{{ item.reason }}</td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <p class="empty">No CX investments for {{ unitName() }} in {{ period() }}.</p>
      }
    </section>
  `,
  styles: `
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.85rem;
    }
    th,
    td {
      text-align: left;
      padding: 6px 14px;
      border-top: 1px solid var(--mat-sys-outline-variant);
      vertical-align: middle;
      white-space: nowrap;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .why {
      /* takes the room left and cuts the reason short; the whole text is in the title */
      width: 100%;
      max-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .empty {
      padding: 4px 14px 14px;
      margin: 0;
    }
  `,
})
export class ScorecardInvestmentsComponent {
  readonly investments = input.required<CxInvestment[]>();
  readonly unitName = input.required<string>();
  readonly period = input.required<string>();

  protected readonly approved = computed(() => approvedByKind(this.investments()));
  protected readonly money = formatInvestmentAmount;

  protected kindLabel(kind: CxInvestmentKind): string {
    return KIND_INFO[kind].label;
  }
}
