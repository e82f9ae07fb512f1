import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import { IconComponent } from '../shared/icon.component';
import { InlineErrorComponent } from '../shared/page-states.component';
import { problemDetail, problemErrors } from '../shared/problem';
import { AuthService } from './auth.service';
import { homePathFor, safeReturnUrl } from './page-access';

export const MIN_PASSWORD_LENGTH = 10;

function sameNewPassword(group: AbstractControl): ValidationErrors | null {
  const next = group.get('newPassword')?.value as string | undefined;
  const repeat = group.get('repeatPassword')?.value as string | undefined;
  return repeat && next !== repeat ? { mismatch: true } : null;
}

@Component({
  selector: 'ls-change-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    IconComponent,
    InlineErrorComponent,
  ],
  template: `
    <main class="wrap">
      <div class="brand">
        <ls-icon name="star" />
        <span>Lodestar</span>
      </div>
      <mat-card appearance="outlined" class="card">
        @if (saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Saving the new password" class="progress" />
        }
        <mat-card-content>
          <h1>{{ forced() ? 'Choose a new password' : 'Change your password' }}</h1>
          @if (forced()) {
            <p class="lead">
              <ls-icon name="lock" />
              <span
                >Hello {{ auth.user()?.name }}. You signed in with a temporary password. Choose your own
                password before you continue.</span
              >
            </p>
          } @else {
            <p class="lead">Signed in as {{ auth.user()?.email }}.</p>
          }

          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field appearance="outline">
              <mat-label>{{ forced() ? 'Temporary password' : 'Current password' }}</mat-label>
              <input
                matInput
                type="password"
                formControlName="currentPassword"
                autocomplete="current-password"
                required
              />
              @if (form.controls.currentPassword.hasError('required')) {
                <mat-error>Enter the password you signed in with.</mat-error>
              }
            </mat-form-field>

            <mat-form-field appearance="outline">
              <mat-label>New password</mat-label>
              <input
                matInput
                type="password"
                formControlName="newPassword"
                autocomplete="new-password"
                required
                aria-describedby="new-password-rule"
              />
              <mat-hint id="new-password-rule">At least {{ minLength }} characters.</mat-hint>
              @if (form.controls.newPassword.hasError('required')) {
                <mat-error>Enter a new password.</mat-error>
              } @else if (form.controls.newPassword.hasError('minlength')) {
                <mat-error>Use at least {{ minLength }} characters.</mat-error>
              }
            </mat-form-field>

            <mat-form-field appearance="outline">
              <mat-label>Repeat new password</mat-label>
              <input
                matInput
                type="password"
                formControlName="repeatPassword"
                autocomplete="new-password"
                required
              />
              @if (form.controls.repeatPassword.hasError('required')) {
                <mat-error>Repeat the new password.</mat-error>
              }
            </mat-form-field>
            @if (mismatch()) {
              <p class="mismatch" role="alert">The two new passwords differ.</p>
            }

            @if (error(); as message) {
              <ls-inline-error [detail]="message" [errors]="errors()" />
            }

            <div class="actions">
              @if (forced()) {
                <button mat-button type="button" (click)="signOut()">Sign out</button>
              } @else {
                <button mat-button type="button" (click)="leave()">Cancel</button>
              }
              <button mat-flat-button type="submit" [disabled]="saving()">Save new password</button>
            </div>
          </form>
        </mat-card-content>
      </mat-card>
    </main>
  `,
  styles: `
    .wrap {
      min-height: 100vh;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 20px;
      padding: 24px;
      box-sizing: border-box;
    }
    .brand {
      display: flex;
      align-items: center;
      gap: 8px;
      color: var(--mat-sys-primary);
      font:
        600 1.5rem/1 Roboto,
        system-ui,
        sans-serif;
      --ls-icon-size: 28px;
    }
    .card {
      width: 100%;
      max-width: 440px;
      position: relative;
      overflow: hidden;
      background: var(--mat-sys-surface);
    }
    .progress {
      position: absolute;
      inset: 0 0 auto 0;
    }
    mat-card-content {
      padding: 24px 28px !important;
    }
    h1 {
      font: var(--mat-sys-headline-small);
    }
    .lead {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      margin: 8px 0 20px;
      color: var(--mat-sys-on-surface-variant);
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    mat-form-field {
      width: 100%;
    }
    .mismatch {
      margin: -4px 0 8px;
      color: var(--ls-bad);
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
      margin-top: 12px;
    }
  `,
})
export class ChangePasswordPageComponent {
  protected readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly minLength = MIN_PASSWORD_LENGTH;
  protected readonly forced = computed(() => this.auth.mustChangePassword());
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly errors = signal<string[]>([]);
  protected readonly mismatch = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      currentPassword: ['', Validators.required],
      newPassword: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]],
      repeatPassword: ['', Validators.required],
    },
    { validators: sameNewPassword },
  );

  protected submit(): void {
    if (this.saving()) return;
    this.mismatch.set(this.form.hasError('mismatch'));
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.saving.set(true);
    this.error.set(null);
    this.auth.changePassword({ currentPassword, newPassword }).subscribe({
      next: () => {
        this.saving.set(false);
        this.leave();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(problemDetail(error));
        this.errors.set(problemErrors(error));
      },
    });
  }

  protected leave(): void {
    void this.router.navigateByUrl(
      safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl'), homePathFor(this.auth.roles())),
    );
  }

  protected async signOut(): Promise<void> {
    await this.auth.signOut();
    await this.router.navigate(['/sign-in']);
  }
}
