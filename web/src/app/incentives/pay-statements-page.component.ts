import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  signal,
  untracked,
  viewChild,
  type WritableSignal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { quartersOfYear } from '@lodestar/contracts';
import type {
  FiscalCalendar,
  Inquiry,
  OrgUnitNode,
  Page,
  PayOverride,
  PayOverrideInput,
  Statement,
  StatementPeriod,
  StatementSummary,
} from '@lodestar/contracts';
import { Observable } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { unitOptions } from '../investments/investment-format';
import { currentFiscalYear } from '../metrics/period-options';
import { OrgUnitsService } from '../org/org-units.service';
import { SettingsService } from '../settings/settings.service';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../shared/confirm-dialog.component';
import { formatInteger, MONEY_CURRENCY } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import {
  EmptyStateComponent,
  ErrorStateComponent,
  InlineErrorComponent,
  LoadingComponent,
} from '../shared/page-states.component';
import { problemDetail, toShownProblem, type ShownProblem } from '../shared/problem';
import { remoteResource } from '../shared/remote-resource';
import { formatSignedMoney } from './incentive-format';
import { InquiryQueueComponent, type InquiryAnswer } from './inquiry-queue.component';
import { PayOverridesComponent, type OverrideDecision } from './pay-overrides.component';
import {
  defaultQuarter,
  fiscalYearNumber,
  fiscalYearOptions,
  formatDuration,
  INQUIRY_ANSWER_INFO,
  nextSort,
  overrideMetricLabel,
  type StatementSort,
  type StatementSortKey,
} from './pay-statements-format';
import { PayStatementsService } from './pay-statements.service';
import { StatementPeriodsComponent, type PeriodWork } from './statement-periods.component';
import { StatementTraceComponent } from './statement-trace.component';
import { StatementViewComponent } from './statement-view.component';
import { StatementsTableComponent } from './statements-table.component';

const STATEMENTS_PAGE_SIZE = 25;
const INQUIRIES_PAGE_SIZE = 20;
const OVERRIDES_PAGE_SIZE = 50;

/**
 * HR's statements: a fiscal year's quarters — recompute and close the open one, release a closed one —
 * the chosen quarter's statements with exports and the payroll file, one statement with its trace, the
 * open inquiries to answer, and pay overrides for CX inputs with too small a sample. Approvers read the
 * quarters and statements and decide the overrides.
 */
