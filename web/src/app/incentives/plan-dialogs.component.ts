import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type {
  CreatePlanRequest,
  CreatePlanVersionRequest,
  IncentivePlan,
  PlanVersion,
  PlanVersionSummary,
} from '@lodestar/contracts';
import { Observable } from 'rxjs';
import { InlineErrorComponent } from '../shared/page-states.component';
import { toShownProblem, type ShownProblem } from '../shared/problem';
import { PLAN_STATUS_INFO } from './plan-format';

/** A plan key: lower-case letters and digits in words joined by `-`, at most 60 characters (as the API checks it). */
export const PLAN_KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PLAN_KEY_MAX = 60;

/** A plan key suggested by its name: "Sales executives 2027" → "sales-executives-2027". */
export function planKeyOf(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, PLAN_KEY_MAX)
    .replace(/-+$/, '');
}

export interface NewPlanDialogData {
  /** Keys already taken. */
  taken: string[];
  save: (request: CreatePlanRequest) => Observable<IncentivePlan>;
}

/** HR's "New plan": name, key and description, checked before sending; the API's refusal shown in place. */
@Component({
  selector: 'ls-new-plan-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, InlineErrorComponent],
  template: `
    <h2 mat-dialog-title>New incentive plan</h2>
    <mat-dialog-content>
      <form id="new-plan-form" (submit)="$event.preventDefault(); save()" novalidate>
        <mat-form-field>
          <mat-label>Name</mat-label>
          <input
            matInput
            name="name"
            required
            maxlength="200"
            autocomplete="off"
            cdkFocusInitial
            data-testid="plan-name"
            [value]="name()"
            (input)="typeName($any($event.target).value)"
          />
          <mat-hint>For example "Sales executives".</mat-hint>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Key</mat-label>
          <input
            matInput
            name="key"
            required
            maxlength="60"
            autocomplete="off"
            spellcheck="false"
            data-testid="plan-key"
            [value]="key()"
            (input)="typeKey($any($event.target).value)"
          />
          <mat-hint>Lower-case words joined by "-", such as sales-bonus; it never changes.</mat-hint>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Description</mat-label>
          <textarea
            matInput
            name="description"
            rows="3"
            maxlength="4000"
            [value]="description()"
            (input)="description.set($any($event.target).value)"
          ></textarea>
        </mat-form-field>
      </form>
      @if (tried() && problems().length) {
        <ul class="problems" role="alert" data-testid="new-plan-problems">
          @for (problem of problems(); track problem) {
            <li>{{ problem }}</li>
          }
        </ul>
      }
      @if (failure(); as failed) {
        <ls-inline-error [detail]="failed.detail" [errors]="failed.errors" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="undefined" [disabled]="busy()">Cancel</button>
      <button mat-flat-button type="submit" form="new-plan-form" [disabled]="busy()">
        {{ busy() ? 'Creating…' : 'Create plan' }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: min(420px, 80vw);
    }
    .problems {
      margin: 0 0 8px;
      padding: 8px 10px 8px 28px;
      border-radius: 8px;
      background: var(--ls-bad-container);
      color: var(--ls-bad);
    }
  `,
})
export class NewPlanDialogComponent {
  private readonly data = inject<NewPlanDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<NewPlanDialogComponent, IncentivePlan>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly name = signal('');
  protected readonly key = signal('');
  private readonly keyTyped = signal(false);
  protected readonly description = signal('');
  protected readonly tried = signal(false);
  protected readonly busy = signal(false);
  protected readonly failure = signal<ShownProblem | null>(null);

  protected readonly problems = computed(() => {
    const problems: string[] = [];
    if (!this.name().trim()) problems.push('Give the plan a name.');
    const key = this.key().trim();
    if (!PLAN_KEY_PATTERN.test(key) || key.length > PLAN_KEY_MAX) {
      problems.push(
        'The key is lower-case letters and digits in words joined by "-", such as sales-bonus, at most 60 characters.',
      );
    } else if (this.data.taken.includes(key)) {
      problems.push(`A plan with the key "${key}" already exists: choose another key.`);
    }
    return problems;
  });

  protected typeName(name: string): void {
    this.name.set(name);
    if (!this.keyTyped()) this.key.set(planKeyOf(name));
  }

