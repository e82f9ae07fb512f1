import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { INQUIRY_REASON_LABELS, type AnswerInquiryRequest, type Inquiry } from '@lodestar/contracts';
import { formatDateTime, MONEY_CURRENCY } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import { formatSignedMoney } from './incentive-format';
import {
  answerOf,
  answerProblems,
  formatAge,
  INQUIRY_ANSWER_INFO,
  INQUIRY_ANSWERS,
  MAX_RESPONSE,
  readSignedAmount,
  type InquiryAnswerDraft,
} from './pay-statements-format';

/** HR's answer to one inquiry, as the page sends it. */
export interface InquiryAnswer {
  inquiry: Inquiry;
  answer: AnswerInquiryRequest;
}

const blank = (): InquiryAnswerDraft => ({ status: 'ANSWERED', response: '', adjustment: '' });

/**
 * The open inquiries, newest first: quarter, participant, reason, their words and how long
 * they have waited; each can be answered — explained, adjusted with a signed amount carried into the next
 * open quarter, or rejected — and its statement opened.
 */
@Component({
  selector: 'ls-inquiry-queue',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The form says what is wrong in words under each field once it was sent, not by Material's own rule.
  providers: [{ provide: ErrorStateMatcher, useValue: { isErrorState: () => false } }],
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatRadioModule, IconComponent],
  template: `
    <ul class="inquiries" aria-label="Open inquiries">
      @for (inquiry of inquiries(); track inquiry.id) {
        <li class="inquiry" [attr.data-id]="inquiry.id" data-testid="inquiry">
          <div class="summary">
            <p class="what">
              <span class="period">{{ inquiry.period }}</span>
              <span class="who">{{ inquiry.raisedBy.name }}</span>
              <span class="reason">{{ reasonLabel(inquiry) }}</span>
              <span class="ls-muted age" [attr.title]="when(inquiry.createdAt)" data-testid="inquiry-age"
                >raised {{ age(inquiry.createdAt) }}</span
              >
            </p>
            <p class="text">{{ inquiry.text }}</p>
          </div>
          <div class="ls-actions">
            <button
              mat-stroked-button
              type="button"
              (click)="openStatement.emit(inquiry)"
              [attr.aria-label]="'Open the ' + inquiry.period + ' statement of ' + inquiry.raisedBy.name"
            >
              <ls-icon name="file" />Statement
            </button>
            @if (answering() !== inquiry.id) {
              <button
                mat-flat-button
                type="button"
                (click)="start(inquiry)"
                [attr.aria-label]="'Answer the inquiry of ' + inquiry.raisedBy.name"
              >
                <ls-icon name="forum" />Answer
              </button>
            }
          </div>

          @if (answering() === inquiry.id) {
            <form
              class="answer"
              novalidate
              (ngSubmit)="send(inquiry)"
              (keydown.escape)="cancel()"
              [attr.aria-label]="'Answer to ' + inquiry.raisedBy.name"
              data-testid="answer-form"
            >
              <fieldset>
                <legend>Outcome</legend>
                <mat-radio-group
                  name="status"
                  aria-label="Outcome"
                  [ngModel]="draft().status"
                  (ngModelChange)="set('status', $event)"
                >
                  @for (status of outcomes; track status) {
                    <mat-radio-button [value]="status" [attr.data-outcome]="status">
                      <span class="outcome">{{ outcomeInfo[status].label }}</span>
                      <span class="ls-muted hint">{{ outcomeInfo[status].hint }}</span>
                    </mat-radio-button>
                  }
                </mat-radio-group>
              </fieldset>
              <div class="fields">
                <mat-form-field class="response">
                  <mat-label>Response to {{ inquiry.raisedBy.name }}</mat-label>
                  <textarea
                    matInput
                    name="response"
                    rows="3"
                    required
                    [attr.maxlength]="maxResponse"
                    [ngModel]="draft().response"
                    (ngModelChange)="set('response', $event)"
                    [attr.aria-invalid]="!!shown().response"
                  ></textarea>
                  @if (shown().response; as problem) {
                    <mat-hint class="field-error">{{ problem }}</mat-hint>
                  } @else {
                    <mat-hint>The participant reads it with the statement</mat-hint>
                  }
                </mat-form-field>
                @if (draft().status === 'ADJUSTED') {
                  <mat-form-field class="amount">
                    <mat-label>Adjustment ({{ currencySymbol() }})</mat-label>
                    <input
                      matInput
                      name="adjustment"
                      inputmode="decimal"
                      autocomplete="off"
                      required
                      [ngModel]="draft().adjustment"
                      (ngModelChange)="set('adjustment', $event)"
                      [attr.aria-invalid]="!!shown().adjustment"
                    />
                    @if (shown().adjustment; as problem) {
                      <mat-hint class="field-error">{{ problem }}</mat-hint>
                    } @else {
                      <mat-hint>{{ adjustmentText() }}</mat-hint>
                    }
                  </mat-form-field>
                }
              </div>
              @if (problems()[inquiry.id]; as problem) {
                <p class="ls-inline-error" role="alert" data-testid="answer-problem">{{ problem }}</p>
              }
              <div class="ls-actions">
                <button mat-flat-button type="submit" [disabled]="busyId() === inquiry.id">
                  {{ busyId() === inquiry.id ? 'Sending…' : 'Send answer' }}
                </button>
                <button mat-button type="button" (click)="cancel()">Cancel</button>
              </div>
            </form>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    :host {
      display: block;
    }
    .inquiries {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .inquiry {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 6px 16px;
      align-items: start;
      padding: 12px 16px;
      border-top: 1px solid var(--ls-border);
    }
    .answer {
      grid-column: 1 / -1;
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 10px 12px;
      border-radius: 10px;
      background: var(--mat-sys-surface-container-low);
    }
    .what {
      display: flex;
      flex-wrap: wrap;
      gap: 2px 10px;
      align-items: baseline;
      margin: 0;
    }
    .period {
      font-weight: 600;
    }
    .who {
      font-weight: 600;
    }
    .reason {
      font-size: 0.85rem;
    }
    .age {
      font-size: 0.8rem;
    }
    .text {
      margin: 4px 0 0;
      white-space: pre-line;
      font-size: 0.9rem;
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
    }
    legend {
      font-size: 0.85rem;
      font-weight: 600;
    }
    mat-radio-group {
      display: flex;
      flex-wrap: wrap;
      gap: 0 20px;
    }
    .outcome {
      font-weight: 500;
      margin-right: 6px;
    }
    .hint {
      font-size: 0.8rem;
    }
    .fields {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(180px, 1fr);
      gap: 4px 16px;
    }
    .field-error {
      color: var(--ls-bad);
    }
  `,
})
export class InquiryQueueComponent {
  readonly inquiries = input.required<Inquiry[]>();
  readonly busyId = input<string | null>(null);
  /** The API's refusal per inquiry id. */
  readonly problems = input<Readonly<Record<string, string>>>({});
  readonly currency = input<string | undefined>(undefined);
  /** "Now", for how long each inquiry has waited. */
  readonly now = input<Date>(new Date());

