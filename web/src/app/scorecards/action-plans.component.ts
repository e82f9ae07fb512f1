import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ActionPlan, ActionPlanStatus } from '@lodestar/contracts';
import { formatDate } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import { InlineErrorComponent } from '../shared/page-states.component';
import type { MetricChoice } from './scorecard-comments.component';
import type { PersonChoice } from './scorecard-writers';

export const ACTION_PLAN_STATUS_LABELS: Readonly<Record<ActionPlanStatus, string>> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
};

export interface ActionPlanDraft {
  metric: string;
  title: string;
  ownerId: string;
  dueDate: string;
}

export interface ActionPlanEdit {
  id: string;
  status?: ActionPlanStatus;
  dueDate?: string;
}

/** Today as `YYYY-MM-DD` in the reader's time zone. */
export function todayIso(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A unit's action plans: what will be done about a result, who owns it, by when, and how far it got.
 * They stay on the scorecard until done. The unit's executive and the CX lead add plans and move them
 * on; everyone else reads them.
 */
@Component({
  selector: 'ls-action-plans',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    IconComponent,
    InlineErrorComponent,
  ],
  template: `
    <section class="ls-panel" aria-labelledby="plans-title" data-testid="action-plans">
      <header class="ls-chart-head">
        <div>
          <h2 id="plans-title">Action plans</h2>
          <p class="ls-muted">Open plans of any period, and those closed in {{ period() }}</p>
        </div>
        @if (canWrite() && !adding()) {
          <button mat-stroked-button type="button" (click)="adding.set(true)">
            <ls-icon name="add" />Add an action plan
          </button>
        }
      </header>
      @if (plans().length) {
        <ul class="list">
          @for (plan of plans(); track plan.id + ':' + revision()) {
            <li data-testid="action-plan" [attr.data-status]="plan.status">
              <div class="what">
                <p class="title">{{ plan.title }}</p>
                <p class="meta">
                  <span class="tag">{{ metricName(plan.metric) }}</span>
                  <span>{{ plan.period }}</span>
                  <span
                    >· Owner <strong>{{ plan.owner.name }}</strong></span
                  >
                  <span [class.overdue]="isOverdue(plan)">
                    · Due {{ day(plan.dueDate) }}
                    @if (isOverdue(plan)) {
                      <ls-icon name="warning" /> overdue
                    }
                  </span>
                </p>
              </div>
              @if (canWrite()) {
                <div class="edit">
                  <mat-form-field class="status">
                    <mat-label>Status</mat-label>
                    <mat-select
                      [value]="plan.status"
                      (valueChange)="edit.emit({ id: plan.id, status: $event })"
                      [disabled]="saving()"
                    >
                      @for (status of statuses; track status) {
                        <mat-option [value]="status">{{ statusLabels[status] }}</mat-option>
                      }
                    </mat-select>
                  </mat-form-field>
                  <mat-form-field class="due">
                    <mat-label>Due date</mat-label>
                    <input
                      matInput
                      type="date"
                      [value]="plan.dueDate"
                      [disabled]="saving()"
                      (change)="changeDue(plan, $event)"
                    />
                  </mat-form-field>
                </div>
              } @else {
                <span class="state" [attr.data-status]="plan.status">{{ statusLabels[plan.status] }}</span>
              }
            </li>
          }
        </ul>
      } @else {
        <p class="empty">
          No open action plans.
          @if (canWrite()) {
            Add one for a result that is off track: what will be done, who owns it and by when.
          }
        </p>
      }
      @if (error(); as detail) {
        <div class="error"><ls-inline-error [detail]="detail" /></div>
      }
      @if (canWrite() && adding()) {
        <form class="form" (ngSubmit)="submit()" aria-label="Add an action plan">
          <div class="ls-form-grid">
            <mat-form-field>
              <mat-label>Metric</mat-label>
              <mat-select [(ngModel)]="metric" name="metric" required>
                @for (choice of metrics(); track choice.key) {
                  <mat-option [value]="choice.key">{{ choice.name }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field>
              <mat-label>Owner</mat-label>
              <mat-select [(ngModel)]="ownerId" name="owner" required>
                @for (person of owners(); track person.id) {
                  <mat-option [value]="person.id">{{ person.name }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field>
              <mat-label>Due date</mat-label>
              <input matInput type="date" name="dueDate" [(ngModel)]="dueDate" [min]="today" required />
            </mat-form-field>
          </div>
          <mat-form-field class="wide">
            <mat-label>What will be done</mat-label>
            <input matInput name="title" [(ngModel)]="title" maxlength="500" required />
          </mat-form-field>
          @if (incomplete()) {
            <p class="ls-inline-error" role="alert">
              Give the metric, what will be done, an owner and a due date.
            </p>
          }
          <div class="ls-actions">
            <button mat-flat-button type="submit" [disabled]="saving()">
              {{ saving() ? 'Saving…' : 'Add action plan' }}
            </button>
            <button mat-button type="button" (click)="cancel()">Cancel</button>
          </div>
        </form>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    p {
      margin: 0;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0 16px;
    }
    .list li {
      display: flex;
      gap: 8px 16px;
      align-items: flex-start;
      justify-content: space-between;
      flex-wrap: wrap;
      padding: 10px 0;
      border-bottom: 1px solid var(--ls-border);
    }
    .list li:last-child {
      border-bottom: none;
    }
    .what {
      flex: 1 1 260px;
      min-width: 0;
    }
    .title {
      font-weight: 600;
      font-size: 0.9rem;
    }
    li[data-status='done'] .title {
      color: var(--ls-muted);
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      align-items: center;
      margin-top: 4px;
      font-size: 0.8rem;
      color: var(--ls-muted);
      --ls-icon-size: 14px;
    }
    .tag {
      padding: 0 8px;
      border-radius: 999px;
      line-height: 18px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    .overdue {
      color: var(--ls-bad);
      font-weight: 600;
    }
    .edit {
      display: flex;
      gap: 8px;
    }
    .status {
      width: 140px;
    }
    .due {
      width: 160px;
    }
    .state {
      font-size: 0.8rem;
      font-weight: 600;
      padding: 2px 10px;
      border-radius: 999px;
      background: var(--mat-sys-surface-container-high);
    }
    .empty {
      padding: 4px 16px 12px;
      color: var(--ls-muted);
      font-size: 0.88rem;
    }
    .error {
      padding: 0 16px 12px;
    }
    .form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 12px 16px 16px;
      border-top: 1px solid var(--ls-border);
    }
    .wide {
      width: 100%;
    }
  `,
})
export class ActionPlansComponent {
  readonly plans = input.required<readonly ActionPlan[]>();
  readonly period = input.required<string>();
  readonly metrics = input.required<readonly MetricChoice[]>();
  readonly owners = input<readonly PersonChoice[]>([]);
  readonly canWrite = input(false);
  readonly saving = input(false);
  readonly error = input<string | null>(null);
  protected readonly today = todayIso();
  readonly create = output<ActionPlanDraft>();
  readonly edit = output<ActionPlanEdit>();

