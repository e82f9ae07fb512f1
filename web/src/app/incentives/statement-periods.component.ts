import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { StatementPeriod } from '@lodestar/contracts';
import { formatDate, formatDateTime, formatInteger } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import { formatStatementMoney } from './incentive-format';
import { PERIOD_STATUS_INFO } from './pay-statements-format';

/** What is being done to a quarter right now. */
export interface PeriodWork {
  period: string;
  action: 'recompute' | 'close' | 'release';
}

const WORKING_TEXT: Readonly<Record<PeriodWork['action'], string>> = {
  recompute: 'Recomputing the projections of',
  close: 'Closing',
  release: 'Releasing',
};

/**
 * A fiscal year's quarters: status (word and icon), statements and total payable, and — for HR — what
 * can be done next: recompute and close an open quarter, release a closed one. Choosing a quarter shows
 * its statements.
 */
@Component({
  selector: 'ls-statement-periods',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, IconComponent],
  template: `
    <ul class="quarters" aria-label="Quarters of the fiscal year">
      @for (period of periods(); track period.period) {
        <li
          class="quarter"
          [class.selected]="period.period === selected()"
          [attr.data-period]="period.period"
          data-testid="quarter"
        >
          <div class="head">
            <button
              mat-button
              type="button"
              class="choose"
              [attr.aria-pressed]="period.period === selected()"
              [attr.aria-label]="'Show the statements of ' + period.period"
              (click)="choose.emit(period.period)"
            >
              {{ period.period }}
            </button>
            <span class="ls-status-chip" [attr.data-status]="info(period).tone" data-testid="quarter-status">
              <ls-icon [name]="info(period).icon" />
              <span>{{ info(period).label }}</span>
            </span>
          </div>
          <dl class="figures">
            <div>
              <dt>Statements</dt>
              <dd data-testid="quarter-count">{{ count(period.statements) }}</dd>
            </div>
            <div>
              <dt>Total payable</dt>
              <dd data-testid="quarter-payable">{{ money(period.totalPayable) }}</dd>
            </div>
          </dl>
          @if (period.releasedAt) {
            <p class="when ls-muted">
              Released {{ when(period.releasedAt)
              }}{{ period.releasedBy ? ' by ' + period.releasedBy.name : '' }}
            </p>
          } @else if (period.closedAt) {
            <p class="when ls-muted">
              Closed {{ when(period.closedAt) }}{{ period.closedBy ? ' by ' + period.closedBy.name : '' }}
            </p>
          } @else {
            <p class="when ls-muted">Projections until HR closes it</p>
          }

          @if (working()?.period === period.period) {
            <div class="working">
              <mat-progress-bar mode="indeterminate" [attr.aria-label]="workingText(period.period)" />
              <span class="ls-visually-hidden" role="status">{{ workingText(period.period) }}</span>
            </div>
          }

          @if (canManage()) {
            <div class="ls-actions actions">
              @switch (period.status) {
                @case ('OPEN') {
                  <button
                    mat-stroked-button
                    type="button"
                    [disabled]="!!working()"
                    (click)="recompute.emit(period)"
                    [attr.aria-label]="'Recompute the projections of ' + period.period"
                  >
                    <ls-icon name="refresh" />Recompute projections
                  </button>
                  @if (period.ended) {
                    <button
                      mat-flat-button
                      type="button"
                      [disabled]="!!working()"
                      (click)="closeQuarter.emit(period)"
                      [attr.aria-label]="'Close ' + period.period"
                    >
                      <ls-icon name="lock" />Close quarter
                    </button>
                  } @else {
                    <span class="ls-muted" data-testid="closes-after">
                      Can be closed after {{ endsOn(period) }}
                    </span>
                  }
                }
                @case ('CLOSED') {
                  <button
                    mat-flat-button
                    type="button"
                    [disabled]="!!working()"
                    (click)="releaseQuarter.emit(period)"
                    [attr.aria-label]="'Release ' + period.period + ' to participants'"
                  >
                    <ls-icon name="people" />Release to participants
                  </button>
                }
              }
            </div>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    :host {
      display: block;
    }
    .quarters {
      list-style: none;
      margin: 0;
      padding: 0 16px 16px;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
      gap: 12px;
    }
    .quarter {
      display: flex;
      flex-direction: column;
      gap: 6px;
      padding: 10px 12px 12px;
      border: 1px solid var(--ls-border);
      border-radius: 10px;
    }
    .quarter.selected {
      border-color: var(--mat-sys-primary);
      box-shadow: inset 0 0 0 1px var(--mat-sys-primary);
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    .choose {
      font-weight: 600;
      font-size: 1rem;
      margin-left: -8px;
    }
    .figures {
      display: flex;
      gap: 24px;
      margin: 0;
    }
    dt {
      font-size: 0.78rem;
      color: var(--ls-muted);
    }
    dd {
      margin: 0;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .when {
      margin: 0;
      font-size: 0.8rem;
    }
    .actions {
      margin-top: auto;
      padding-top: 4px;
    }
  `,
})
export class StatementPeriodsComponent {
  readonly periods = input.required<StatementPeriod[]>();
  readonly selected = input<string | null>(null);
  /** HR: the close, release and recompute buttons. */
  readonly canManage = input(false);
  readonly working = input<PeriodWork | null>(null);
  readonly currency = input<string | undefined>(undefined);

  readonly choose = output<string>();
  readonly recompute = output<StatementPeriod>();
  readonly closeQuarter = output<StatementPeriod>();
  readonly releaseQuarter = output<StatementPeriod>();

  protected info(period: StatementPeriod) {
    return PERIOD_STATUS_INFO[period.status];
  }

  protected count(value: number): string {
    return formatInteger(value);
  }

  protected money(value: string): string {
    return formatStatementMoney(value, this.currency());
  }

  protected when(iso: string): string {
    return formatDateTime(iso);
  }

  protected endsOn(period: StatementPeriod): string {
    return formatDate(period.endsOn);
  }

  protected workingText(period: string): string {
    const work = this.working();
    return work ? `${WORKING_TEXT[work.action]} ${period}…` : '';
  }
}