@Component({
  selector: 'ls-pay-statements-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatPaginatorModule,
    MatSelectModule,
    IconComponent,
    EmptyStateComponent,
    ErrorStateComponent,
    InlineErrorComponent,
    LoadingComponent,
    InquiryQueueComponent,
    PayOverridesComponent,
    StatementPeriodsComponent,
    StatementsTableComponent,
    StatementTraceComponent,
    StatementViewComponent,
  ],
  template: `
    <section class="ls-page wide" aria-labelledby="statements-title">
      <header class="ls-page-header">
        <div>
          <h1 id="statements-title">Statements and periods</h1>
          <p>
            Close a quarter to lock its statements for review, release them to participants, and answer their
            inquiries.
            @if (!hr()) {
              You read the statements and decide pay overrides; HR closes, releases and exports quarters.
            }
          </p>
        </div>
        <mat-form-field class="year" subscriptSizing="dynamic">
          <mat-label>Fiscal year</mat-label>
          <mat-select [value]="year()" (valueChange)="chooseYear($event)" data-testid="fiscal-year">
            @for (option of years(); track option) {
              <mat-option [value]="option">FY{{ option }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </header>

      @if (calendar.problem(); as failure) {
        <ls-error-state
          title="The fiscal calendar could not be loaded"
          [detail]="failure.detail"
          (retry)="loadCalendar()"
        />
      }

      <section class="ls-panel" aria-labelledby="quarters-title">
        <header class="ls-chart-head">
          <div>
            <h2 id="quarters-title">Quarters of FY{{ year() ?? '' }}</h2>
            <p class="ls-muted">
              An open quarter shows projections. Closing locks its statements as they stand; releasing shows
              them to the participants.
            </p>
          </div>
        </header>
        <p class="notice" role="status" data-testid="period-notice">{{ periodNotice() }}</p>
        @if (periodProblem(); as refusal) {
          <ls-inline-error
            class="pad-x"
            [detail]="refusal.detail"
            [errors]="refusal.errors"
            data-testid="period-problem"
          />
        }
        @if (periods.loading()) {
          <ls-loading label="Loading the quarters…" />
        }
        @if (periods.problem(); as failure) {
          <div class="pad">
            <ls-error-state
              title="The quarters could not be loaded"
              [detail]="failure.detail"
              (retry)="loadPeriods()"
            />
          </div>
        } @else if (yearPeriods(); as list) {
          @if (list.length) {
            <ls-statement-periods
              [periods]="list"
              [selected]="quarter()"
              [canManage]="hr()"
              [working]="working()"
              [currency]="currency()"
              (choose)="chooseQuarter($event)"
              (recompute)="recompute($event)"
              (closeQuarter)="closeQuarter($event)"
              (releaseQuarter)="releaseQuarter($event)"
            />
          } @else {
            <ls-empty-state [title]="'No quarters of FY' + year() + ' have statements yet'" icon="info">
              Statements are computed for the quarters a published plan version covers: publish one on the
              Plans page, then recompute the open quarter here.
            </ls-empty-state>
          }
        }
      </section>

      @if (quarter(); as period) {
        <section class="ls-panel" aria-labelledby="list-title">
          <header class="ls-chart-head">
            <div>
              <h2 id="list-title">Statements · {{ period }}</h2>
              <p class="ls-muted">Open one for its components, adjustments and calculation trace.</p>
            </div>
            @if (hr()) {
              <nav class="exports" aria-label="Download the statements of {{ period }}">
                <a mat-stroked-button [href]="exportUrl(period, 'csv')" download data-testid="export-csv">
                  <ls-icon name="download" />Export CSV
                </a>
                <a mat-stroked-button [href]="exportUrl(period, 'xlsx')" download data-testid="export-xlsx">
                  <ls-icon name="download" />Export Excel
                </a>
                @if (quarterStatus() === 'RELEASED') {
                  <a mat-flat-button [href]="payrollUrl(period)" download data-testid="payroll-csv">
                    <ls-icon name="download" />Payroll CSV
                  </a>
                }
              </nav>
            }
          </header>
          @if (statements.loading()) {
            <ls-loading [label]="'Loading the statements of ' + period + '…'" />
          }
          @if (statements.problem(); as failure) {
            <div class="pad">
              <ls-error-state
                title="The statements could not be loaded"
                [detail]="failure.detail"
                (retry)="loadStatements()"
              />
            </div>
          } @else if (statements.value(); as page) {
            @if (page.items.length) {
              <ls-statements-table
                [statements]="page.items"
                [selectedId]="openedId()"
                [sort]="sort()"
                [caption]="'Statements of ' + period"
                (open)="openStatement($event.id)"
                (sortBy)="sortBy($event)"
              />
              <mat-paginator
                [length]="page.total"
                [pageIndex]="page.page - 1"
                [pageSize]="statementsPageSize()"
                [pageSizeOptions]="[10, 25, 50, 100]"
                (page)="changeStatementsPage($event)"
                aria-label="Pages of statements"
              />
            } @else {
              <ls-empty-state [title]="'No statements for ' + period + ' yet'" icon="file">
                {{ emptyStatementsHint() }}
              </ls-empty-state>
            }
          }
        </section>
      }

      @if (openedId()) {
        <section class="ls-panel detail" aria-labelledby="statement-title" data-testid="statement-detail">
          <header class="ls-chart-head">
            <div>
              <h2 id="statement-title" tabindex="-1" #statementTitle>{{ openedTitle() }}</h2>
              <p class="ls-muted">What the participant sees, and how each figure was computed.</p>
            </div>
            <button mat-button type="button" (click)="closeStatement()">
              <ls-icon name="close" />Close statement
            </button>
          </header>
          @if (opened.loading()) {
            <ls-loading label="Loading the statement…" />
          }
          @if (opened.problem(); as failure) {
            <div class="pad">
              <ls-error-state
                title="The statement could not be loaded"
                [detail]="failure.detail"
                (retry)="reopenStatement()"
              />
            </div>
          } @else if (opened.value(); as statement) {
            <div class="statement">
              <ls-statement-view [statement]="statement" [currency]="statement.currency" />
              <ls-statement-trace [trace]="statement.trace" />
            </div>
          }
        </section>
      }

      @if (hr()) {
        <section class="ls-panel" aria-labelledby="inquiries-title" data-testid="inquiries">
          <header class="ls-chart-head">
            <div>
              <h2 id="inquiries-title">Open inquiries</h2>
              <p class="ls-muted">
                Participants’ questions about their statements, newest first. An adjustment is paid or
                recouped in the next open quarter.
              </p>
            </div>
          </header>
          <p class="notice" role="status" data-testid="inquiry-notice">{{ inquiryNotice() }}</p>
          @if (inquiries.loading()) {
            <ls-loading label="Loading the open inquiries…" />
          }
          @if (inquiries.problem(); as failure) {
            <div class="pad">
              <ls-error-state
                title="The inquiries could not be loaded"
                [detail]="failure.detail"
                (retry)="loadInquiries()"
              />
            </div>
          } @else if (inquiries.value(); as page) {
            @if (page.items.length) {
              <ls-inquiry-queue
                [inquiries]="page.items"
                [busyId]="answering()"
                [problems]="inquiryProblems()"
                [currency]="currency()"
                [now]="now()"
                (answer)="answerInquiry($event)"
                (openStatement)="openStatement($event.statementId)"
              />
              @if (page.total > page.pageSize) {
                <mat-paginator
                  [length]="page.total"
                  [pageIndex]="page.page - 1"
                  [pageSize]="inquiriesPageSize"
                  [hidePageSize]="true"
                  (page)="changeInquiriesPage($event)"
                  aria-label="Pages of open inquiries"
                />
              }
            } @else {
              <ls-empty-state title="No open inquiries" icon="ok" data-testid="no-inquiries">
                When a participant raises an inquiry about a statement, it waits here for your answer.
              </ls-empty-state>
            }
          }
        </section>
      }

      <section class="ls-panel" aria-labelledby="overrides-title" data-testid="overrides">
        <header class="ls-chart-head">
          <div>
            <h2 id="overrides-title">Pay overrides</h2>
            <p class="ls-muted">
              A CX result with too small a sample pays at the unit’s trailing twelve months, its parent unit
              or at target. HR may enter a fairer value with a reason; it counts for pay once an approver
              approves it.
            </p>
          </div>
        </header>
        <p class="notice" role="status" data-testid="override-notice">{{ overrideNotice() }}</p>
        @if (overrides.loading()) {
          <ls-loading label="Loading the pay overrides…" />
        }
        @if (overrides.problem(); as failure) {
          <div class="pad">
            <ls-error-state
              title="The pay overrides could not be loaded"
              [detail]="failure.detail"
              (retry)="loadOverrides()"
            />
          </div>
        } @else if (overrides.value(); as page) {
          <ls-pay-overrides
            [overrides]="page.items"
            [units]="units()"
            [quarters]="overrideQuarters()"
            [defaultQuarter]="openQuarter() ?? quarter() ?? ''"
            [canEnter]="hr()"
            [approver]="approver()"
            [userId]="userId()"
            [entering]="entering()"
            [enterProblem]="enterProblem()"
            [busyId]="decidingOverride()"
            [problems]="overrideProblems()"
            (enter)="enterOverride($event)"
            (decide)="decideOverride($event)"
          />
          @if (page.total > page.pageSize) {
            <mat-paginator
              [length]="page.total"
              [pageIndex]="page.page - 1"
              [pageSize]="overridesPageSize"
              [hidePageSize]="true"
              (page)="changeOverridesPage($event)"
              aria-label="Pages of pay overrides"
            />
          }
        }
      </section>
    </section>
  `,
  styles: `
    .wide {
      --ls-page-max: 1480px;
    }
    .year {
      width: 160px;
    }
    .pad {
      padding: 12px 16px;
    }
    .pad-x {
      margin: 0 16px 10px;
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
    .exports {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-left: auto;
    }
    .statement {
      display: flex;
      flex-direction: column;
      gap: 16px;
      padding: 0 16px 16px;
    }
    h2[tabindex='-1']:focus {
      outline: none;
    }
  `,
})
export class PayStatementsPageComponent {
  private readonly service = inject(PayStatementsService);
  private readonly settings = inject(SettingsService);
  private readonly orgUnits = inject(OrgUnitsService);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly statementTitle = viewChild<ElementRef<HTMLElement>>('statementTitle');
  private readonly overrideForm = viewChild(PayOverridesComponent);

