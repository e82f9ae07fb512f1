import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
  type WritableSignal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import {
  CX_INVESTMENT_STATUSES,
  quarterOfMonth,
  type CxInvestment,
  type CxInvestmentBudget,
  type CxInvestmentInput,
  type CxInvestmentSettings,
  type CxInvestmentStatus,
  type FiscalCalendar,
  type OrgUnitNode,
  type Page,
} from '@lodestar/contracts';
import { forkJoin, map, of } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { currentFiscalYear, currentMonth, periodOptions, periodOptionText } from '../metrics/period-options';
import { OrgUnitsService } from '../org/org-units.service';
import { SettingsService } from '../settings/settings.service';
import { EmptyStateComponent, ErrorStateComponent, LoadingComponent } from '../shared/page-states.component';
import { problemDetail, toShownProblem, type ShownProblem } from '../shared/problem';
import { remoteResource } from '../shared/remote-resource';
import { ApprovalQueueComponent, QueueDecision } from './approval-queue.component';
import { BudgetBarComponent } from './budget-bar.component';
import {
  budgetKey,
  formatInvestmentAmount,
  KIND_INFO,
  monthOptions,
  queueStatuses,
  STATUS_INFO,
  unitOptions,
} from './investment-format';
import { InvestmentFormComponent } from './investment-form.component';
import { InvestmentSettingsComponent } from './investment-settings.component';
import { InvestmentTableComponent } from './investment-table.component';
import { InvestmentCapChange, InvestmentsService } from './investments.service';

const PAGE_SIZE = 10;

/**
 * CX investments: propose one, see them by unit, period and status, and — for CX leads and approvers —
 * decide those waiting for their step against the unit's quarter budget. CX leads also set the
 * approval threshold and the caps.
 */
