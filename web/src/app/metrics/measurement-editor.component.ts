import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  OnInit,
  output,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { A11yModule } from '@angular/cdk/a11y';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { MeasurementGridCell } from '@lodestar/contracts';
import { formatMonthLabel, MONEY_CURRENCY } from '../shared/format';
import { InlineErrorComponent } from '../shared/page-states.component';
import {
  editableDecimal,
  formatMeasurement,
  formatRatio,
  hasValue,
  MeasuredMetric,
  monthValue,
  parseDecimalInput,
  ratioParts,
} from './measurement-format';

/** What the editor sends: the month's new value (or both halves of a ratio) and, for a restatement, why. */
export interface MeasurementDraft {
  value?: string;
  numerator?: string;
  denominator?: string;
  reason?: string;
}

function decimal(control: AbstractControl<string>): ValidationErrors | null {
  const text = control.value.trim();
  return text === '' || parseDecimalInput(text) !== null ? null : { decimal: true };
}

function notZero(control: AbstractControl<string>): ValidationErrors | null {
  const value = parseDecimalInput(control.value);
  return value !== null && Number(value) === 0 ? { zero: true } : null;
}

function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' ? { required: true } : null;
}

let nextId = 0;

/**
 * The inline editor of one month's value: one number, or the numerator and denominator of a ratio
 * metric. A month that already holds a value is restated, never overwritten, so it asks for the reason.
 * Enter saves, Escape cancels.
 */
@Component({
  selector: 'ls-measurement-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    A11yModule,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    InlineErrorComponent,
  ],
  template: `
    <form
      class="editor mat-elevation-z8"
      role="dialog"
      aria-modal="true"
      [attr.aria-labelledby]="id + '-title'"
      [formGroup]="form"
      (ngSubmit)="submit()"
      (keydown.escape)="escape($event)"
      cdkTrapFocus
      novalidate
    >
      <h3 [id]="id + '-title'">
        {{ restating() ? 'Restate' : 'Enter' }} {{ unitName() }} · {{ monthText() }}
      </h3>
      <p class="current ls-muted" data-testid="editor-current">{{ current() }}</p>

      @if (isRatio()) {
        <div class="pair">
          <mat-form-field>
            <mat-label>{{ parts().numerator }}</mat-label>
            <input matInput formControlName="numerator" inputmode="decimal" autocomplete="off" data-first />
            <mat-error>{{ message('numerator') }}</mat-error>
          </mat-form-field>
          <span class="divide" aria-hidden="true">÷</span>
          <mat-form-field>
            <mat-label>{{ parts().denominator }}</mat-label>
            <input matInput formControlName="denominator" inputmode="decimal" autocomplete="off" />
            <mat-error>{{ message('denominator') }}</mat-error>
          </mat-form-field>
        </div>
        <p class="preview" aria-live="polite">{{ preview() }}</p>
      } @else {
        <mat-form-field class="single">
          <mat-label>Value</mat-label>
          @if (prefix()) {
            <span matTextPrefix>{{ prefix() }}&nbsp;</span>
          }
          <input matInput formControlName="value" inputmode="decimal" autocomplete="off" data-first />
          @if (suffix()) {
            <span matTextSuffix>&nbsp;{{ suffix() }}</span>
          }
          <mat-error>{{ message('value') }}</mat-error>
        </mat-form-field>
      }

      @if (restating()) {
        <mat-form-field class="reason">
          <mat-label>Reason for the restatement</mat-label>
          <input matInput formControlName="reason" autocomplete="off" maxlength="500" />
          <mat-hint>Kept in the history with the earlier value.</mat-hint>
          <mat-error>Say why the value changes: the reason stays in the history.</mat-error>
        </mat-form-field>
      }

      @if (problem(); as detail) {
        <ls-inline-error [detail]="detail" />
      }

      <div class="ls-actions">
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Saving…' : 'Save' }}
        </button>
        <button mat-button type="button" (click)="cancelEdit.emit()">Cancel</button>
        <span class="keys ls-muted">Enter saves · Esc cancels</span>
      </div>
    </form>
  `,
  styles: `
    .editor {
      display: flex;
      flex-direction: column;
      gap: 8px;
      width: 340px;
      max-width: calc(100vw - 32px);
      padding: 14px 16px 12px;
      border-radius: 12px;
      border: 1px solid var(--ls-border);
      background: var(--mat-sys-surface);
      box-sizing: border-box;
    }
    h3 {
      font: var(--mat-sys-title-small);
      font-weight: 600;
    }
    p {
      margin: 0;
    }
    .current {
      font-size: 0.85rem;
      margin-top: -4px;
    }
    .pair {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto minmax(0, 1fr);
      align-items: start;
      gap: 6px;
    }
    .divide {
      padding-top: 14px;
      font-size: 1.1rem;
      color: var(--ls-muted);
    }
    .preview {
      font-size: 0.85rem;
      font-variant-numeric: tabular-nums;
      min-height: 1.2em;
    }
    input {
      font-variant-numeric: tabular-nums;
    }
    .keys {
      margin-left: auto;
      font-size: 0.75rem;
    }
  `,
})
export class MeasurementEditorComponent implements OnInit {
  readonly metric = input.required<MeasuredMetric>();
  readonly unitName = input.required<string>();
  readonly month = input.required<string>();
  /** The month as it is stored now, or null when it has no value yet. */
  readonly cell = input<MeasurementGridCell | null>(null);
  /** A character typed on the cell that opened the editor: it starts the first input. */
  readonly initial = input<string | null>(null);
  readonly saving = input(false);
  /** The API's reason for refusing the last save. */
  readonly problem = input<string | null>(null);