  protected readonly calendar = remoteResource<FiscalCalendar>();
  protected readonly periods = remoteResource<StatementPeriod[]>({ clearOnError: true });
  protected readonly statements = remoteResource<Page<StatementSummary>>({ clearOnError: true });
  protected readonly opened = remoteResource<Statement>({ clearOnError: true });
  protected readonly inquiries = remoteResource<Page<Inquiry>>();
  protected readonly overrides = remoteResource<Page<PayOverride>>();
  private readonly tree = remoteResource<OrgUnitNode[]>();

  protected readonly hr = computed(() => this.auth.roles().includes('HR'));
  protected readonly approver = computed(() => this.auth.roles().includes('APPROVER'));
  protected readonly userId = computed(() => this.auth.user()?.id ?? null);

  private readonly chosenYear = signal<number | null>(null);
  protected readonly currentYear = computed(() => {
    const calendar = this.calendar.value();
    return calendar ? fiscalYearNumber(currentFiscalYear(calendar.startMonth, calendar.timeZone)) : null;
  });
  protected readonly year = computed(() => this.chosenYear() ?? this.currentYear());
  protected readonly years = computed(() => {
    const current = this.currentYear();
    if (current === null) return [];
    const options = fiscalYearOptions(current);
    const chosen = this.chosenYear();
    return chosen !== null && !options.includes(chosen) ? [...options, chosen] : options;
  });

