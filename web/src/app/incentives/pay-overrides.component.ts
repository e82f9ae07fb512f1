import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { PayOverride, PayOverrideInput } from '@lodestar/contracts';
import type { UnitOption } from '../investments/investment-format';
import { formatDateTime } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import { InlineErrorComponent } from '../shared/page-states.component';
import type { ShownProblem } from '../shared/problem';
import {
  formatOverrideValue,
  MAX_OVERRIDE_REASON,
  OVERRIDE_METRIC_INFO,
  OVERRIDE_METRICS,
  OVERRIDE_STATUS_INFO,
  overrideDecisionBlock,
  overrideMetricLabel,
  overrideOf,
  overrideProblems,
  type OverrideDraft,
  type OverrideField,
} from './pay-statements-format';

/** An approver's decision on one override, as the page sends it. */
export interface OverrideDecision {
  override: PayOverride;
  approve: boolean;
  reason: string | null;
}

const blankDraft = (period: string): OverrideDraft => ({
  orgUnit: '',
  metric: 'nps',
  period,
  value: '',
  reason: '',
});

/**
 * Pay overrides: HR's value for a CX input whose sample is too small for pay, used once an approver
 * signs it off. The list with each one's status; HR enters one; an approver approves or rejects (with a
 * reason) those they did not enter themselves, and sees why when they cannot.
 */
