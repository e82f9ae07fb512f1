import { A11yModule } from '@angular/cdk/a11y';
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
import { score, status } from '@lodestar/cx-metrics';
import { parseDecimalInput } from '../metrics/measurement-format';
import { StatusChipComponent } from '../scorecards/status-chip.component';
import { formatInteger } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import { InlineErrorComponent } from '../shared/page-states.component';
import {
  bandText,
  BandDraft,
  DIRECTION_INFO,
  draftBand,
  draftProblem,
  editableNumber,
  editableText,
  TargetCellView,
  TargetMetric,
} from './target-format';

function decimal(control: AbstractControl<string>): ValidationErrors | null {
  const text = control.value.trim();
  return text === '' || parseDecimalInput(text) !== null ? null : { decimal: true };
}

const POINTS = ['threshold', 'target', 'stretch'] as const;
type Point = (typeof POINTS)[number];
const POINT_LABELS: Readonly<Record<Point, string>> = {
  threshold: 'Threshold',
  target: 'Target',
  stretch: 'Stretch',
};

let nextId = 0;

/**
 * The inline editor of one year's or quarter's band: threshold, target and stretch. It checks the
 * order as the API will (`bandProblem`) while typing, and shows what an example actual would score
 * on the band. Enter saves, Escape cancels; a target set for this period can be removed.
 */
@Component({
  selector: 'ls-target-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    A11yModule,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    IconComponent,
    InlineErrorComponent,
    StatusChipComponent,
  ],
  template: `
    <form
      class="editor mat-elevation-z8"
      role="dialog"
      aria-modal="true"
      [attr.aria-labelledby]="id + '-title'"
      [attr.aria-describedby]="id + '-current'"
      [formGroup]="form"
      (ngSubmit)="submit()"
      (keydown.escape)="escape($event)"
      cdkTrapFocus
      novalidate
    >
      <h3 [id]="id + '-title'">{{ heading() }}</h3>
      <p class="current ls-muted" [id]="id + '-current'" data-testid="editor-current">{{ current() }}</p>

      <div class="band">
        @for (point of points; track point) {
          <mat-form-field>
            <mat-label>{{ pointLabel(point) }}</mat-label>
            <input
              matInput
              [formControlName]="point"
              inputmode="decimal"
              autocomplete="off"
              [attr.data-first]="point === 'threshold' ? '' : null"
            />
            @if (suffix()) {
              <span matTextSuffix>&nbsp;{{ suffix() }}</span>
            }
            <mat-error>{{ message(point) }}</mat-error>
          </mat-form-field>
        }
      </div>
      <p class="direction ls-muted">
        <ls-icon [name]="direction().icon" />{{ direction().label }}: {{ orderText() }}
      </p>

      @if (problem(); as sentence) {
        <p class="check" role="alert" data-testid="band-problem">
          <ls-icon name="error" /><span>{{ sentence }}</span>
        </p>
      }

      <div class="try">
        <mat-form-field class="actual">
          <mat-label>Try an actual</mat-label>
          <input matInput formControlName="actual" inputmode="decimal" autocomplete="off" />
          @if (suffix()) {
            <span matTextSuffix>&nbsp;{{ suffix() }}</span>
          }
        </mat-form-field>
        <p class="preview" aria-live="polite" data-testid="score-preview">
          @if (preview(); as shown) {
            <span
              >scores <strong>{{ shown.score }}</strong
              ><span class="ls-visually-hidden">,</span></span
            >
            <ls-status-chip [status]="shown.status" />
          } @else {
            <span class="ls-muted"
              >Type a result to see its score (threshold 50, target 100, stretch 150).</span
            >
          }
        </p>
      </div>

      @if (saveProblem(); as detail) {
        <ls-inline-error [detail]="detail" />
      }

      <div class="ls-actions">
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Saving…' : 'Save' }}
        </button>
        <button mat-button type="button" (click)="cancelEdit.emit()">Cancel</button>
        @if (cell().own) {
          <button mat-button type="button" class="remove" (click)="remove.emit()" [disabled]="saving()">
            <ls-icon name="delete" />Remove
          </button>
        }
        <span class="keys ls-muted">Enter saves · Esc cancels</span>
      </div>
    </form>
  `,
  styles: `
    .editor {
      display: flex;
      flex-direction: column;
      gap: 8px;
      width: 420px;
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
    .band {
      display: grid;
      grid-template-columns: repeat(3, minmax(0, 1fr));
      gap: 8px;
    }
    input {
      font-variant-numeric: tabular-nums;
    }
    .direction {
      display: flex;
      align-items: center;
      gap: 4px;
      font-size: 0.8rem;
      --ls-icon-size: 16px;
    }
    .check {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      padding: 8px 10px;
      border-radius: 8px;
      background: var(--ls-bad-container);
      color: var(--ls-bad);
      font-size: 0.85rem;
      font-weight: 500;
      --ls-icon-size: 18px;
    }
    .try {
      display: grid;
      grid-template-columns: 140px minmax(0, 1fr);
      gap: 10px;
      align-items: center;
    }
    .preview {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
      font-size: 0.85rem;
    }
    .preview .ls-muted {
      font-size: 0.78rem;
    }
    .remove {
      color: var(--ls-bad);
    }
    .keys {
      margin-left: auto;
      font-size: 0.75rem;
    }
  `,
})
export class TargetEditorComponent implements OnInit {
  readonly metric = input.required<TargetMetric>();
  readonly unitName = input.required<string>();
  readonly cell = input.required<TargetCellView>();
  readonly saving = input(false);
  /** The API's reason for refusing the last save or removal. */
  readonly saveProblem = input<string | null>(null);