  /** The chosen year's quarters (not the previous year's while the new year's are on their way). */
  protected readonly yearPeriods = computed(() => {
    const list = this.periods.value();
    const prefix = `FY${this.year()}-`;
    return list ? list.filter((period) => period.period.startsWith(prefix)) : null;
  });
  private readonly chosenQuarter = signal<string | null>(null);
  protected readonly quarter = computed(() => defaultQuarter(this.yearPeriods() ?? [], this.chosenQuarter()));
  protected readonly quarterStatus = computed(
    () => this.yearPeriods()?.find((period) => period.period === this.quarter())?.status ?? null,
  );
  protected readonly openQuarter = computed(
    () => this.yearPeriods()?.find((period) => period.status === 'OPEN')?.period ?? null,
  );
  protected readonly overrideQuarters = computed(() => {
    const year = this.year();
    return year === null ? [] : quartersOfYear(year);
  });

  protected readonly statementsPage = signal(1);
  protected readonly statementsPageSize = signal(STATEMENTS_PAGE_SIZE);
  protected readonly sort = signal<StatementSort | null>(null);
  protected readonly openedId = signal<string | null>(null);
  private readonly openedName = signal<string | null>(null);
  protected readonly openedTitle = computed(() => {
    const statement = this.opened.value();
    if (statement?.id === this.openedId())
      return `Statement of ${statement.participant.name} · ${statement.period}`;
    return this.openedName() ? `Statement of ${this.openedName()}` : 'Statement';
  });

  protected readonly currency = computed(
    () => this.statements.value()?.items[0]?.currency ?? this.opened.value()?.currency ?? MONEY_CURRENCY,
  );

  protected readonly working = signal<PeriodWork | null>(null);
  protected readonly periodNotice = signal('');
  protected readonly periodProblem = signal<ShownProblem | null>(null);

  protected readonly inquiriesPageSize = INQUIRIES_PAGE_SIZE;
  private readonly inquiriesPage = signal(1);
  protected readonly now = signal(new Date());
  protected readonly answering = signal<string | null>(null);
  protected readonly inquiryProblems = signal<Readonly<Record<string, string>>>({});
  protected readonly inquiryNotice = signal('');

  protected readonly units = computed(() => unitOptions(this.tree.value() ?? []));
  protected readonly overridesPageSize = OVERRIDES_PAGE_SIZE;
  private readonly overridesPage = signal(1);
  protected readonly entering = signal(false);
  protected readonly enterProblem = signal<ShownProblem | null>(null);
  protected readonly decidingOverride = signal<string | null>(null);
  protected readonly overrideProblems = signal<Readonly<Record<string, string>>>({});
  protected readonly overrideNotice = signal('');

  protected readonly emptyStatementsHint = computed(() =>
    this.quarterStatus() === 'OPEN'
      ? this.hr()
        ? 'Recompute the projections of this quarter to compute a statement for every participant of a published plan.'
        : 'HR recomputes the projections of the open quarter; its statements show here then.'
      : 'No participant had a plan in this quarter when it was closed.',
  );

