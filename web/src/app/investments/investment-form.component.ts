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
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { CX_INVESTMENT_KINDS, type CxInvestmentInput } from '@lodestar/contracts';
import { IconComponent } from '../shared/icon.component';
import { InlineErrorComponent } from '../shared/page-states.component';
import type { ShownProblem } from '../shared/problem';
import {
  draftProblems,
  formatExactAmount,
  KIND_INFO,
  MAX_REASON,
  MonthOption,
  proposalOf,
  readAmount,
  UnitOption,
  type InvestmentDraft,
} from './investment-format';

const blankDraft = (orgUnit: string, period: string): InvestmentDraft => ({
  kind: 'cost',
  orgUnit,
  period,
  amount: '',
  account: '',
  reason: '',
  link: '',
});

/**
 * "Propose an investment": kind, unit, month, amount, account, reason and a link to a VoC response or an
 * escalation. Checks what the API checks before sending; the API's own refusal shows under the form.
 */
@Component({
  selector: 'ls-investment-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The form says what is wrong in words under each field (after it was left or sent), not by Material's own rule.
  providers: [{ provide: ErrorStateMatcher, useValue: { isErrorState: () => false } }],
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    IconComponent,
    InlineErrorComponent,
  ],
  template: `
    <form
      class="form"
      (ngSubmit)="submit()"
      novalidate
      aria-labelledby="propose-title"
      data-testid="propose-form"
    >
      <fieldset class="kinds">
        <legend>Kind</legend>
        <mat-radio-group
          [ngModel]="draft().kind"
          (ngModelChange)="set('kind', $event)"
          name="kind"
          aria-label="Kind"
        >
          @for (kind of kinds; track kind) {
            <mat-radio-button [value]="kind" [attr.data-kind]="kind">
              <span class="kind-label">{{ kindInfo[kind].label }}</span>
              <span class="kind-hint ls-muted">{{ kindInfo[kind].hint }}</span>
            </mat-radio-button>
          }
        </mat-radio-group>
      </fieldset>

      <div class="fields">
        <mat-form-field>
          <mat-label>Unit</mat-label>
          <mat-select
            [ngModel]="draft().orgUnit"
            (ngModelChange)="set('orgUnit', $event)"
            name="orgUnit"
            [panelWidth]="null"
            required
          >
            @for (unit of units(); track unit.key) {
              <mat-option [value]="unit.key">
                <span [style.padding-left.px]="unit.depth * 14">{{ unit.name }}</span>
              </mat-option>
            }
          </mat-select>
          <mat-hint>Its figures are adjusted</mat-hint>
          @if (shown('orgUnit'); as problem) {
            <mat-error>{{ problem }}</mat-error>
          }
        </mat-form-field>

        <mat-form-field>
          <mat-label>Month</mat-label>
          <mat-select
            [ngModel]="draft().period"
            (ngModelChange)="set('period', $event)"
            name="period"
            [panelWidth]="null"
            required
          >
            @for (month of months(); track month.label) {
              <mat-option [value]="month.label">{{ month.text }}</mat-option>
            }
          </mat-select>
          <mat-hint>The month whose {{ draft().kind === 'cost' ? 'margin' : 'quota' }} it adjusts</mat-hint>
        </mat-form-field>

        <mat-form-field>
          <mat-label>Amount (€)</mat-label>
          <input
            matInput
            name="amount"
            inputmode="decimal"
            autocomplete="off"
            required
            [ngModel]="draft().amount"
            (ngModelChange)="set('amount', $event)"
            (blur)="touch('amount')"
            [attr.aria-invalid]="!!shown('amount')"
            aria-describedby="amount-read"
          />
          @if (shown('amount'); as problem) {
            <mat-hint class="field-error" role="alert">{{ problem }}</mat-hint>
          } @else {
            <mat-hint id="amount-read">{{ amountText() }}</mat-hint>
          }
        </mat-form-field>

        <mat-form-field>
          <mat-label>Account</mat-label>
          <input
            matInput
            name="account"
            autocomplete="off"
            [ngModel]="draft().account"
            (ngModelChange)="set('account', $event)"
            (blur)="touch('account')"
          />
          @if (shown('account'); as problem) {
            <mat-hint class="field-error">{{ problem }}</mat-hint>
          } @else {
            <mat-hint>The customer it was done for</mat-hint>
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
            (blur)="touch('reason')"
            [attr.aria-invalid]="!!shown('reason')"
          ></textarea>
          @if (shown('reason'); as problem) {
            <mat-hint class="field-error">{{ problem }}</mat-hint>
          } @else {
            <mat-hint>What was done for the customer, and why</mat-hint>
          }
          <mat-hint align="end" data-testid="reason-count">{{ reasonLength() }} / {{ maxReason }}</mat-hint>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Link to a VoC response or escalation</mat-label>
          <input
            matInput
            name="link"
            autocomplete="off"
            placeholder="ESC-2026-0142"
            [ngModel]="draft().link"
            (ngModelChange)="set('link', $event)"
            (blur)="touch('link')"
          />
          @if (shown('link'); as problem) {
            <mat-hint class="field-error">{{ problem }}</mat-hint>
          } @else {
            <mat-hint>Optional: a response id or escalation reference</mat-hint>
          }
        </mat-form-field>
      </div>

      @if (problem(); as refusal) {
        <ls-inline-error [detail]="refusal.detail" [errors]="refusal.errors" data-testid="propose-problem" />
      }

      <div class="ls-actions">
        <button mat-flat-button type="submit" [disabled]="submitting()">
          <ls-icon name="add" />{{ submitting() ? 'Proposing…' : 'Propose' }}
        </button>
        <span class="ls-muted note">
          A CX lead decides it; above {{ thresholdText() }} an approver too. Never the people whose pay it
          raises.
        </span>
      </div>
    </form>
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
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
    }
    legend {
      font-size: 0.85rem;
      font-weight: 600;
      margin-bottom: 2px;
    }
    mat-radio-group {
      display: flex;
      flex-wrap: wrap;
      gap: 0 24px;
    }
    .kind-label {
      font-weight: 500;
      margin-right: 6px;
    }
    .kind-hint {
      font-size: 0.82rem;
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(4, minmax(0, 1fr));
      gap: 4px 16px;
    }
    .reason {
      grid-column: span 3;
    }
    @media (max-width: 900px) {
      .fields {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
      .reason {
        grid-column: span 2;
      }
    }
    .field-error {
      color: var(--ls-bad);
    }
    .note {
      font-size: 0.82rem;
    }
  `,
})
export class InvestmentFormComponent {
  readonly units = input.required<UnitOption[]>();
  readonly months = input.required<MonthOption[]>();
  readonly defaultUnit = input<string>('');
  readonly defaultMonth = input<string>('');
  readonly submitting = input(false);
  /** The API's refusal of the last proposal, shown under the form. */
  readonly problem = input<ShownProblem | null>(null);
  /** The amount above which an approver must approve too, for the note under the form. */
  readonly threshold = input<string | null>(null);
  readonly propose = output<CxInvestmentInput>();