  readonly answer = output<InquiryAnswer>();
  readonly openStatement = output<Inquiry>();

  protected readonly outcomes = INQUIRY_ANSWERS;
  protected readonly outcomeInfo = INQUIRY_ANSWER_INFO;
  protected readonly maxResponse = MAX_RESPONSE;

  protected readonly answering = signal<string | null>(null);
  protected readonly draft = signal<InquiryAnswerDraft>(blank());
  private readonly submitted = signal(false);

  private readonly checks = computed(() => answerProblems(this.draft()));
  protected readonly shown = computed(() => (this.submitted() ? this.checks() : {}));
  protected readonly adjustmentText = computed(() => {
    const read = readSignedAmount(this.draft().adjustment);
    return 'amount' in read
      ? `${formatSignedMoney(read.amount, this.currency())} in the next open quarter`
      : 'Negative to recoup; carried into the next open quarter';
  });
  protected readonly currencySymbol = computed(() => {
    const parts = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: this.currency() ?? MONEY_CURRENCY,
    }).formatToParts(0);
    return parts.find((part) => part.type === 'currency')?.value ?? this.currency() ?? '€';
  });

  protected reasonLabel(inquiry: Inquiry): string {
    return INQUIRY_REASON_LABELS[inquiry.reason] ?? inquiry.reason;
  }

  protected age(createdAt: string): string {
    return formatAge(createdAt, this.now());
  }

  protected when(iso: string): string {
    return formatDateTime(iso);
  }

  protected start(inquiry: Inquiry): void {
    this.draft.set(blank());
    this.submitted.set(false);
    this.answering.set(inquiry.id);
  }

  protected cancel(): void {
    this.answering.set(null);
    this.submitted.set(false);
  }

  protected set<K extends keyof InquiryAnswerDraft>(field: K, value: InquiryAnswerDraft[K]): void {
    this.draft.update((draft) => ({ ...draft, [field]: value }));
  }

  protected send(inquiry: Inquiry): void {
    this.submitted.set(true);
    if (this.busyId() === inquiry.id || Object.keys(this.checks()).length) return;
    this.answer.emit({ inquiry, answer: answerOf(this.draft()) });
  }

  /** After the API took the answer: the form closes. */
  done(): void {
    this.cancel();
  }
}