  constructor() {
    this.loadCalendar();
    this.loadOverrides();
    if (this.hr()) {
      this.loadInquiries();
      this.tree.load(this.orgUnits.tree());
    }
    // The year's quarters, whenever the year changes (once the calendar says which is current).
    effect(() => {
      if (this.year() !== null) untracked(() => this.loadPeriods());
    });
    // The chosen quarter's statements, from the first page, whenever another quarter is shown; the quarter
    // shown stays shown when a close or release changes which one would be picked first.
    effect(() => {
      const quarter = this.quarter();
      if (quarter !== null) {
        untracked(() => {
          this.chosenQuarter.set(quarter);
          this.statementsPage.set(1);
          this.loadStatements();
        });
      }
    });
  }

  loadCalendar(): void {
    this.calendar.load(this.settings.fiscalCalendar());
  }

  loadPeriods(): void {
    const year = this.year();
    if (year !== null) this.periods.load(this.service.periods(year));
  }

  loadStatements(): void {
    const period = this.quarter();
    if (period === null) return;
    this.statements.load(this.service.statements(period, this.statementsPage(), this.statementsPageSize()));
  }

  loadInquiries(): void {
    this.now.set(new Date());
    this.inquiries.load(this.service.inquiries('OPEN', this.inquiriesPage(), INQUIRIES_PAGE_SIZE));
  }

  loadOverrides(): void {
    this.overrides.load(this.service.overrides(this.overridesPage(), OVERRIDES_PAGE_SIZE));
  }

  protected chooseYear(year: number): void {
    this.chosenYear.set(year);
    this.chosenQuarter.set(null);
    this.periodNotice.set('');
    this.periodProblem.set(null);
  }

  protected chooseQuarter(period: string): void {
    this.chosenQuarter.set(period);
  }

  protected exportUrl(period: string, format: 'csv' | 'xlsx'): string {
    return this.service.exportUrl(period, format);
  }

  protected payrollUrl(period: string): string {
    return this.service.payrollUrl(period);
  }

  protected changeStatementsPage(event: PageEvent): void {
    this.statementsPage.set(event.pageIndex + 1);
    this.statementsPageSize.set(event.pageSize);
    this.loadStatements();
  }

  protected sortBy(key: StatementSortKey): void {
    this.sort.update((current) => nextSort(current, key));
  }

  protected changeOverridesPage(event: PageEvent): void {
    this.overridesPage.set(event.pageIndex + 1);
    this.loadOverrides();
  }

  protected changeInquiriesPage(event: PageEvent): void {
    this.inquiriesPage.set(event.pageIndex + 1);
    this.loadInquiries();
  }

  // ───────────────────────────── one statement ─────────────────────────────

  protected openStatement(id: string): void {
    const known =
      this.statements.value()?.items.find((item) => item.id === id)?.participant.name ??
      this.inquiries.value()?.items.find((item) => item.statementId === id)?.raisedBy.name ??
      null;
    this.openedName.set(known);
    this.openedId.set(id);
    this.opened.load(this.service.statement(id));
    afterNextRender(
      () => {
        const title = this.statementTitle()?.nativeElement;
        title?.focus();
        title?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
      },
      { injector: this.injector },
    );
  }

  protected reopenStatement(): void {
    const id = this.openedId();
    if (id) this.opened.load(this.service.statement(id));
  }

  protected closeStatement(): void {
    this.openedId.set(null);
    this.openedName.set(null);
  }

  // ───────────────────────────── quarters ─────────────────────────────

  protected recompute(period: StatementPeriod): void {
    this.run(
      { period: period.period, action: 'recompute' },
      this.service.recompute(period.period),
      (result) =>
        this.periodNotice.set(
          `Recomputed ${this.statementCount(result.statements)} for ${result.period} in ${formatDuration(result.milliseconds)}.`,
        ),
    );
  }

  protected closeQuarter(period: StatementPeriod): void {
    this.confirm({
      title: `Close ${period.period}?`,
      message:
        `Its ${this.statementCount(period.statements)} become locked snapshots for review and no longer follow the ` +
        `results. A later restatement of an input does not change them: it becomes a prior-period adjustment in ` +
        `the next open quarter’s statements. Participants see them once you release the quarter.`,
      confirm: 'Close quarter',
    }).subscribe((confirmed) => {
      if (!confirmed) return;
      this.run({ period: period.period, action: 'close' }, this.service.close(period.period), () =>
        this.periodNotice.set(
          `${period.period} is closed: its statements are locked for review. Release it to the participants when they are checked.`,
        ),
      );
    });
  }

