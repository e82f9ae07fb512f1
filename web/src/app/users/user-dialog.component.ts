import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  ROLE_LABELS,
  ROLES,
  type Role,
  type TemporaryPasswordResponse,
  type UpdateUserRequest,
  type User,
} from '@lodestar/contracts';
import { map, type Observable } from 'rxjs';
import { InlineErrorComponent } from '../shared/page-states.component';
import { ShownProblem, toShownProblem } from '../shared/problem';
import { UsersService } from './users.service';

export interface UnitChoice {
  id: string;
  label: string;
}

export type UserDialogData =
  | { mode: 'create'; units: UnitChoice[] }
  | { mode: 'edit'; units: UnitChoice[]; user: User; isSelf: boolean };

export type UserDialogResult =
  | { kind: 'created'; response: TemporaryPasswordResponse }
  | { kind: 'updated'; user: User };

type RoleControls = Record<Role, boolean>;

@Component({
  selector: 'ls-user-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    InlineErrorComponent,
  ],
  template: `
    <h2 mat-dialog-title>{{ editing ? 'Edit ' + editing.name : 'Add a user' }}</h2>
    <mat-dialog-content>
      @if (saving()) {
        <mat-progress-bar mode="indeterminate" aria-label="Saving" class="progress" />
      }
      <form id="user-form" [formGroup]="form" (ngSubmit)="save()" novalidate>
        @if (editing) {
          <p class="email">
            E-mail: <span class="ls-mono">{{ editing.email }}</span>
          </p>
        } @else {
          <mat-form-field>
            <mat-label>E-mail</mat-label>
            <input matInput type="email" formControlName="email" required autocomplete="off" />
            @if (form.controls.email.hasError('required')) {
              <mat-error>Enter the person's work e-mail address.</mat-error>
            } @else if (form.controls.email.hasError('email')) {
              <mat-error>Enter an e-mail address such as new.person&#64;example.com.</mat-error>
            }
          </mat-form-field>
        }

        <mat-form-field>
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required maxlength="200" autocomplete="off" />
          @if (form.controls.name.hasError('required')) {
            <mat-error>Enter the person's name.</mat-error>
          }
        </mat-form-field>

        <mat-form-field>
          <mat-label>Org unit</mat-label>
          <mat-select formControlName="orgUnitId">
            <mat-option value="">No unit</mat-option>
            @for (unit of data.units; track unit.id) {
              <mat-option [value]="unit.id">{{ unit.label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>

        <fieldset formGroupName="roles" class="roles">
          <legend>Roles</legend>
          @if (isSelf) {
            <p class="ls-muted note">You cannot change your own roles; another administrator can.</p>
          }
          <div class="role-grid">
            @for (role of roles; track role) {
              <mat-checkbox [formControlName]="role">{{ roleLabels[role] }}</mat-checkbox>
            }
          </div>
        </fieldset>

        @if (problem(); as failure) {
          <ls-inline-error [detail]="failure.detail" [errors]="failure.errors" />
        }
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button mat-flat-button type="submit" form="user-form" [disabled]="saving()">
        {{ editing ? 'Save' : 'Add user' }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding-top: 4px;
    }
    .progress {
      margin-bottom: 8px;
    }
    .email {
      margin: 0 0 8px;
    }
    .roles {
      border: 1px solid var(--ls-border);
      border-radius: 8px;
      padding: 8px 12px 12px;
      margin: 0 0 8px;
    }
    legend {
      padding: 0 4px;
      font: var(--mat-sys-label-large);
    }
    .note {
      margin: 0 0 4px;
      font-size: 0.85rem;
    }
    .role-grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
    }
  `,
})
export class UserDialogComponent {
  protected readonly data = inject<UserDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<UserDialogComponent, UserDialogResult>>(MatDialogRef);
  private readonly users = inject(UsersService);

  protected readonly editing = this.data.mode === 'edit' ? this.data.user : null;
  protected readonly isSelf = this.data.mode === 'edit' && this.data.isSelf;
  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly saving = signal(false);
  protected readonly problem = signal<ShownProblem | null>(null);

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    email: ['', this.editing ? [] : [Validators.required, Validators.email, Validators.maxLength(320)]],
    name: [this.editing?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    orgUnitId: [this.editing?.orgUnitId ?? ''],
    roles: this.fb.group(
      Object.fromEntries(
        ROLES.map((role) => [role, this.editing ? this.editing.roles.includes(role) : role === 'MEMBER']),
      ) as RoleControls,
    ),
  });

  constructor() {
    if (this.isSelf) this.form.controls.roles.disable();
  }

  protected save(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const roles = ROLES.filter((role) => value.roles[role]);
    const orgUnitId = value.orgUnitId || null;
    let request$: Observable<UserDialogResult>;
    if (this.editing) {
      const changes = this.changes(this.editing, value.name.trim(), roles, orgUnitId);
      if (Object.keys(changes).length === 0) {
        this.dialogRef.close();
        return;
      }
      request$ = this.users
        .update(this.editing.id, changes)
        .pipe(map((user): UserDialogResult => ({ kind: 'updated', user })));
    } else {
      request$ = this.users
        .create({ email: value.email.trim(), name: value.name.trim(), roles, orgUnitId })
        .pipe(map((response): UserDialogResult => ({ kind: 'created', response })));
    }
    this.saving.set(true);
    this.problem.set(null);
    request$.subscribe({
      next: (result) => this.dialogRef.close(result),
      error: (error: unknown) => {
        this.saving.set(false);
        this.problem.set(toShownProblem(error));
      },
    });
  }

  private changes(user: User, name: string, roles: Role[], orgUnitId: string | null): UpdateUserRequest {
    const request: UpdateUserRequest = {};
    if (name !== user.name) request.name = name;
    if (orgUnitId !== user.orgUnitId) request.orgUnitId = orgUnitId;
    const sameRoles = roles.length === user.roles.length && roles.every((role) => user.roles.includes(role));
    if (!sameRoles && !this.isSelf) request.roles = roles;
    return request;
  }
}
