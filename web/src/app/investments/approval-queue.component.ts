import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { CxInvestment, CxInvestmentBudget } from '@lodestar/contracts';
import { formatMonthLabel } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import { BudgetBarComponent } from './budget-bar.component';
import { formatInvestmentAmount, KIND_INFO } from './investment-format';
import { InvestmentStatusChipComponent } from './investment-status-chip.component';

/** A decision on one queued investment, as the page sends it. */
export interface QueueDecision {
  investment: CxInvestment;
  approve: boolean;
  reason: string | null;
}

/**
 * The investments waiting for this person's step, each with its unit's quarter budget, Approve and
 * Reject (which asks for a reason first); the API's refusal shows next to the item it is about.
 */
@Component({
  selector: 'ls-approval-queue',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    IconComponent,
    BudgetBarComponent,
    InvestmentStatusChipComponent,
  ],
  template: `
    <ul class="queue" aria-label="Waiting for your decision">
      @for (item of items(); track item.id) {
        <li class="item" [attr.data-id]="item.id" data-testid="queue-item">
          <div class="summary">
            <div class="what">
              <span class="amount" data-testid="queue-amount">{{ amount(item.amount) }}</span>
              <span class="kind">{{ kind(item) }}</span>
              <span class="ls-muted">· {{ item.orgUnitName }} · {{ month(item.period) }}</span>
              @if (item.account) {
                <span class="ls-muted">· {{ item.account }}</span>
              }
              <ls-investment-status-chip [status]="item.status" />
            </div>
            <p class="reason">{{ item.reason }}</p>
            <p class="ls-muted by">
              Proposed by {{ item.proposedBy.name }}
              @if (item.link) {
                · answers to <span class="ls-mono">{{ item.link }}</span>
              }
              @for (decision of item.decisions; track decision.at) {
                · {{ decision.approve ? 'approved' : 'rejected' }} by {{ decision.by.name }} ({{
                  decision.role === 'CX_LEAD' ? 'CX lead' : 'approver'
                }})
              }
            </p>
          </div>
          <ls-budget-bar
            class="budget"
            [budget]="budgetOf(item)"
            [pendingAmount]="item.amount"
            [label]="item.orgUnitName + ' · ' + (budgetOf(item)?.quarter ?? '')"
          />
          <div class="decide">
            @if (rejecting() === item.id) {
              <form class="reject" (ngSubmit)="confirmReject(item)">
                <mat-form-field class="reject-reason" subscriptSizing="dynamic">
                  <mat-label>Why reject it?</mat-label>
                  <textarea
                    matInput
                    rows="2"
                    name="reason"
                    [ngModel]="reason()"
                    (ngModelChange)="reason.set($event)"
                    [attr.aria-invalid]="reasonMissing()"
                  ></textarea>
                  @if (reasonMissing()) {
                    <mat-hint class="field-error"
                      >Say why, so the person who proposed it can act on it.</mat-hint
                    >
                  }
                </mat-form-field>
                <div class="ls-actions">
                  <button mat-flat-button type="submit" class="danger" [disabled]="busyId() === item.id">
                    Reject
                  </button>
                  <button mat-button type="button" (click)="cancelReject()">Cancel</button>
                </div>
              </form>
            } @else {
              <div class="ls-actions">
                <button
                  mat-flat-button
                  type="button"
                  [disabled]="busyId() === item.id"
                  (click)="decide.emit({ investment: item, approve: true, reason: null })"
                  [attr.aria-label]="'Approve ' + amount(item.amount) + ' for ' + item.orgUnitName"
                >
                  <ls-icon name="check" />Approve
                </button>
                <button
                  mat-stroked-button
                  type="button"
                  [disabled]="busyId() === item.id"
                  (click)="startReject(item)"
                  [attr.aria-label]="'Reject ' + amount(item.amount) + ' for ' + item.orgUnitName"
                >
                  <ls-icon name="close" />Reject
                </button>
              </div>
            }
          </div>
          @if (problems()[item.id]; as problem) {
            <p class="ls-inline-error problem" role="alert" data-testid="queue-problem">
              {{ problem }}
            </p>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    :host {
      display: block;
    }
    .queue {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .item {
      display: grid;
      grid-template-columns: minmax(0, 1fr) 280px auto;
      grid-template-areas:
        'summary budget decide'
        'problem problem problem';
      gap: 6px 20px;
      align-items: center;
      padding: 12px 16px;
      border-top: 1px solid var(--ls-border);
    }
    .summary {
      grid-area: summary;
      min-width: 0;
    }
    .budget {
      grid-area: budget;
    }
    .decide {
      grid-area: decide;
    }
    .problem {
      grid-area: problem;
    }
    .what {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
    }
    .amount {
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .reason {
      margin: 4px 0 2px;
      font-size: 0.875rem;
    }
    .by {
      margin: 0;
      font-size: 0.8rem;
    }
    .reject {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: 280px;
    }
    .reject-reason {
      width: 100%;
    }
    .field-error {
      color: var(--ls-bad);
    }
    .danger {
      --mdc-filled-button-container-color: var(--ls-bad);
      --mat-button-filled-container-color: var(--ls-bad);
    }
    @media (max-width: 1100px) {
      .item {
        grid-template-columns: minmax(0, 1fr) auto;
        grid-template-areas:
          'summary summary'
          'budget decide'
          'problem problem';
      }
    }
  `,
})
export class ApprovalQueueComponent {
  readonly items = input.required<CxInvestment[]>();
  /** Each item's unit budget for the item's quarter, by item id. */
  readonly budgets = input<Readonly<Record<string, CxInvestmentBudget>>>({});
  /** The API's refusal per item id. */
  readonly problems = input<Readonly<Record<string, string>>>({});
  readonly busyId = input<string | null>(null);
  readonly decide = output<QueueDecision>();

  protected readonly rejecting = signal<string | null>(null);
  protected readonly reasonMissing = signal(false);
  protected readonly reason = signal('');

  protected startReject(item: CxInvestment): void {
    this.reason.set('');
    this.reasonMissing.set(false);
    this.rejecting.set(item.id);
  }

  protected cancelReject(): void {
    this.rejecting.set(null);
    this.reasonMissing.set(false);
  }

  protected confirmReject(item: CxInvestment): void {
    const reason = this.reason().trim();
    if (!reason) {
      this.reasonMissing.set(true);
      return;
    }
    this.reasonMissing.set(false);
    this.rejecting.set(null);
    this.decide.emit({ investment: item, approve: false, reason });
  }

  protected budgetOf(item: CxInvestment): CxInvestmentBudget | null {
    return this.budgets()[item.id] ?? null;
  }

  protected amount(value: string): string {
    return formatInvestmentAmount(value);
  }

  protected kind(item: CxInvestment): string {
    return KIND_INFO[item.kind].label.toLowerCase();
  }

  protected month(period: string): string {
    return formatMonthLabel(period);
  }
}
