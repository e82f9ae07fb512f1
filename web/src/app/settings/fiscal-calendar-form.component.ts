import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { isValidTimeZone, type FiscalCalendar } from '@lodestar/contracts';
import { map, startWith } from 'rxjs';
import { monthNames } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import { fiscalYearExample } from './fiscal-year-example';

function knownTimeZone(control: AbstractControl): ValidationErrors | null {
  const value = String(control.value ?? '').trim();
  return value === '' || isValidTimeZone(value) ? null : { timeZone: true };
}

function allTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

/** The fiscal calendar's two settings with a live example of the year they produce. */
@Component({
  selector: 'ls-fiscal-calendar-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatSelectModule,
    MatInputModule,
    MatAutocompleteModule,
    MatButtonModule,
    IconComponent,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="layout">
      <div class="fields">
        <mat-form-field>
          <mat-label>Fiscal year starts in</mat-label>
          <mat-select formControlName="startMonth" required>
            @for (name of months; track $index) {
              <mat-option [value]="$index + 1">{{ name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>

        <mat-form-field>
          <mat-label>Company time zone</mat-label>
          <input matInput formControlName="timeZone" [matAutocomplete]="zones" required autocomplete="off" />
          <mat-autocomplete #zones="matAutocomplete">
            @for (zone of zoneOptions(); track zone) {
              <mat-option [value]="zone">{{ zone }}</mat-option>
            }
          </mat-autocomplete>
          <mat-hint>Decides the month a dated answer or fact falls in, e.g. Europe/Amsterdam.</mat-hint>
          @if (form.controls.timeZone.hasError('required')) {
            <mat-error>Enter a time zone, such as UTC or Europe/Amsterdam.</mat-error>
          } @else if (form.controls.timeZone.hasError('timeZone')) {
            <mat-error
              >This is not a time zone this browser knows; pick one from the list, e.g.
              Europe/Amsterdam.</mat-error
            >
          }
        </mat-form-field>

        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="!canEdit() || saving() || form.pristine">
            {{ saving() ? 'Saving…' : 'Save fiscal calendar' }}
          </button>
          @if (!form.pristine) {
            <button mat-button type="button" (click)="reset()" [disabled]="saving()">Undo changes</button>
          }
        </div>
      </div>

      <aside class="example" aria-labelledby="fy-example-title" aria-live="polite">
        <h3 id="fy-example-title">
          <ls-icon name="info" />
          How periods are named
        </h3>
        <p>A fiscal year is named after the calendar year in which it ends.</p>
        @if (example(); as fy) {
          <p class="big">
            <strong>{{ fy.label }}</strong> = {{ fy.span }}
          </p>
          <table class="quarters">
            <caption class="ls-visually-hidden">
              Quarters of
              {{
                fy.label
              }}
            </caption>
            <tbody>
              @for (quarter of fy.quarters; track quarter.label) {
                <tr>
                  <th scope="row" class="ls-mono">{{ quarter.label }}</th>
                  <td>{{ quarter.span }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
      </aside>
    </form>
  `,
  styles: `
    .layout {
      display: grid;
      grid-template-columns: minmax(260px, 1fr) minmax(260px, 1fr);
      gap: 24px;
      align-items: start;
    }
    .fields {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .actions {
      display: flex;
      gap: 8px;
      margin-top: 4px;
    }
    .example {
      padding: 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
      border: 1px solid var(--ls-border);
    }
    h3 {
      display: flex;
      align-items: center;
      gap: 6px;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-primary);
    }
    p {
      margin: 6px 0;
    }
    .big {
      font: var(--mat-sys-title-medium);
      margin: 10px 0;
    }
    .quarters {
      border-collapse: collapse;
      th,
      td {
        padding: 3px 16px 3px 0;
        text-align: left;
        font-weight: 400;
      }
      th {
        color: var(--mat-sys-on-surface-variant);
      }
    }
    @media (max-width: 760px) {
      .layout {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class FiscalCalendarFormComponent {
  readonly value = input.required<FiscalCalendar>();
  readonly saving = input(false);
  readonly canEdit = input(true);
  readonly save = output<FiscalCalendar>();

  protected readonly months = monthNames('long');
  private readonly zones = allTimeZones();

  protected readonly form = inject(NonNullableFormBuilder).group({
    startMonth: [1, Validators.required],
    timeZone: ['UTC', [Validators.required, knownTimeZone]],
  });

  private readonly current = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue()),
    ),
    { initialValue: this.form.getRawValue() },
  );

  protected readonly zoneOptions = computed(() => {
    const typed = this.current().timeZone.trim().toLowerCase();
    const matches = typed ? this.zones.filter((zone) => zone.toLowerCase().includes(typed)) : this.zones;
    return matches.slice(0, 60);
  });

  protected readonly example = computed(() => {
    const { startMonth, timeZone } = this.current();
    return fiscalYearExample(startMonth, timeZone.trim());
  });

  constructor() {
    effect(() => {
      const value = this.value();
      this.form.reset({ startMonth: value.startMonth, timeZone: value.timeZone });
    });
    effect(() => {
      if (this.canEdit()) this.form.enable({ emitEvent: false });
      else this.form.disable({ emitEvent: false });
    });
  }

  protected reset(): void {
    const value = this.value();
    this.form.reset({ startMonth: value.startMonth, timeZone: value.timeZone });
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { startMonth, timeZone } = this.form.getRawValue();
    this.save.emit({ startMonth, timeZone: timeZone.trim() });
  }
}