  readonly saveDraft = output<MeasurementDraft>();
  readonly cancelEdit = output<void>();

  protected readonly id = `ls-measurement-editor-${nextId++}`;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  protected readonly form = inject(NonNullableFormBuilder).group({
    value: ['', [decimal]],
    numerator: ['', [decimal]],
    denominator: ['', [decimal, notZero]],
    reason: [''],
  });
  private readonly values = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  protected readonly isRatio = computed(() => this.metric().aggregation === 'ratio');
  protected readonly parts = computed(() => ratioParts(this.metric().key));
  protected readonly restating = computed(() => hasValue(this.cell()));
  protected readonly monthText = computed(() => formatMonthLabel(this.month(), 'long'));
  protected readonly prefix = computed(() => (this.metric().unit === 'currency' ? MONEY_CURRENCY : ''));
  protected readonly suffix = computed(() => (this.metric().unit === 'percent' ? '%' : ''));

  /** "Now 118.0 % (1,180,000 ÷ 1,000,000), version 2" or "No value yet". */
  protected readonly current = computed(() => {
    const cell = this.cell();
    const metric = this.metric();
    if (!cell || !hasValue(cell)) return 'No value yet.';
    const ratio = metric.aggregation === 'ratio' ? formatRatio(cell.numerator, cell.denominator) : '';
    const value = formatMeasurement(monthValue(cell, metric), metric);
    return `Now ${value}${ratio ? ` (${ratio})` : ''}, version ${cell.version}.`;
  });

  /** The ratio the two inputs make, as it will show in the grid. */
  protected readonly preview = computed(() => {
    const { numerator, denominator } = this.values();
    const n = parseDecimalInput(numerator);
    const d = parseDecimalInput(denominator);
    if (n === null || d === null || Number(d) === 0) return '';
    return `= ${formatMeasurement((100 * Number(n)) / Number(d), this.metric())}`;
  });

  constructor() {
    afterNextRender(() => {
      const first = this.host.querySelector<HTMLInputElement>('input[data-first]');
      if (!first) return;
      first.focus();
      if (this.initial()) {
        const end = first.value.length;
        first.setSelectionRange(end, end);
      } else {
        first.select();
      }
    });
  }

  ngOnInit(): void {
    const cell = this.cell();
    const controls = this.form.controls;
    if (this.isRatio()) {
      controls.numerator.addValidators(Validators.required);
      controls.denominator.addValidators(Validators.required);
    } else {
      controls.value.addValidators(Validators.required);
    }
    if (this.restating()) controls.reason.addValidators(notBlank);
    const initial = this.initial();
    this.form.reset({
      value: initial ?? editableDecimal(cell?.value ?? null),
      numerator: initial ?? editableDecimal(cell?.numerator ?? null),
      denominator: editableDecimal(cell?.denominator ?? null),
      reason: '',
    });
  }

  protected message(control: 'value' | 'numerator' | 'denominator'): string {
    const errors = this.form.controls[control].errors;
    if (errors?.['decimal']) return 'Type a number, such as 1250000 or 37.5.';
    if (errors?.['zero']) return `The ${this.parts().denominator.toLowerCase()} cannot be 0.`;
    if (errors?.['required']) {
      return control === 'value' ? 'Type the month’s value.' : `Type the ${this.label(control)}.`;
    }
    return '';
  }

  private label(control: 'numerator' | 'denominator'): string {
    return this.parts()[control].toLowerCase();
  }

  protected escape(event: Event): void {
    event.preventDefault();
    event.stopPropagation();
    this.cancelEdit.emit();
  }

  protected submit(): void {
    if (this.saving()) return;
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      this.host.querySelector<HTMLInputElement>('input.ng-invalid')?.focus();
      return;
    }
    const { value, numerator, denominator, reason } = this.form.getRawValue();
    const draft: MeasurementDraft = this.isRatio()
      ? { numerator: parseDecimalInput(numerator) ?? '', denominator: parseDecimalInput(denominator) ?? '' }
      : { value: parseDecimalInput(value) ?? '' };
    if (this.restating()) draft.reason = reason.trim();
    this.saveDraft.emit(draft);
  }
}
