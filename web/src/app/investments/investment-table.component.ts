import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { CxInvestment } from '@lodestar/contracts';
import { formatDateTime, formatMonthLabel } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import { canWithdraw, formatInvestmentAmount, KIND_INFO } from './investment-format';
import { InvestmentStatusChipComponent } from './investment-status-chip.component';

/**
 * CX investments as a table: month, unit, kind, amount, account, reason (shortened; the whole text and
 * the decisions on expanding the row), status, proposer. The proposer can withdraw their undecided ones.
 */
@Component({
  selector: 'ls-investment-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatTooltipModule, IconComponent, InvestmentStatusChipComponent],
  template: `
    <div class="scroll">
      <table class="table" data-testid="investment-table">
        <caption class="ls-visually-hidden">
          CX investments, newest first. Expand a row for the whole reason and the decisions.
        </caption>
        <thead>
          <tr>
            <th scope="col"><span class="ls-visually-hidden">Details</span></th>
            <th scope="col">Month</th>
            <th scope="col">Unit</th>
            <th scope="col">Kind</th>
            <th scope="col" class="num">Amount</th>
            <th scope="col">Account</th>
            <th scope="col">Reason</th>
            <th scope="col">Status</th>
            <th scope="col">Proposed by</th>
            <th scope="col"><span class="ls-visually-hidden">Actions</span></th>
          </tr>
        </thead>
        @for (item of items(); track item.id) {
          <tbody [attr.data-id]="item.id" data-testid="investment-row">
            <tr class="row" [class.open]="open().has(item.id)">
              <td class="expand">
                <button
                  mat-icon-button
                  type="button"
                  [attr.aria-expanded]="open().has(item.id)"
                  [attr.aria-controls]="'investment-detail-' + item.id"
                  [attr.aria-label]="(open().has(item.id) ? 'Hide' : 'Show') + ' the reason and decisions'"
                  (click)="toggle(item.id)"
                >
                  <ls-icon [name]="open().has(item.id) ? 'chevronDown' : 'chevronRight'" />
                </button>
              </td>
              <td class="nowrap">{{ month(item.period) }}</td>
              <td>{{ item.orgUnitName }}</td>
              <td class="nowrap">{{ kind(item) }}</td>
              <td class="num nowrap">{{ amount(item.amount) }}</td>
              <td>{{ item.account ?? '–' }}</td>
              <td class="reason">
                <span class="truncated" [matTooltip]="item.reason" matTooltipClass="ls-reason-tooltip">{{
                  item.reason
                }}</span>
              </td>
              <td><ls-investment-status-chip [status]="item.status" /></td>
              <td class="nowrap">{{ item.proposedBy.name }}</td>
              <td class="actions">
                @if (withdrawable(item)) {
                  <button
                    mat-stroked-button
                    type="button"
                    [disabled]="busyId() === item.id"
                    (click)="withdraw.emit(item)"
                    [attr.aria-label]="'Withdraw ' + kind(item).toLowerCase() + ' of ' + amount(item.amount)"
                  >
                    Withdraw
                  </button>
                }
              </td>
            </tr>
            @if (problems()[item.id]; as problem) {
              <tr class="problem-row">
                <td></td>
                <td colspan="9">
                  <p class="ls-inline-error" role="alert">{{ problem }}</p>
                </td>
              </tr>
            }
            @if (open().has(item.id)) {
              <tr class="detail-row" [id]="'investment-detail-' + item.id">
                <td></td>
                <td colspan="9">
                  <div class="detail">
                    <div>
                      <h3>Reason</h3>
                      <p class="full-reason">{{ item.reason }}</p>
                      @if (item.link) {
                        <p class="ls-muted">
                          Answers to <span class="ls-mono">{{ item.link }}</span>
                        </p>
                      }
                      <p class="ls-muted">
                        Proposed by {{ item.proposedBy.name }}, {{ when(item.proposedAt) }}.
                        @if (item.needsSecondApproval) {
                          Above the threshold: needs an approver after the CX lead.
                        }
                      </p>
                    </div>
                    <div>
                      <h3>Decisions</h3>
                      @if (item.decisions.length) {
                        <ul class="decisions">
                          @for (decision of item.decisions; track decision.at + decision.role) {
                            <li>
                              <strong>{{ decision.approve ? 'Approved' : 'Rejected' }}</strong>
                              by {{ decision.by.name }} ({{
                                decision.role === 'CX_LEAD' ? 'CX lead' : 'approver'
                              }}),
                              {{ when(decision.at) }}
                              @if (decision.reason) {
                                <span class="decision-reason">: “{{ decision.reason }}”</span>
                              }
                            </li>
                          }
                        </ul>
                      } @else {
                        <p class="ls-muted">None yet.</p>
                      }
                    </div>
                  </div>
                </td>
              </tr>
            }
          </tbody>
        }
      </table>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .scroll {
      overflow-x: auto;
    }
    .table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.875rem;
    }
    th {
      text-align: left;
      font-weight: 600;
      font-size: 0.8rem;
      color: var(--ls-muted);
      padding: 6px 8px;
      border-bottom: 1px solid var(--ls-border);
      white-space: nowrap;
    }
    td {
      padding: 4px 8px;
      vertical-align: middle;
    }
    tbody {
      border-bottom: 1px solid var(--ls-border);
    }
    .row.open td {
      background: var(--mat-sys-surface-container-low);
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .nowrap {
      white-space: nowrap;
    }
    .expand {
      width: 40px;
      padding: 0;
    }
    .truncated {
      display: block;
      max-width: 240px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .actions {
      text-align: right;
      white-space: nowrap;
    }
    .detail {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      gap: 16px;
      padding: 4px 0 12px;
    }
    .detail h3 {
      font-size: 0.8rem;
      font-weight: 600;
      margin: 0 0 4px;
    }
    .detail p {
      margin: 0 0 4px;
    }
    .full-reason {
      white-space: pre-line;
    }
    .decisions {
      margin: 0;
      padding-left: 18px;
    }
    .problem-row td {
      padding-bottom: 8px;
    }
  `,
})
export class InvestmentTableComponent {
  readonly items = input.required<CxInvestment[]>();
  readonly userId = input<string | null>(null);
  /** The item whose withdrawal is being sent. */
  readonly busyId = input<string | null>(null);
  /** The API's refusal per item, shown under its row. */
  readonly problems = input<Readonly<Record<string, string>>>({});
  readonly withdraw = output<CxInvestment>();

  protected readonly open = signal<ReadonlySet<string>>(new Set());

  protected toggle(id: string): void {
    this.open.update((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  protected withdrawable(item: CxInvestment): boolean {
    return canWithdraw(item, this.userId());
  }

  protected month(period: string): string {
    return formatMonthLabel(period);
  }

  protected kind(item: CxInvestment): string {
    return KIND_INFO[item.kind].label;
  }

  protected amount(value: string): string {
    return formatInvestmentAmount(value);
  }

  protected when(iso: string): string {
    return formatDateTime(iso);
  }
}
