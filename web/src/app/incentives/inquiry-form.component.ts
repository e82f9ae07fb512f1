import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import {
  INQUIRY_REASON_LABELS,
  INQUIRY_REASONS,
  type InquiryReason,
  type RaiseInquiryRequest,
} from '@lodestar/contracts';
import { IconComponent } from '../shared/icon.component';
import { InlineErrorComponent } from '../shared/page-states.component';
import type { ShownProblem } from '../shared/problem';

export const MIN_INQUIRY_TEXT = 10;
export const MAX_INQUIRY_TEXT = 4000;

export interface InquiryDraft {
  reason: InquiryReason | '';
  text: string;
}

export interface InquiryDraftProblems {
  reason?: string;
  text?: string;
}

/** What is wrong with an inquiry before it is sent, field by field, in sentences. */
export function inquiryProblems(draft: InquiryDraft): InquiryDraftProblems {
  const problems: InquiryDraftProblems = {};
  if (!draft.reason) problems.reason = 'Choose what the inquiry is about.';
  const length = draft.text.trim().length;
  if (length < MIN_INQUIRY_TEXT)
    problems.text = `Say what looks wrong and why, in at least ${MIN_INQUIRY_TEXT} characters.`;
  else if (length > MAX_INQUIRY_TEXT)
    problems.text = `At most ${MAX_INQUIRY_TEXT.toLocaleString('en-US')} characters: shorten it by ${(length - MAX_INQUIRY_TEXT).toLocaleString('en-US')}.`;
  return problems;
}

let nextId = 0;

/**
 * "Raise an inquiry" on a statement: what it is about (one of the inquiry reasons) and what looks wrong,
 * 10 to 4,000 characters. Checks what the API checks before sending; the API's refusal shows under it.
 */
@Component({
  selector: 'ls-inquiry-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The form says what is wrong in words (after a field was left or the form sent), not by Material's own rule.
  providers: [{ provide: ErrorStateMatcher, useValue: { isErrorState: () => false } }],
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    IconComponent,
    InlineErrorComponent,
  ],
  template: `
    <form class="form" (ngSubmit)="submit()" novalidate [attr.aria-label]="'Raise an inquiry on ' + period()">
      <fieldset class="reasons" [attr.aria-describedby]="shown('reason') ? id + '-reason-error' : null">
        <legend>What is it about?</legend>
        <mat-radio-group
          [ngModel]="draft().reason"
          (ngModelChange)="set('reason', $event)"
          name="reason"
          aria-label="What is it about?"
        >
          @for (reason of reasons; track reason) {
            <mat-radio-button [value]="reason" [attr.data-reason]="reason">{{
              labels[reason]
            }}</mat-radio-button>
          }
        </mat-radio-group>
        @if (shown('reason'); as problem) {
          <p class="field-error" [id]="id + '-reason-error'" data-testid="inquiry-reason-error">
            {{ problem }}
          </p>
        }
      </fieldset>

      <mat-form-field class="text">
        <mat-label>What looks wrong, and why</mat-label>
        <textarea
          matInput
          name="text"
          rows="4"
          required
          [ngModel]="draft().text"
          (ngModelChange)="set('text', $event)"
          (blur)="touch('text')"
          [attr.aria-invalid]="!!shown('text')"
        ></textarea>
        @if (shown('text'); as problem) {
          <mat-hint class="field-error" data-testid="inquiry-text-error">{{ problem }}</mat-hint>
        } @else {
          <mat-hint>Name the figure and what you expected; HR answers, adjusts or rejects it.</mat-hint>
        }
        <mat-hint align="end" data-testid="inquiry-count">{{ length() }} / {{ maxText }}</mat-hint>
      </mat-form-field>

      @if (problem(); as refusal) {
        <ls-inline-error [detail]="refusal.detail" [errors]="refusal.errors" data-testid="inquiry-problem" />
      }

      <div class="ls-actions">
        <button mat-flat-button type="submit" [disabled]="submitting()" data-testid="inquiry-submit">
          <ls-icon name="forum" />{{ submitting() ? 'Sending…' : 'Send the inquiry' }}
        </button>
        <button mat-button type="button" (click)="cancelled.emit()" [disabled]="submitting()">Cancel</button>
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
      gap: 0 16px;
    }
    .text {
      width: 100%;
    }
    .field-error {
      color: var(--ls-bad);
      font-size: 0.8rem;
      margin: 2px 0 0;
    }
  `,
})
export class InquiryFormComponent {
  /** The statement's period, for the form's name. */
  readonly period = input.required<string>();
  readonly submitting = input(false);
  /** The API's refusal of the last inquiry. */
  readonly problem = input<ShownProblem | null>(null);
  readonly raise = output<RaiseInquiryRequest>();
  readonly cancelled = output<void>();

  protected readonly id = `inquiry-${nextId++}`;
  protected readonly reasons = INQUIRY_REASONS;
  protected readonly labels = INQUIRY_REASON_LABELS;
  protected readonly maxText = MAX_INQUIRY_TEXT.toLocaleString('en-US');

  protected readonly draft = signal<InquiryDraft>({ reason: '', text: '' });
  private readonly touched = signal<ReadonlySet<string>>(new Set());
  private readonly submitted = signal(false);

  protected readonly problems = computed(() => inquiryProblems(this.draft()));
  protected readonly length = computed(() => this.draft().text.trim().length.toLocaleString('en-US'));

  protected set<K extends keyof InquiryDraft>(field: K, value: InquiryDraft[K]): void {
    this.draft.update((draft) => ({ ...draft, [field]: value }));
  }

  protected touch(field: keyof InquiryDraft): void {
    this.touched.update((fields) => new Set([...fields, field]));
  }

  protected shown(field: keyof InquiryDraftProblems): string | null {
    const problem = this.problems()[field];
    if (!problem) return null;
    return this.submitted() || this.touched().has(field) ? problem : null;
  }

  protected submit(): void {
    this.submitted.set(true);
    const draft = this.draft();
    if (this.submitting() || !draft.reason || Object.keys(this.problems()).length) return;
    this.raise.emit({ reason: draft.reason, text: draft.text.trim() });
  }

  /** After the API took the inquiry: an empty form. */
  reset(): void {
    this.draft.set({ reason: '', text: '' });
    this.touched.set(new Set());
    this.submitted.set(false);
  }
}