  protected typeKey(key: string): void {
    this.keyTyped.set(true);
    this.key.set(key);
  }

  protected save(): void {
    this.tried.set(true);
    if (this.problems().length || this.busy()) return;
    this.busy.set(true);
    this.failure.set(null);
    const description = this.description().trim();
    this.data
      .save({ key: this.key().trim(), name: this.name().trim(), ...(description ? { description } : {}) })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (plan) => this.ref.close(plan),
        error: (error: unknown) => {
          this.busy.set(false);
          this.failure.set(toShownProblem(error));
        },
      });
  }
}

export interface NewVersionDialogData {
  plan: IncentivePlan;
  /** The quarters a new version may take effect from, the first offered by default. */
  quarters: string[];
  /** The version offered as the basis (its rules and participants are copied); null: start empty. */
  basedOn: string | null;
  save: (request: CreatePlanVersionRequest) => Observable<PlanVersion>;
}

/** The value of the basis picker that starts a version empty. */
const EMPTY = '';

/** HR's "New version based on …": the quarter it applies from and the version whose rules and participants it copies. */
@Component({
  selector: 'ls-new-version-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatFormFieldModule, MatSelectModule, InlineErrorComponent],
  template: `
    <h2 mat-dialog-title>New version of {{ data.plan.name }}</h2>
    <mat-dialog-content>
      <p class="ls-muted">
        A new draft: edit it, then submit it for approval. The versions before it stay as they are.
      </p>
      <mat-form-field>
        <mat-label>Based on</mat-label>
        <mat-select [value]="basedOn()" (valueChange)="basedOn.set($event)" data-testid="version-based-on">
          <mat-option [value]="empty">Nothing: start with empty rules and no participants</mat-option>
          @for (version of versions(); track version.id) {
            <mat-option [value]="version.id">{{ versionText(version) }}</mat-option>
          }
        </mat-select>
        <mat-hint>Its components, curves, gates, caps and participants are copied.</mat-hint>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Applies from</mat-label>
        <mat-select
          [value]="effectiveFrom()"
          (valueChange)="effectiveFrom.set($event)"
          data-testid="version-effective-from"
        >
          @for (quarter of data.quarters; track quarter) {
            <mat-option [value]="quarter">{{ quarter }}</mat-option>
          }
        </mat-select>
        <mat-hint>It applies from this quarter to the end of that fiscal year.</mat-hint>
      </mat-form-field>
      @if (tried() && !effectiveFrom()) {
        <p class="problem" role="alert">Choose the quarter the version applies from.</p>
      }
      @if (failure(); as failed) {
        <ls-inline-error [detail]="failed.detail" [errors]="failed.errors" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="undefined" [disabled]="busy()">Cancel</button>
      <button mat-flat-button type="button" (click)="save()" [disabled]="busy()">
        {{ busy() ? 'Creating…' : 'Create draft' }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    mat-form-field {
      display: block;
      min-width: min(420px, 80vw);
      margin-bottom: 8px;
    }
    .problem {
      color: var(--ls-bad);
      margin: 0;
    }
  `,
})
export class NewVersionDialogComponent {
  protected readonly data = inject<NewVersionDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<NewVersionDialogComponent, PlanVersion>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly empty = EMPTY;
  protected readonly versions = computed(() =>
    [...this.data.plan.versions].sort((a, b) => b.number - a.number),
  );
  protected readonly basedOn = signal<string>(this.data.basedOn ?? EMPTY);
  protected readonly effectiveFrom = signal<string>(this.data.quarters[0] ?? '');
  protected readonly tried = signal(false);
  protected readonly busy = signal(false);
  protected readonly failure = signal<ShownProblem | null>(null);

  protected versionText(version: PlanVersionSummary): string {
    return `Version ${version.number} · ${PLAN_STATUS_INFO[version.status].label} · from ${version.effectiveFrom}`;
  }

  protected save(): void {
    this.tried.set(true);
    if (!this.effectiveFrom() || this.busy()) return;
    this.busy.set(true);
    this.failure.set(null);
    this.data
      .save({ effectiveFrom: this.effectiveFrom(), basedOn: this.basedOn() || null })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (version) => this.ref.close(version),
        error: (error: unknown) => {
          this.busy.set(false);
          this.failure.set(toShownProblem(error));
        },
      });
  }
}
