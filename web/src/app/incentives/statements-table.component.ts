import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { StatementSummary } from '@lodestar/contracts';
import { formatInteger } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import {
  formatPayout,
  formatSignedMoney,
  formatStatementMoney,
  isNonZeroMoney,
  NO_VALUE,
  STATEMENT_STATUS_INFO,
} from './incentive-format';
import { sortStatements, type StatementSort, type StatementSortKey } from './pay-statements-format';

interface Column {
  key: StatementSortKey;
  label: string;
  numeric: boolean;
}

const COLUMNS: readonly Column[] = [
  { key: 'participant', label: 'Participant', numeric: false },
  { key: 'unit', label: 'Unit', numeric: false },
  { key: 'plan', label: 'Plan · version', numeric: false },
  { key: 'payout', label: 'Payout', numeric: true },
  { key: 'amount', label: 'Amount', numeric: true },
  { key: 'adjustments', label: 'Adjustments', numeric: true },
  { key: 'payable', label: 'Payable', numeric: true },
  { key: 'status', label: 'Status', numeric: false },
  { key: 'inquiries', label: 'Open inquiries', numeric: true },
];

/**
 * A quarter's statements: participant, unit, plan and version, payout, amount, adjustments, payable,
 * status and open inquiries. Each column sorts the rows shown; a row opens its statement on click, and
 * the participant's name is a button, so Enter opens it too.
 */
@Component({
  selector: 'ls-statements-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IconComponent],
  template: `
    <div class="scroll">
      <table class="table" data-testid="statements-table">
        <caption class="ls-visually-hidden">
          {{
            caption()
          }}. Sorting orders the statements on this page; open a statement with its participant’s name.
        </caption>
        <thead>
          <tr>
            @for (column of columns; track column.key) {
              <th scope="col" [class.num]="column.numeric" [attr.aria-sort]="ariaSort(column.key)">
                <button
                  type="button"
                  class="sort"
                  [attr.data-sort]="column.key"
                  (click)="sortBy.emit(column.key)"
                >
                  {{ column.label }}
                  @if (sort()?.key === column.key) {
                    <ls-icon [name]="sort()?.direction === 'asc' ? 'arrowUp' : 'arrowDown'" />
                  }
                </button>
              </th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.id) {
            <tr
              class="row"
              [class.selected]="row.id === selectedId()"
              [attr.data-id]="row.id"
              data-testid="statement-row"
              (click)="open.emit(row)"
              (keydown.enter)="openByKey($event, row)"
            >
              <td>
                <button
                  type="button"
                  class="open"
                  [attr.aria-label]="'Open the statement of ' + row.participant.name + ', ' + row.period"
                  [attr.aria-expanded]="row.id === selectedId()"
                >
                  {{ row.participant.name }}
                </button>
              </td>
              <td class="wrap">{{ row.orgUnit.name }}</td>
              <td class="wrap">{{ row.plan.name }} · v{{ row.version.number }}</td>
              <td class="num">{{ payout(row.totalPayout) }}</td>
              <td class="num">{{ money(row.amount, row.currency) }}</td>
              <td class="num" [class.ls-muted]="!isNonZero(row.adjustments)">
                {{ adjustments(row) }}
              </td>
              <td class="num strong">{{ money(row.payable, row.currency) }}</td>
              <td>
                <span class="ls-status-chip" [attr.data-status]="status(row).tone">
                  <ls-icon [name]="status(row).icon" />
                  <span>{{ status(row).label }}</span>
                </span>
              </td>
              <td class="num">
                @if (row.openInquiries > 0) {
                  <span class="ls-status-chip" data-status="amber">
                    <ls-icon name="forum" />
                    <span>{{ count(row.openInquiries) }}</span>
                  </span>
                } @else {
                  <span class="ls-muted">0</span>
                }
              </td>
            </tr>
          }
        </tbody>
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
    th,
    td {
      padding: 6px 10px;
      border-bottom: 1px solid var(--ls-border);
      text-align: left;
      white-space: nowrap;
    }
    /* names may wrap, so the figures and the status stay in view on a laptop screen */
    td.wrap {
      white-space: normal;
      min-width: 8rem;
    }
    th {
      font-weight: 600;
      font-size: 0.8rem;
      color: var(--ls-muted);
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    th.num .sort {
      flex-direction: row-reverse;
    }
    .sort {
      display: inline-flex;
      align-items: center;
      gap: 2px;
      border: 0;
      background: none;
      padding: 2px 0;
      font: inherit;
      color: inherit;
      cursor: pointer;
      --ls-icon-size: 14px;
    }
    .sort:focus-visible,
    .open:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .row {
      cursor: pointer;
    }
    .row:hover {
      background: var(--mat-sys-surface-container-low);
    }
    .row.selected {
      background: var(--mat-sys-secondary-container);
    }
    .open {
      border: 0;
      background: none;
      padding: 0;
      font: inherit;
      font-weight: 600;
      color: var(--mat-sys-primary);
      text-decoration: underline;
      text-underline-offset: 2px;
      cursor: pointer;
    }
    .strong {
      font-weight: 600;
    }
  `,
})
export class StatementsTableComponent {
  readonly statements = input.required<StatementSummary[]>();
  readonly selectedId = input<string | null>(null);
  readonly sort = input<StatementSort | null>(null);
  readonly caption = input('Statements');

  readonly open = output<StatementSummary>();
  readonly sortBy = output<StatementSortKey>();

  protected readonly columns = COLUMNS;
  protected readonly rows = computed(() => sortStatements(this.statements(), this.sort()));

  /** Enter anywhere in the row opens it once (the button's own click on Enter is not also sent). */
  protected openByKey(event: Event, row: StatementSummary): void {
    event.preventDefault();
    this.open.emit(row);
  }

  protected ariaSort(key: StatementSortKey): 'ascending' | 'descending' | null {
    const sort = this.sort();
    if (sort?.key !== key) return null;
    return sort.direction === 'asc' ? 'ascending' : 'descending';
  }

  protected payout(value: string): string {
    return formatPayout(value);
  }

  protected money(value: string, currency: string): string {
    return formatStatementMoney(value, currency);
  }

  protected adjustments(row: StatementSummary): string {
    if (row.adjustments === undefined) return NO_VALUE;
    return isNonZeroMoney(row.adjustments)
      ? formatSignedMoney(row.adjustments, row.currency)
      : formatStatementMoney('0', row.currency);
  }

  protected isNonZero(value: string | undefined): boolean {
    return isNonZeroMoney(value);
  }

  protected status(row: StatementSummary) {
    return STATEMENT_STATUS_INFO[row.status];
  }

  protected count(value: number): string {
    return formatInteger(value);
  }
}