  protected releaseQuarter(period: StatementPeriod): void {
    this.confirm({
      title: `Release ${period.period} to participants?`,
      message:
        `Each participant sees their statement of ${period.period} and can raise an inquiry about it, and the ` +
        `quarter’s payroll CSV becomes available. A release cannot be taken back.`,
      confirm: 'Release',
    }).subscribe((confirmed) => {
      if (!confirmed) return;
      this.run({ period: period.period, action: 'release' }, this.service.release(period.period), () =>
        this.periodNotice.set(
          `${period.period} is released: ${this.statementCount(period.statements)} ${period.statements === 1 ? 'is' : 'are'} visible to the participants, and the payroll CSV can be downloaded.`,
        ),
      );
    });
  }

  /** A quarter's action: progress while it runs, then the quarters and (when it is shown) its statements again. */
  private run<T>(work: PeriodWork, request: Observable<T>, done: (result: T) => void): void {
    this.working.set(work);
    this.periodNotice.set('');
    this.periodProblem.set(null);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (result) => {
        this.working.set(null);
        done(result);
        this.loadPeriods();
        if (this.quarter() === work.period) this.loadStatements();
        if (this.openedId()) this.reopenStatement();
      },
      error: (error: unknown) => {
        this.working.set(null);
        this.periodProblem.set(toShownProblem(error));
      },
    });
  }

  private confirm(data: ConfirmDialogData): Observable<boolean | undefined> {
    return this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
        data,
        width: '480px',
        maxWidth: 'calc(100vw - 32px)',
      })
      .afterClosed();
  }

  private statementCount(count: number): string {
    return `${formatInteger(count)} ${count === 1 ? 'statement' : 'statements'}`;
  }

  // ───────────────────────────── inquiries ─────────────────────────────

  protected answerInquiry({ inquiry, answer }: InquiryAnswer): void {
    this.answering.set(inquiry.id);
    this.inquiryNotice.set('');
    this.setProblem(this.inquiryProblems, inquiry.id, null);
    this.service
      .answerInquiry(inquiry.id, answer)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (answered) => {
          this.answering.set(null);
          const outcome = INQUIRY_ANSWER_INFO[answer.status].label.toLowerCase();
          const amount =
            answered.adjustment !== null
              ? ` with ${formatSignedMoney(answered.adjustment, this.currency())} in the next open quarter`
              : '';
          this.inquiryNotice.set(
            `${outcome[0].toUpperCase()}${outcome.slice(1)} the inquiry of ${inquiry.raisedBy.name} about ${inquiry.period}${amount}.`,
          );
          this.loadInquiries();
          if (this.quarter() !== null) this.loadStatements();
        },
        error: (error: unknown) => {
          this.answering.set(null);
          this.setProblem(this.inquiryProblems, inquiry.id, problemDetail(error));
        },
      });
  }

  // ───────────────────────────── pay overrides ─────────────────────────────

  protected enterOverride(input: PayOverrideInput): void {
    this.entering.set(true);
    this.enterProblem.set(null);
    this.overrideNotice.set('');
    this.service
      .enterOverride(input)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (entered) => {
          this.entering.set(false);
          this.overrideForm()?.reset();
          this.overrideNotice.set(
            `Entered ${overrideMetricLabel(entered.metric)} ${entered.value} for ${entered.orgUnit.name}, ${entered.period}. It counts for pay once an approver approves it.`,
          );
          this.loadOverrides();
        },
        error: (error: unknown) => {
          this.entering.set(false);
          this.enterProblem.set(toShownProblem(error));
        },
      });
  }

  protected decideOverride({ override, approve, reason }: OverrideDecision): void {
    this.decidingOverride.set(override.id);
    this.overrideNotice.set('');
    this.setProblem(this.overrideProblems, override.id, null);
    this.service
      .decideOverride(override.id, approve ? { approve } : { approve, reason })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (decided) => {
          this.decidingOverride.set(null);
          const what = `${overrideMetricLabel(decided.metric)} ${decided.value} for ${decided.orgUnit.name}, ${decided.period}`;
          this.overrideNotice.set(
            decided.status === 'APPROVED'
              ? `Approved ${what}: it counts for pay from the next recompute.`
              : `Rejected ${what}; ${decided.enteredBy.name} sees it rejected.`,
          );
          this.loadOverrides();
        },
        error: (error: unknown) => {
          this.decidingOverride.set(null);
          this.setProblem(this.overrideProblems, override.id, problemDetail(error));
        },
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
