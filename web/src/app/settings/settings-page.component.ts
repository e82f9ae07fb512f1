import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { FiscalCalendar } from '@lodestar/contracts';
import { AuthService } from '../auth/auth.service';
import { ErrorStateComponent, InlineErrorComponent, LoadingComponent } from '../shared/page-states.component';
import { ShownProblem, toShownProblem } from '../shared/problem';
import { FiscalCalendarFormComponent } from './fiscal-calendar-form.component';
import { SettingsService } from './settings.service';

@Component({
  selector: 'ls-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LoadingComponent, ErrorStateComponent, InlineErrorComponent, FiscalCalendarFormComponent],
  template: `
    <section class="ls-page" aria-labelledby="settings-title">
      <header class="ls-page-header">
        <div>
          <h1 id="settings-title">Settings</h1>
          <p>Company-wide settings every scorecard, target and statement relies on.</p>
        </div>
      </header>

      <section class="ls-panel" aria-labelledby="fiscal-title">
        @if (loading() || saving()) {
          <ls-loading [label]="saving() ? 'Saving the fiscal calendar…' : 'Loading the fiscal calendar…'" />
        }
        <div class="body">
          <h2 id="fiscal-title">Fiscal calendar</h2>
          <p class="ls-muted intro">
            Periods are months, fiscal quarters and fiscal years. Once targets or plans use fiscal periods,
            the start month can no longer change.
          </p>
          @if (problem(); as failure) {
            <ls-error-state
              title="The fiscal calendar could not be loaded"
              [detail]="failure.detail"
              [errors]="failure.errors"
              (retry)="load()"
            />
          } @else if (calendar(); as value) {
            <ls-fiscal-calendar-form
              [value]="value"
              [saving]="saving()"
              [canEdit]="isAdmin()"
              (save)="save($event)"
            />
            @if (saveProblem(); as failure) {
              <div class="save-error">
                <ls-inline-error [detail]="failure.detail" [errors]="failure.errors" />
              </div>
            }
          }
        </div>
      </section>
    </section>
  `,
  styles: `
    .body {
      padding: 16px 20px 20px;
    }
    h2 {
      font: var(--mat-sys-title-large);
    }
    .intro {
      margin: 4px 0 16px;
    }
    .save-error {
      margin-top: 12px;
    }
  `,
})
export class SettingsPageComponent implements OnInit {
  private readonly settings = inject(SettingsService);
  private readonly auth = inject(AuthService);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly calendar = signal<FiscalCalendar | null>(null);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly problem = signal<ShownProblem | null>(null);
  protected readonly saveProblem = signal<ShownProblem | null>(null);
  protected readonly isAdmin = computed(() => this.auth.roles().includes('ADMIN'));

  ngOnInit(): void {
    this.load();
  }

  load(): void {
    this.loading.set(true);
    this.problem.set(null);
    this.settings.fiscalCalendar().subscribe({
      next: (calendar) => {
        this.calendar.set(calendar);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.problem.set(toShownProblem(error));
        this.loading.set(false);
      },
    });
  }

  protected save(calendar: FiscalCalendar): void {
    this.saving.set(true);
    this.saveProblem.set(null);
    this.settings.saveFiscalCalendar(calendar).subscribe({
      next: (saved) => {
        this.calendar.set(saved);
        this.saving.set(false);
        this.snackBar.open('The fiscal calendar was saved.', 'OK', { duration: 4000 });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.saveProblem.set(toShownProblem(error));
      },
    });
  }
}