@Component({
  selector: 'ls-pay-overrides',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: ErrorStateMatcher, useValue: { isErrorState: () => false } }],
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
    @if (canEnter()) {
      <form
        class="form"
        novalidate
        (ngSubmit)="submit()"
        aria-label="Enter a pay override"
        data-testid="override-form"
      >
        <div class="fields">
          <mat-form-field>
            <mat-label>Unit</mat-label>
            <mat-select
              name="orgUnit"
              [ngModel]="draft().orgUnit"
              (ngModelChange)="set('orgUnit', $event)"
              [panelWidth]="null"
              required
            >
              @for (unit of units(); track unit.key) {
                <mat-option [value]="unit.key">
                  <span [style.padding-left.px]="unit.depth * 14">{{ unit.name }}</span>
                </mat-option>
              }
            </mat-select>
            @if (shown('orgUnit'); as problem) {
              <mat-hint class="field-error">{{ problem }}</mat-hint>
            } @else {
              <mat-hint>Whose sample is too small</mat-hint>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>CX metric</mat-label>
            <mat-select name="metric" [ngModel]="draft().metric" (ngModelChange)="set('metric', $event)">
              @for (metric of metrics; track metric) {
                <mat-option [value]="metric">{{ metricInfo[metric].label }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Quarter</mat-label>
            <mat-select
              name="period"
              [ngModel]="draft().period"
              (ngModelChange)="set('period', $event)"
              required
            >
              @for (quarter of quarters(); track quarter) {
                <mat-option [value]="quarter">{{ quarter }}</mat-option>
              }
            </mat-select>
            @if (shown('period'); as problem) {
              <mat-hint class="field-error">{{ problem }}</mat-hint>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>Value</mat-label>
            <input
              matInput
              name="value"
              inputmode="decimal"
              autocomplete="off"
              required
              [ngModel]="draft().value"
              (ngModelChange)="set('value', $event)"
              [attr.aria-invalid]="!!shown('value')"
            />
            @if (shown('value'); as problem) {
              <mat-hint class="field-error">{{ problem }}</mat-hint>
            } @else {
              <mat-hint>{{ metricInfo[draft().metric].hint }}</mat-hint>
            }
          </mat-form-field>
          <mat-form-field class="reason">
            <mat-label>Reason</mat-label>
            <textarea
              matInput
              name="reason"
              rows="2"
              required
              [attr.maxlength]="maxReason"
              [ngModel]="draft().reason"
              (ngModelChange)="set('reason', $event)"
              [attr.aria-invalid]="!!shown('reason')"
            ></textarea>
            @if (shown('reason'); as problem) {
              <mat-hint class="field-error">{{ problem }}</mat-hint>
            } @else {
              <mat-hint>Why this value is fairer than the fallback; the approver reads it</mat-hint>
            }
            <mat-hint align="end">{{ reasonLength() }} / {{ maxReason }}</mat-hint>
          </mat-form-field>
        </div>
        @if (enterProblem(); as refusal) {
          <ls-inline-error
            [detail]="refusal.detail"
            [errors]="refusal.errors"
            data-testid="override-problem"
          />
        }
        <div class="ls-actions">
          <button mat-flat-button type="submit" [disabled]="entering()">
            <ls-icon name="add" />{{ entering() ? 'Entering…' : 'Enter override' }}
          </button>
          <span class="ls-muted note">It moves pay only once an approver other than you approves it.</span>
        </div>
      </form>
    }

    <div class="scroll">
      <table class="table" data-testid="override-table">
        <caption class="ls-visually-hidden">
          Pay overrides with their status
        </caption>
        <thead>
          <tr>
            <th scope="col">Unit</th>
            <th scope="col">Metric</th>
            <th scope="col">Quarter</th>
            <th scope="col" class="num">Value</th>
            <th scope="col">Reason</th>
            <th scope="col">Status</th>
            <th scope="col">Entered by</th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          @for (item of overrides(); track item.id) {
            <tr [attr.data-id]="item.id" data-testid="override-row">
              <td>{{ item.orgUnit.name }}</td>
              <td>{{ metricLabel(item.metric) }}</td>
              <td class="nowrap">{{ item.period }}</td>
              <td class="num">{{ value(item) }}</td>
              <td class="reason">{{ item.reason }}</td>
              <td>
                <span class="ls-status-chip" [attr.data-status]="statusInfo[item.status].tone">
                  <ls-icon [name]="statusInfo[item.status].icon" />
                  <span>{{ statusInfo[item.status].label }}</span>
                </span>
              </td>
              <td class="nowrap">
                {{ item.enteredBy.name }}
                <span class="ls-muted when">{{ when(item.enteredAt) }}</span>
              </td>
              <td class="decision">
                @if (item.status !== 'PENDING') {
                  <span class="ls-muted">
                    {{ item.decidedBy?.name ?? '' }}
                    @if (item.decidedAt) {
                      <span class="when">{{ when(item.decidedAt) }}</span>
                    }
                  </span>
                  @if (item.decisionReason) {
                    <p class="decision-reason" data-testid="override-decision-reason">
                      “{{ item.decisionReason }}”
                    </p>
                  }
                } @else if (block(item); as why) {
                  <span class="ls-muted why" data-testid="override-block">{{ why }}</span>
                } @else if (rejecting() === item.id) {
                  <form
                    class="reject"
                    novalidate
                    (ngSubmit)="confirmReject(item)"
                    (keydown.escape)="cancelReject()"
                  >
                    <mat-form-field subscriptSizing="dynamic">
                      <mat-label>Why reject it?</mat-label>
                      <textarea
                        matInput
                        rows="2"
                        name="rejectReason"
                        [ngModel]="rejectReason()"
                        (ngModelChange)="rejectReason.set($event)"
                        [attr.aria-invalid]="rejectMissing()"
                      ></textarea>
                    </mat-form-field>
                    @if (rejectMissing()) {
                      <p class="field-error" role="alert">Say why, so HR can act on it.</p>
                    }
                    <div class="ls-actions">
                      <button mat-flat-button type="submit" [disabled]="busyId() === item.id">Reject</button>
                      <button mat-button type="button" (click)="cancelReject()">Cancel</button>
                    </div>
                  </form>
                } @else {
                  <div class="ls-actions">
                    <button
                      mat-flat-button
                      type="button"
                      [disabled]="busyId() === item.id"
                      (click)="decide.emit({ override: item, approve: true, reason: null })"
                      [attr.aria-label]="
                        'Approve the ' +
                        metricLabel(item.metric) +
                        ' override of ' +
                        item.orgUnit.name +
                        ', ' +
                        item.period
                      "
                    >
                      <ls-icon name="check" />Approve
                    </button>
                    <button
                      mat-stroked-button
                      type="button"
                      [disabled]="busyId() === item.id"
                      (click)="startReject(item)"
                      [attr.aria-label]="
                        'Reject the ' +
                        metricLabel(item.metric) +
                        ' override of ' +
                        item.orgUnit.name +
                        ', ' +
                        item.period
                      "
                    >
                      <ls-icon name="close" />Reject
                    </button>
                  </div>
                }
                @if (problems()[item.id]; as problem) {
                  <p class="ls-inline-error" role="alert" data-testid="override-decision-problem">
                    {{ problem }}
                  </p>
                }
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="8" class="ls-muted empty">
                No pay overrides yet. A CX input with too small a sample pays at its fallback until HR enters
                one and an approver approves it.
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
    .form {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 4px 16px 16px;
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(4, minmax(0, 1fr));
      gap: 4px 16px;
    }
    .fields .reason {
      grid-column: 1 / -1;
    }
    @media (max-width: 900px) {
      .fields {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
    }
    .field-error {
      color: var(--ls-bad);
      margin: 0;
    }
    .note {
      font-size: 0.82rem;
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
      vertical-align: top;
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
    .nowrap {
      white-space: nowrap;
    }
    .reason {
      min-width: 200px;
      max-width: 360px;
    }
    .when {
      display: block;
      font-size: 0.78rem;
    }
    .why {
      font-size: 0.82rem;
    }
    .decision-reason {
      margin: 2px 0 0;
      font-size: 0.82rem;
    }
    .decision {
      min-width: 220px;
    }
    .reject {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .empty {
      padding: 16px 10px;
    }
  `,
})
export class PayOverridesComponent {
  readonly overrides = input.required<PayOverride[]>();
  readonly units = input<UnitOption[]>([]);
  readonly quarters = input<string[]>([]);
  readonly defaultQuarter = input<string>('');
  /** HR: the form to enter one. */
  readonly canEnter = input(false);
  /** APPROVER: Approve and Reject on those they did not enter. */
  readonly approver = input(false);
  readonly userId = input<string | null>(null);
  readonly entering = input(false);
  readonly enterProblem = input<ShownProblem | null>(null);
  readonly busyId = input<string | null>(null);
  /** The API's refusal of a decision, per override id. */
  readonly problems = input<Readonly<Record<string, string>>>({});

  readonly enter = output<PayOverrideInput>();
  readonly decide = output<OverrideDecision>();

  protected readonly metrics = OVERRIDE_METRICS;
  protected readonly metricInfo = OVERRIDE_METRIC_INFO;
  protected readonly statusInfo = OVERRIDE_STATUS_INFO;
  protected readonly maxReason = MAX_OVERRIDE_REASON;

  protected readonly draft = signal<OverrideDraft>(blankDraft(''));
  private readonly submitted = signal(false);
  protected readonly problemsOfDraft = computed(() => overrideProblems(this.draft()));
  protected readonly reasonLength = computed(() => this.draft().reason.trim().length);

  protected readonly rejecting = signal<string | null>(null);
  protected readonly rejectReason = signal('');
  protected readonly rejectMissing = signal(false);

  constructor() {
    effect(() => {
      const quarter = this.defaultQuarter();
      untracked(() => this.draft.update((draft) => ({ ...draft, period: draft.period || quarter })));
    });
  }

  protected set<K extends keyof OverrideDraft>(field: K, value: OverrideDraft[K]): void {
    this.draft.update((draft) => ({ ...draft, [field]: value }));
  }

  protected shown(field: OverrideField): string | null {
    return this.submitted() ? (this.problemsOfDraft()[field] ?? null) : null;
  }

  protected submit(): void {
    this.submitted.set(true);
    if (this.entering() || Object.keys(this.problemsOfDraft()).length) return;
    this.enter.emit(overrideOf(this.draft()));
  }

  /** After the API took the override: an empty form, same quarter. */
  reset(): void {
    this.draft.set(blankDraft(this.draft().period || this.defaultQuarter()));
    this.submitted.set(false);
  }

  protected block(item: PayOverride): string | null {
    return overrideDecisionBlock(item, this.userId(), this.approver());
  }

  protected value(item: PayOverride): string {
    return formatOverrideValue(item.metric, item.value);
  }

  protected metricLabel(metric: string): string {
    return overrideMetricLabel(metric);
  }

  protected when(iso: string): string {
    return formatDateTime(iso);
  }

  protected startReject(item: PayOverride): void {
    this.rejectReason.set('');
    this.rejectMissing.set(false);
    this.rejecting.set(item.id);
  }

  protected cancelReject(): void {
    this.rejecting.set(null);
    this.rejectMissing.set(false);
  }

  protected confirmReject(item: PayOverride): void {
    const reason = this.rejectReason().trim();
    if (!reason) {
      this.rejectMissing.set(true);
      return;
    }
    this.rejecting.set(null);
    this.decide.emit({ override: item, approve: false, reason });
  }
}