  protected readonly kinds = CX_INVESTMENT_KINDS;
  protected readonly kindInfo = KIND_INFO;
  protected readonly maxReason = MAX_REASON;

  protected readonly draft = signal<InvestmentDraft>(blankDraft('', ''));
  private readonly touched = signal<ReadonlySet<string>>(new Set());
  private readonly submitted = signal(false);

  protected readonly problems = computed(() => draftProblems(this.draft()));
  protected readonly reasonLength = computed(() => this.draft().reason.trim().length);
  protected readonly amountText = computed(() => {
    const read = readAmount(this.draft().amount);
    return 'amount' in read ? formatExactAmount(read.amount) : 'Such as 12,500 or 12500.50';
  });
  protected readonly thresholdText = computed(() => {
    const threshold = this.threshold();
    return threshold ? formatExactAmount(threshold) : 'a set amount';
  });

  constructor() {
    // The user's own unit and the current month, as soon as they are known (and again after a proposal).
    effect(() => {
      const unit = this.defaultUnit();
      const month = this.defaultMonth();
      untracked(() =>
        this.draft.update((draft) => ({
          ...draft,
          orgUnit: draft.orgUnit || unit,
          period: draft.period || month,
        })),
      );
    });
  }

  protected set<K extends keyof InvestmentDraft>(field: K, value: InvestmentDraft[K]): void {
    this.draft.update((draft) => ({ ...draft, [field]: value }));
  }

  protected touch(field: string): void {
    this.touched.update((fields) => new Set([...fields, field]));
  }

  /** A field's problem once it has been left or the form sent; the amount and reason say so at once. */
  protected shown(field: keyof ReturnType<typeof draftProblems>): string | null {
    const problem = this.problems()[field];
    if (!problem) return null;
    return this.submitted() || this.touched().has(field) ? problem : null;
  }

  protected submit(): void {
    this.submitted.set(true);
    if (this.submitting() || Object.keys(this.problems()).length) return;
    this.propose.emit(proposalOf(this.draft()));
  }

  /** After the API took the proposal: an empty form for the next one, same unit and month. */
  reset(): void {
    const { orgUnit, period } = this.draft();
    this.draft.set(blankDraft(orgUnit || this.defaultUnit(), period || this.defaultMonth()));
    this.touched.set(new Set());
    this.submitted.set(false);
  }
}
