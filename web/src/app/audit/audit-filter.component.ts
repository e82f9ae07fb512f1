import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { AuditFilter, NO_AUDIT_FILTER } from './audit.service';

/** Entity types the API writes today; any other text is accepted too. */
export const KNOWN_ENTITY_TYPES = ['user', 'org-unit', 'fiscal-calendar', 'company'];

@Component({
  selector: 'ls-audit-filter',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatAutocompleteModule, MatButtonModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="apply()" class="filters" aria-label="Filter the audit log">
      <mat-form-field>
        <mat-label>Entity type</mat-label>
        <input matInput formControlName="entityType" [matAutocomplete]="types" autocomplete="off" />
        <mat-autocomplete #types="matAutocomplete">
          @for (type of entityTypes; track type) {
            <mat-option [value]="type">{{ type }}</mat-option>
          }
        </mat-autocomplete>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Entity id</mat-label>
        <input matInput formControlName="entityId" autocomplete="off" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>Actor</mat-label>
        <input matInput formControlName="actor" autocomplete="off" placeholder="E-mail or user id" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>From</mat-label>
        <input matInput type="date" formControlName="from" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>To (inclusive)</mat-label>
        <input matInput type="date" formControlName="to" />
      </mat-form-field>
      <div class="buttons">
        <button mat-flat-button type="submit">Apply filters</button>
        <button mat-button type="button" (click)="clear()">Clear</button>
      </div>
    </form>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
    }
    mat-form-field {
      flex: 1 1 150px;
      min-width: 150px;
    }
    .buttons {
      display: flex;
      gap: 4px;
      align-items: center;
      flex: none;
      white-space: nowrap;
    }
  `,
})
export class AuditFilterComponent {
  readonly value = input<AuditFilter>(NO_AUDIT_FILTER);
  readonly filterChange = output<AuditFilter>();

  protected readonly entityTypes = KNOWN_ENTITY_TYPES;
  protected readonly form = inject(NonNullableFormBuilder).group({ ...NO_AUDIT_FILTER });

  constructor() {
    effect(() => this.form.setValue({ ...this.value() }, { emitEvent: false }));
  }

  protected apply(): void {
    this.filterChange.emit(this.form.getRawValue());
  }

  protected clear(): void {
    this.form.setValue({ ...NO_AUDIT_FILTER });
    this.filterChange.emit({ ...NO_AUDIT_FILTER });
  }
}