  readonly saveBand = output<BandDraft>();
  readonly remove = output<void>();
  readonly cancelEdit = output<void>();

  protected readonly id = `ls-target-editor-${nextId++}`;
  protected readonly points = POINTS;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  protected readonly form = inject(NonNullableFormBuilder).group({
    threshold: ['', [Validators.required, decimal]],
    target: ['', [Validators.required, decimal]],
    stretch: ['', [Validators.required, decimal]],
    actual: ['', [decimal]],
  });
  private readonly values = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  protected readonly direction = computed(() => DIRECTION_INFO[this.metric().direction]);
  protected readonly suffix = computed(() => (this.metric().unit === 'percent' ? '%' : ''));
  protected readonly orderText = computed(() =>
    this.metric().direction === 'higher' ? 'threshold < target < stretch' : 'threshold > target > stretch',
  );
  protected readonly heading = computed(() => {
    const cell = this.cell();
    const verb = cell.own ? 'Edit' : cell.kind === 'quarter' && cell.band ? 'Phase' : 'Set';
    return `${verb} ${this.unitName()} · ${this.metric().name} · ${cell.period}`;
  });
  /** "Set: 30 · 40 · 50." or "Now from FY2026: 30 · 40 · 50." or "No target yet." */
  protected readonly current = computed(() => {
    const cell = this.cell();
    if (!cell.band) return 'No target yet.';
    const text = bandText(cell.band, this.metric());
    if (cell.own)
      return `Set for ${cell.period}: ${text}${cell.own.updatedBy ? `, by ${cell.own.updatedBy}` : ''}.`;
    return `Now ${cell.basis ?? 'inherited'}: ${text}. Saving gives ${cell.period} its own band.`;
  });

  /** The order check, live: the API's own sentence. */
  protected readonly problem = computed(() => {
    const { threshold, target, stretch } = this.values();
    return draftProblem(this.metric().direction, {
      threshold: threshold ?? '',
      target: target ?? '',
      stretch: stretch ?? '',
    });
  });

  /** What the example actual would score on the typed band. */
  protected readonly preview = computed(() => {
    const { threshold, target, stretch, actual } = this.values();
    const band = draftBand({ threshold: threshold ?? '', target: target ?? '', stretch: stretch ?? '' });
    const value = parseDecimalInput(actual ?? '');
    if (!band || value === null || this.problem()) return null;
    const direction = this.metric().direction;
    return {
      score: formatInteger(Math.round(score(Number(value), band, direction))),
      status: status(Number(value), band, direction),
    };
  });

  constructor() {
    afterNextRender(() => {
      const first = this.host.querySelector<HTMLInputElement>('input[data-first]');
      first?.focus();
      first?.select();
    });
  }

  ngOnInit(): void {
    const cell = this.cell();
    const text = (point: Point): string => {
      if (cell.own) return editableText(cell.own[point]);
      return cell.band ? editableNumber(cell.band[point]) : '';
    };
    this.form.reset({
      threshold: text('threshold'),
      target: text('target'),
      stretch: text('stretch'),
      actual: '',
    });
  }

  protected pointLabel(point: Point): string {
    return POINT_LABELS[point];
  }

  protected message(point: Point): string {
    const errors = this.form.controls[point].errors;
    if (errors?.['decimal']) return 'Type a number, such as 40 or 2.5.';
    if (errors?.['required']) return `Type the ${point}.`;
    return '';
  }

  protected escape(event: Event): void {
    event.preventDefault();
    event.stopPropagation();
    this.cancelEdit.emit();
  }

  protected submit(): void {
    if (this.saving()) return;
    this.form.markAllAsTouched();
    // the example actual is only a preview: a bad one never stops the band from being saved
    if (POINTS.some((point) => this.form.controls[point].invalid)) {
      this.host.querySelector<HTMLInputElement>('.band input.ng-invalid')?.focus();
      return;
    }
    if (this.problem()) {
      this.host.querySelector<HTMLInputElement>('input[data-first]')?.focus();
      return;
    }
    const { threshold, target, stretch } = this.form.getRawValue();
    this.saveBand.emit({
      threshold: parseDecimalInput(threshold) ?? '',
      target: parseDecimalInput(target) ?? '',
      stretch: parseDecimalInput(stretch) ?? '',
    });
  }
}
