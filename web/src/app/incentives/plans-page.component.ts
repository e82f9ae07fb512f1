import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Router, RouterLink } from '@angular/router';
import type {
  FiscalCalendar,
  IncentiveForecast,
  IncentivePlan,
  PlanVersion,
  PlanVersionSummary,
} from '@lodestar/contracts';
import { filter } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { SettingsService } from '../settings/settings.service';
import { formatDateTime } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import { EmptyStateComponent, ErrorStateComponent, LoadingComponent } from '../shared/page-states.component';
import { remoteResource } from '../shared/remote-resource';
import { CostForecastComponent } from './cost-forecast.component';
import {
  NewPlanDialogComponent,
  NewVersionDialogComponent,
  type NewPlanDialogData,
  type NewVersionDialogData,
} from './plan-dialogs.component';
import { currentQuarter, fiscalYearOf, quartersFrom } from './plan-format';
import { PlanStatusChipComponent } from './plan-status-chip.component';
import { PlansService } from './plans.service';

/** The version a new one is based on by default: the latest published, else the latest. */
export function defaultBasis(plan: IncentivePlan): PlanVersionSummary | null {
  const newestFirst = [...plan.versions].sort((a, b) => b.number - a.number);
  return newestFirst.find((version) => version.status === 'PUBLISHED') ?? newestFirst[0] ?? null;
}

/**
 * Incentive plans for HR and approvers: every plan with its versions (number, status, first
 * quarter, author, participants), "New plan" and "New version based on …" for HR, and the fiscal
 * year's forecast incentive cost.
 */
@Component({
  selector: 'ls-plans-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    IconComponent,
    EmptyStateComponent,
    ErrorStateComponent,
    LoadingComponent,
    CostForecastComponent,
    PlanStatusChipComponent,
  ],
  template: `
    <section class="ls-page" aria-labelledby="plans-title">
      <header class="ls-page-header">
        <div>
          <h1 id="plans-title">Incentive plans</h1>
          <p>
            Each plan has versions: HR drafts one and submits it, an approver who neither wrote it nor takes
            part in it approves it, and HR publishes it from a quarter on.
          </p>
        </div>
        @if (hr()) {
          <button mat-flat-button type="button" (click)="newPlan()" data-testid="new-plan">
            <ls-icon name="add" />New plan
          </button>
        }
      </header>

      @if (notice()) {
        <p class="notice" role="status" data-testid="notice">{{ notice() }}</p>
      }

      @if (plans.loading() && !plans.value()) {
        <ls-loading label="Loading the incentive plans…" />
      }
      @if (plans.problem(); as failure) {
        <ls-error-state
          title="The incentive plans could not be loaded"
          [detail]="failure.detail"
          (retry)="load()"
        />
      } @else if (plans.value(); as list) {
        @for (plan of list; track plan.id) {
          <section class="ls-panel" [attr.aria-labelledby]="'plan-' + plan.id" [attr.data-plan]="plan.key">
            <header class="ls-chart-head">
              <div>
                <h2 [id]="'plan-' + plan.id">{{ plan.name }}</h2>
                <p class="ls-muted">
                  <span class="ls-mono">{{ plan.key }}</span
                  >{{ plan.description ? ' · ' + plan.description : '' }}
                </p>
              </div>
              @if (hr()) {
                <button
                  mat-stroked-button
                  type="button"
                  (click)="newVersion(plan)"
                  [attr.data-testid]="'new-version-' + plan.key"
                >
                  <ls-icon name="copy" />{{ newVersionLabel(plan) }}
                </button>
              }
            </header>
            @if (plan.versions.length) {
              <div class="scroll">
                <table class="ls-data-table grid">
                  <caption class="ls-visually-hidden">
                    Versions of
                    {{
                      plan.name
                    }}, newest first
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Version</th>
                      <th scope="col">Status</th>
                      <th scope="col">Applies from</th>
                      <th scope="col">Author</th>
                      <th scope="col" class="ls-num">Participants</th>
                      <th scope="col">Last change</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (version of newestFirst(plan); track version.id) {
                      <tr>
                        <th scope="row">
                          <a [routerLink]="['/plans/versions', version.id]">Version {{ version.number }}</a>
                        </th>
                        <td><ls-plan-status-chip [status]="version.status" /></td>
                        <td>{{ version.effectiveFrom }}</td>
                        <td>{{ version.author.name }}</td>
                        <td class="ls-num">{{ version.participantCount }}</td>
                        <td>{{ dateTime(version.updatedAt) }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
            } @else {
              <ls-empty-state title="No versions yet" icon="info">
                {{
                  hr()
                    ? 'Start the first version with "New version".'
                    : 'HR has not drafted a version of this plan yet.'
                }}
              </ls-empty-state>
            }
          </section>
        } @empty {
          <section class="ls-panel">
            <ls-empty-state title="No incentive plans yet" icon="info">
              {{
                hr()
                  ? 'Create the first one with "New plan", then draft its first version.'
                  : 'HR has not created a plan yet.'
              }}
            </ls-empty-state>
          </section>
        }
      }

      <section class="ls-panel" aria-labelledby="forecast-title">
        <header class="ls-chart-head">
          <div>
            <h2 id="forecast-title">Cost forecast</h2>
            <p class="ls-muted">
              The fiscal year's incentive cost: released and closed statements where a quarter has them,
              projections from the actuals so far for the rest.
            </p>
          </div>
        </header>
        <div class="pad">
          @if (calendar.problem(); as failure) {
            <ls-error-state
              title="The fiscal calendar could not be loaded"
              [detail]="failure.detail"
              (retry)="loadCalendar()"
            />
          } @else if (year(); as shownYear) {
            <ls-cost-forecast
              [forecast]="forecast.value()"
              [loading]="forecast.loading()"
              [problem]="forecast.problem()"
              [years]="years()"
              [year]="shownYear"
              (yearChange)="loadForecast($event)"
            />
          } @else {
            <ls-loading label="Loading the fiscal calendar…" />
          }
        </div>
      </section>
    </section>
  `,
  styles: `
    .pad {
      padding: 0 16px 16px;
    }
    .scroll {
      overflow-x: auto;
    }
    .grid {
      border-collapse: collapse;
      font-size: 0.875rem;
    }
    .grid th,
    .grid td {
      padding: 6px 16px;
      border-top: 1px solid var(--ls-border);
      text-align: left;
      font-weight: 400;
      white-space: nowrap;
    }
    .grid thead th {
      font-size: 0.78rem;
      font-weight: 600;
      color: var(--mat-sys-on-surface-variant);
    }
    .grid .ls-num {
      text-align: right;
    }
    .grid tbody th a {
      font-weight: 500;
    }
    .notice {
      margin: 0;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--ls-ok-container);
      color: var(--ls-ok);
      font-weight: 500;
    }
  `,
})
export class PlansPageComponent {
  private readonly service = inject(PlansService);
  private readonly auth = inject(AuthService);
  private readonly fiscal = inject(SettingsService);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly plans = remoteResource<IncentivePlan[]>();
  protected readonly calendar = remoteResource<FiscalCalendar>();
  protected readonly forecast = remoteResource<IncentiveForecast>({ clearOnError: true });
  protected readonly notice = signal('');