  protected readonly statuses: ActionPlanStatus[] = ['open', 'in_progress', 'done'];
  protected readonly statusLabels = ACTION_PLAN_STATUS_LABELS;
  protected readonly adding = signal(false);
  /** Bumped to redraw the list, e.g. so a refused change shows the stored value again. */
  readonly revision = input(0);
  protected readonly metric = signal<string | null>(null);
  protected readonly ownerId = signal<string | null>(null);
  protected readonly dueDate = signal('');
  protected readonly title = signal('');
  protected readonly incomplete = signal(false);
  private readonly metricNames = computed(
    () => new Map(this.metrics().map((choice) => [choice.key, choice.name])),
  );

  protected metricName(key: string): string {
    return this.metricNames().get(key) ?? key;
  }

  protected day(iso: string): string {
    return formatDate(iso);
  }

  protected isOverdue(plan: ActionPlan): boolean {
    return plan.status !== 'done' && plan.dueDate < this.today;
  }

  protected changeDue(plan: ActionPlan, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (value && value !== plan.dueDate) this.edit.emit({ id: plan.id, dueDate: value });
  }

  protected submit(): void {
    const metric = this.metric();
    const ownerId = this.ownerId();
    const title = this.title().trim();
    const dueDate = this.dueDate();
    if (!metric || !ownerId || !title || !dueDate) {
      this.incomplete.set(true);
      return;
    }
    this.incomplete.set(false);
    this.create.emit({ metric, ownerId, title, dueDate });
  }

  /** Opens the form on a metric (from a "comment needed" prompt or a red cell). */
  startOn(metric: string | null): void {
    this.adding.set(true);
    if (metric) this.metric.set(metric);
  }

  protected cancel(): void {
    this.adding.set(false);
    this.incomplete.set(false);
  }

  /** Empties and closes the form once the plan is saved. */
  clear(): void {
    this.title.set('');
    this.dueDate.set('');
    this.metric.set(null);
    this.adding.set(false);
  }
}