@Component({
  selector: 'ls-investments-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatFormFieldModule,
    MatPaginatorModule,
    MatSelectModule,
    EmptyStateComponent,
    ErrorStateComponent,
    LoadingComponent,
    ApprovalQueueComponent,
    BudgetBarComponent,
    InvestmentFormComponent,
    InvestmentSettingsComponent,
    InvestmentTableComponent,
  ],
  template: `
    <section class="ls-page" aria-labelledby="investments-title">
      <header class="ls-page-header">
        <div>
          <h1 id="investments-title">CX investments</h1>
          <p>
            Money a unit spends or gives up for the customer's sake. Once approved, a cost is added back in
            the adjusted margin and quota relief is credited in the adjusted quota attainment, so the people
            who chose the customer do not lose bonus for it.
          </p>
        </div>
      </header>

      @if (setup.problem() ?? calendar.problem(); as failure) {
        <ls-error-state
          title="The organisation and fiscal calendar could not be loaded"
          [detail]="failure.detail"
          (retry)="loadSetup()"
        />
      }

      @if (decider()) {
        <section class="ls-panel" aria-labelledby="queue-title" data-testid="approval-queue">
          <header class="ls-chart-head">
            <div>
              <h2 id="queue-title">Waiting for your decision</h2>
              <p class="ls-muted">{{ queueHint() }}</p>
            </div>
          </header>
          <p class="notice" role="status" data-testid="queue-notice">{{ queueNotice() }}</p>
          @if (lastBudget(); as budget) {
            <ls-budget-bar
              class="last-budget"
              [budget]="budget"
              [label]="lastBudgetLabel()"
              data-testid="last-budget"
            />
          }
          @if (queue.loading()) {
            <ls-loading label="Loading the investments waiting for you…" />
          }
          @if (queue.problem(); as failure) {
            <div class="pad">
              <ls-error-state
                title="The approval queue could not be loaded"
                [detail]="failure.detail"
                (retry)="loadQueue()"
              />
            </div>
          } @else if (queue.value(); as items) {
            @if (items.length) {
              <ls-approval-queue
                [items]="items"
                [budgets]="queueBudgets()"
                [problems]="queueProblems()"
                [busyId]="deciding()"
                (decide)="decide($event)"
              />
            } @else {
              <ls-empty-state title="Nothing is waiting for your decision" icon="ok">
                New proposals appear here as soon as someone in a unit proposes one.
              </ls-empty-state>
            }
          }
        </section>
      }

      <section class="ls-panel" aria-labelledby="propose-title">
        <header class="ls-chart-head">
          <div>
            <h2 id="propose-title">Propose an investment</h2>
            <p class="ls-muted">For your own unit or one below it; CX leads may propose for any unit.</p>
          </div>
        </header>
        <ls-investment-form
          [units]="units()"
          [months]="months()"
          [defaultUnit]="ownUnit()"
          [defaultMonth]="thisMonth()"
          [submitting]="proposing()"
          [problem]="proposeProblem()"
          [threshold]="settings.value()?.secondApprovalAbove ?? null"
          (propose)="propose($event)"
        />
        <p class="notice" role="status" data-testid="propose-notice">{{ proposeNotice() }}</p>
      </section>

      <section class="ls-panel" aria-labelledby="list-title">
        <header class="ls-chart-head">
          <div>
            <h2 id="list-title">All CX investments</h2>
            <p class="ls-muted">Newest first. A unit includes the units below it.</p>
          </div>
        </header>
        <div class="filters" role="group" aria-label="Filter the CX investments">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>Unit</mat-label>
            <mat-select [value]="filterUnit()" (valueChange)="filter({ unit: $event })" [panelWidth]="null">
              <mat-option value="">All units</mat-option>
              @for (unit of units(); track unit.key) {
                <mat-option [value]="unit.key">
                  <span [style.padding-left.px]="unit.depth * 14">{{ unit.name }}</span>
                </mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>Period</mat-label>
            <mat-select
              [value]="filterPeriod()"
              (valueChange)="filter({ period: $event })"
              [panelWidth]="null"
            >
              <mat-option value="">All periods</mat-option>
              @for (group of periodGroups(); track group.fiscalYear) {
                <mat-optgroup [label]="group.fiscalYear">
                  @for (option of group.options; track option.label) {
                    <mat-option [value]="option.label">
                      <span [style.padding-left.px]="option.depth * 14">{{ periodText(option) }}</span>
                    </mat-option>
                  }
                </mat-optgroup>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>Status</mat-label>
            <mat-select [value]="filterStatus()" (valueChange)="filter({ status: $event })">
              <mat-option value="">Any status</mat-option>
              @for (status of statuses; track status) {
                <mat-option [value]="status">{{ statusLabel(status) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
        @if (list.loading()) {
          <ls-loading label="Loading the CX investments…" />
        }
        @if (list.problem(); as failure) {
          <div class="pad">
            <ls-error-state
              title="The CX investments could not be loaded"
              [detail]="failure.detail"
              (retry)="loadList()"
            />
          </div>
        } @else if (list.value(); as page) {
          @if (page.items.length) {
            <ls-investment-table
              [items]="page.items"
              [userId]="userId()"
              [busyId]="withdrawing()"
              [problems]="listProblems()"
              (withdraw)="withdraw($event)"
            />
          } @else {
            <ls-empty-state [title]="emptyTitle()" icon="info">
              Investments appear here once proposed; change the filters to see others.
            </ls-empty-state>
          }
          <mat-paginator
            [length]="page.total"
            [pageIndex]="page.page - 1"
            [pageSize]="pageSize()"
            [pageSizeOptions]="[10, 25, 50]"
            (page)="changePage($event)"
            aria-label="Pages of CX investments"
          />
        }
      </section>

      @if (cxLead()) {
        <section class="ls-panel" aria-labelledby="settings-title">
          <header class="ls-chart-head">
            <div>
              <h2 id="settings-title">Approval threshold and caps</h2>
              <p class="ls-muted">Only CX leads change these; every change is written to the audit log.</p>
            </div>
          </header>
          <ls-investment-settings
            [settings]="settings.value()"
            [units]="units()"
            [quarters]="quarters()"
            [capBudget]="capBudget.value()"
            [busy]="savingSettings()"
            [settingsProblem]="settingsProblem()"
            [capProblem]="capProblem()"
            [settingsNotice]="settingsNotice()"
            (saveSettingsRequest)="saveSettings($event)"
            (saveCapRequest)="saveCap($event)"
            (capTarget)="loadCapBudget($event.orgUnit, $event.quarter)"
          />
        </section>
      }
    </section>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      padding: 0 16px 12px;
    }
    .filters mat-form-field {
      flex: 0 1 280px;
    }
    .pad {
      padding: 12px 16px;
    }
    .notice {
      margin: 0;
    }
    .notice:not(:empty) {
      margin: 0 16px 10px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--ls-ok-container);
      color: var(--ls-ok);
      font-weight: 500;
    }
    .last-budget {
      margin: 0 16px 12px;
      max-width: 520px;
    }
  `,
})
export class InvestmentsPageComponent {
  private readonly investments = inject(InvestmentsService);
  private readonly orgUnits = inject(OrgUnitsService);
  private readonly fiscal = inject(SettingsService);
  private readonly auth = inject(AuthService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly form = viewChild(InvestmentFormComponent);

  protected readonly setup = remoteResource<OrgUnitNode[]>();
  protected readonly calendar = remoteResource<FiscalCalendar>();
  protected readonly settings = remoteResource<CxInvestmentSettings>();
  protected readonly list = remoteResource<Page<CxInvestment>>();
  protected readonly queue = remoteResource<CxInvestment[]>();
  protected readonly capBudget = remoteResource<CxInvestmentBudget>();

  protected readonly statuses = CX_INVESTMENT_STATUSES;
  protected readonly periodText = periodOptionText;

  protected readonly userId = computed(() => this.auth.user()?.id ?? null);
  protected readonly cxLead = computed(() => this.auth.roles().includes('CX_LEAD'));
  protected readonly queueFor = computed(() => queueStatuses(this.auth.roles()));
  protected readonly decider = computed(() => this.queueFor().length > 0);

  protected readonly units = computed(() => unitOptions(this.setup.value() ?? []));
  protected readonly ownUnit = computed(() => {
    const id = this.auth.user()?.orgUnitId;
    return this.units().find((unit) => unit.id === id)?.key ?? '';
  });
  protected readonly thisMonth = computed(() => {
    const calendar = this.calendar.value();
    return calendar ? currentMonth(calendar.timeZone) : '';
  });
  protected readonly months = computed(() => {
    const calendar = this.calendar.value();
    if (!calendar) return [];
    const year = currentFiscalYear(calendar.startMonth, calendar.timeZone);
    return monthOptions(this.thisMonth(), year, calendar.startMonth);
  });
  protected readonly periodGroups = computed(() => {
    const calendar = this.calendar.value();
    return calendar ? periodOptions(calendar.startMonth, calendar.timeZone) : [];
  });
  protected readonly quarters = computed(() => {
    const calendar = this.calendar.value();
    if (!calendar) return [];
    const year = Number(currentFiscalYear(calendar.startMonth, calendar.timeZone).slice(2));
    return [year, year - 1].flatMap((fy) => [1, 2, 3, 4].map((q) => `FY${fy}-Q${q}`));
  });

  protected readonly filterUnit = signal('');
  protected readonly filterPeriod = signal('');
  protected readonly filterStatus = signal<CxInvestmentStatus | ''>('');
  protected readonly pageNumber = signal(1);
  protected readonly pageSize = signal(PAGE_SIZE);

  protected readonly proposing = signal(false);
  protected readonly proposeProblem = signal<ShownProblem | null>(null);
  protected readonly proposeNotice = signal('');
  protected readonly withdrawing = signal<string | null>(null);
  protected readonly listProblems = signal<Readonly<Record<string, string>>>({});
  protected readonly deciding = signal<string | null>(null);
  protected readonly queueProblems = signal<Readonly<Record<string, string>>>({});
  protected readonly queueNotice = signal('');
  /** Budgets by unit and quarter; each queued item shows the one of its unit and quarter. */
  private readonly budgets = signal<ReadonlyMap<string, CxInvestmentBudget>>(new Map());
  protected readonly lastBudget = signal<CxInvestmentBudget | null>(null);
  protected readonly lastBudgetLabel = signal('');
  protected readonly savingSettings = signal(false);
  protected readonly settingsProblem = signal<string | null>(null);
  protected readonly capProblem = signal<string | null>(null);
  protected readonly settingsNotice = signal('');

  protected readonly queueBudgets = computed(() => {
    const calendar = this.calendar.value();
    const budgets = this.budgets();
    const byItem: Record<string, CxInvestmentBudget> = {};
    if (!calendar) return byItem;
    for (const item of this.queue.value() ?? []) {
      const budget = budgets.get(budgetKey(item.orgUnit, quarterOfMonth(item.period, calendar.startMonth)));
      if (budget) byItem[item.id] = budget;
    }
    return byItem;
  });

  protected readonly queueHint = computed(() => {
    const statuses = this.queueFor();
    const parts = [];
    if (statuses.includes('proposed')) parts.push('new proposals, which a CX lead decides first');
    if (statuses.includes('awaiting_second_approval'))
      parts.push('investments above the threshold that a CX lead approved, for the second approval');
    return `${parts.join('; ')[0].toUpperCase()}${parts.join('; ').slice(1)}. The bar shows the unit's quarter: approved so far, this one hatched, against the cap.`;
  });

  protected readonly emptyTitle = computed(() => {
    const unit = this.units().find((option) => option.key === this.filterUnit())?.name ?? 'any unit';
    const period = this.filterPeriod() ? ` in ${this.filterPeriod()}` : '';
    const status = this.filterStatus()
      ? ` ${STATUS_INFO[this.filterStatus() as CxInvestmentStatus].label.toLowerCase()}`
      : '';
    return `No${status} CX investments for ${unit}${period} yet: propose one above`;
  });

  constructor() {
    this.loadSetup();
    this.loadList();
    this.settings.load(this.investments.settings());
    if (this.decider()) this.loadQueue();
    // Each queued item's unit budget, once both the queue and the fiscal calendar are known.
    effect(() => {
      const items = this.queue.value();
      const calendar = this.calendar.value();
      if (items && calendar) untracked(() => this.loadBudgets(items, calendar));
    });
  }

  loadSetup(): void {
    this.setup.load(this.orgUnits.tree());
    this.calendar.load(this.fiscal.fiscalCalendar());
  }

  protected loadList(): void {
    this.list.load(
      this.investments.list({
        orgUnit: this.filterUnit() || null,
        period: this.filterPeriod() || null,
        status: this.filterStatus() || null,
        page: this.pageNumber(),
        pageSize: this.pageSize(),
      }),
    );
  }

  /** The investments waiting for this person's step (both steps for someone who is CX lead and approver). */
  protected loadQueue(): void {
    this.queue.load(
      forkJoin(this.queueFor().map((status) => this.investments.list({ status, pageSize: 200 }))).pipe(
        map((pages) => pages.flatMap((page) => page.items)),
      ),
    );
  }

  private loadBudgets(items: readonly CxInvestment[], calendar: FiscalCalendar): void {
    const wanted = new Map<string, { orgUnit: string; quarter: string }>();
    for (const item of items) {
      const quarter = quarterOfMonth(item.period, calendar.startMonth);
      wanted.set(budgetKey(item.orgUnit, quarter), { orgUnit: item.orgUnit, quarter });
    }
    const requests = [...wanted.values()].map((want) => this.investments.budget(want.orgUnit, want.quarter));
    (requests.length ? forkJoin(requests) : of([])).pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (budgets) =>
        this.budgets.set(
          new Map(budgets.map((budget) => [budgetKey(budget.orgUnit, budget.quarter), budget])),
        ),
      error: () => this.budgets.set(new Map()),
    });
  }

  protected filter(change: { unit?: string; period?: string; status?: CxInvestmentStatus | '' }): void {
    if (change.unit !== undefined) this.filterUnit.set(change.unit);
    if (change.period !== undefined) this.filterPeriod.set(change.period);
    if (change.status !== undefined) this.filterStatus.set(change.status);
    this.pageNumber.set(1);
    this.loadList();
  }

  protected changePage(event: PageEvent): void {
    this.pageNumber.set(event.pageIndex + 1);
    this.pageSize.set(event.pageSize);
    this.loadList();
  }

  protected statusLabel(status: CxInvestmentStatus): string {
    return STATUS_INFO[status].label;
  }

  protected propose(input: CxInvestmentInput): void {
    this.proposing.set(true);
    this.proposeProblem.set(null);
    this.proposeNotice.set('');
    this.investments
      .propose(input)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (created) => {
          this.proposing.set(false);
          this.form()?.reset();
          this.proposeNotice.set(
            `Proposed: ${KIND_INFO[created.kind].label.toLowerCase()} of ${formatInvestmentAmount(created.amount)} for ` +
              `${created.orgUnitName}. A CX lead decides it${created.needsSecondApproval ? ', then an approver' : ''}.`,
          );
          this.pageNumber.set(1);
          this.loadList();
          if (this.decider()) this.loadQueue();
        },
        error: (error: unknown) => {
          this.proposing.set(false);
          this.proposeProblem.set(toShownProblem(error));
        },
      });
  }

  protected decide(decision: QueueDecision): void {
    const { investment } = decision;
    this.deciding.set(investment.id);
    this.setProblem(this.queueProblems, investment.id, null);
    this.investments
      .decide(investment.id, { approve: decision.approve, reason: decision.reason })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (decided) => {
          this.deciding.set(null);
          const what = `${formatInvestmentAmount(decided.amount)} for ${decided.orgUnitName}`;
          this.queueNotice.set(
            decided.status === 'approved'
              ? `Approved ${what}.`
              : decided.status === 'awaiting_second_approval'
                ? `Approved ${what}; it now awaits an approver's second approval.`
                : `Rejected ${what}; ${decided.proposedBy.name} sees your reason.`,
          );
          this.showBudgetOf(decided);
          this.loadQueue();
          this.loadList();
        },
        error: (error: unknown) => {
          this.deciding.set(null);
          this.setProblem(this.queueProblems, investment.id, problemDetail(error));
        },
      });
  }

  protected withdraw(investment: CxInvestment): void {
    this.withdrawing.set(investment.id);
    this.setProblem(this.listProblems, investment.id, null);
    this.investments
      .withdraw(investment.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.withdrawing.set(null);
          this.proposeNotice.set('');
          this.loadList();
          if (this.decider()) this.loadQueue();
        },
        error: (error: unknown) => {
          this.withdrawing.set(null);
          this.setProblem(this.listProblems, investment.id, problemDetail(error));
        },
      });
  }

  protected saveSettings(next: CxInvestmentSettings): void {
    this.savingSettings.set(true);
    this.settingsProblem.set(null);
    this.settingsNotice.set('');
    this.investments
      .saveSettings(next)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (saved) => {
          this.savingSettings.set(false);
          this.settings.update(() => saved);
          this.settingsNotice.set('Saved.');
          if (this.decider()) this.loadQueue();
        },
        error: (error: unknown) => {
          this.savingSettings.set(false);
          this.settingsProblem.set(problemDetail(error));
        },
      });
  }

  protected loadCapBudget(orgUnit: string, quarter: string): void {
    this.capProblem.set(null);
    this.capBudget.load(this.investments.budget(orgUnit, quarter));
  }

  protected saveCap(change: InvestmentCapChange): void {
    this.savingSettings.set(true);
    this.capProblem.set(null);
    this.investments
      .setCap(change)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (budget) => {
          this.savingSettings.set(false);
          this.capBudget.update(() => budget);
          this.budgets.update((budgets) =>
            new Map(budgets).set(budgetKey(budget.orgUnit, budget.quarter), budget),
          );
        },
        error: (error: unknown) => {
          this.savingSettings.set(false);
          this.capProblem.set(problemDetail(error));
        },
      });
  }

  /** After a decision: the unit's quarter budget as it now stands. */
  private showBudgetOf(investment: CxInvestment): void {
    const calendar = this.calendar.value();
    if (!calendar) return;
    const quarter = quarterOfMonth(investment.period, calendar.startMonth);
    this.investments
      .budget(investment.orgUnit, quarter)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (budget) => {
          this.lastBudget.set(budget);
          this.lastBudgetLabel.set(`${investment.orgUnitName} · ${quarter}`);
        },
        error: () => this.lastBudget.set(null),
      });
  }

  private setProblem(
    target: WritableSignal<Readonly<Record<string, string>>>,
    id: string,
    problem: string | null,
  ): void {
    target.update((problems) => {
      const next = { ...problems };
      if (problem) next[id] = problem;
      else delete next[id];
      return next;
    });
  }
}