  protected readonly hr = computed(() => this.auth.roles().includes('HR'));
  protected readonly thisQuarter = computed(() => {
    const calendar = this.calendar.value();
    return calendar ? currentQuarter(calendar.startMonth, calendar.timeZone) : null;
  });
  private readonly chosenYear = signal<number | null>(null);
  protected readonly year = computed(() => {
    const quarter = this.thisQuarter();
    return this.chosenYear() ?? (quarter ? fiscalYearOf(quarter) : null);
  });
  protected readonly years = computed(() => {
    const quarter = this.thisQuarter();
    if (!quarter) return [];
    const current = fiscalYearOf(quarter);
    return [current + 1, current, current - 1, current - 2];
  });

  constructor() {
    this.load();
    this.loadCalendar();
    // The current fiscal year's forecast, once the calendar says which year that is.
    effect(() => {
      const quarter = this.thisQuarter();
      if (quarter && this.chosenYear() === null) untracked(() => this.loadForecast(fiscalYearOf(quarter)));
    });
  }

  load(): void {
    this.plans.load(this.service.plans());
  }

  protected loadCalendar(): void {
    this.calendar.load(this.fiscal.fiscalCalendar());
  }

  protected loadForecast(year: number): void {
    this.chosenYear.set(year);
    this.forecast.load(this.service.forecast(year));
  }

  protected newestFirst(plan: IncentivePlan): PlanVersionSummary[] {
    return [...plan.versions].sort((a, b) => b.number - a.number);
  }

  protected dateTime(iso: string): string {
    return formatDateTime(iso);
  }

  protected newVersionLabel(plan: IncentivePlan): string {
    const basis = defaultBasis(plan);
    return basis ? `New version based on version ${basis.number}…` : 'New version…';
  }

  protected newPlan(): void {
    const data: NewPlanDialogData = {
      taken: (this.plans.value() ?? []).map((plan) => plan.key),
      save: (request) => this.service.createPlan(request),
    };
    this.dialog
      .open<NewPlanDialogComponent, NewPlanDialogData, IncentivePlan>(NewPlanDialogComponent, {
        data,
        width: '520px',
      })
      .afterClosed()
      .pipe(
        filter((plan): plan is IncentivePlan => !!plan),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((plan) => {
        this.notice.set(`${plan.name} was created. Draft its first version with "New version".`);
        this.load();
      });
  }

  protected newVersion(plan: IncentivePlan): void {
    const quarter = this.thisQuarter();
    const data: NewVersionDialogData = {
      plan,
      quarters: quarter ? quartersFrom(quarter, 8) : [],
      basedOn: defaultBasis(plan)?.id ?? null,
      save: (request) => this.service.createVersion(plan.id, request),
    };
    this.dialog
      .open<NewVersionDialogComponent, NewVersionDialogData, PlanVersion>(NewVersionDialogComponent, {
        data,
        width: '540px',
      })
      .afterClosed()
      .pipe(
        filter((version): version is PlanVersion => !!version),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((version) => void this.router.navigate(['/plans/versions', version.id]));
  }
}
