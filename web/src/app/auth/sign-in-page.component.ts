import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import { map } from 'rxjs';
import { IconComponent } from '../shared/icon.component';
import { problemDetail } from '../shared/problem';
import { AuthService } from './auth.service';
import { homePathFor, safeReturnUrl } from './page-access';

export const DEMO_ACCOUNTS: readonly { email: string; what: string }[] = [
  { email: 'hr@example.com', what: 'HR' },
  { email: 'admin@example.com', what: 'Administrator' },
  { email: 'member@example.com', what: 'Member' },
  { email: 'ceo@example.com', what: 'Executive' },
];

@Component({
  selector: 'ls-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    IconComponent,
  ],
  templateUrl: './sign-in-page.component.html',
  styleUrl: './sign-in-page.component.scss',
})
export class SignInPageComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly demoAccounts = DEMO_ACCOUNTS;
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly showPassword = signal(false);
  protected readonly expired = toSignal(
    this.route.queryParamMap.pipe(map((params) => params.has('expired'))),
    {
      initialValue: false,
    },
  );

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });

  protected useDemoAccount(email: string): void {
    this.form.setValue({ email, password: 'lodestar-demo' });
    this.error.set(null);
  }

  protected submit(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    const { email, password } = this.form.getRawValue();
    this.auth.signIn({ email: email.trim(), password }).subscribe({
      next: (user) => {
        this.submitting.set(false);
        const returnUrl = safeReturnUrl(
          this.route.snapshot.queryParamMap.get('returnUrl'),
          homePathFor(user.roles),
        );
        if (user.mustChangePassword) {
          void this.router.navigate(['/change-password'], { queryParams: { returnUrl } });
        } else {
          void this.router.navigateByUrl(returnUrl);
        }
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.error.set(problemDetail(error));
      },
    });
  }
}
