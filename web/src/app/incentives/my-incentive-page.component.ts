import { NgTemplateOutlet } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type {
  Inquiry,
  MyIncentive,
  MyParticipation,
  RaiseInquiryRequest,
  Statement,
  StatementSummary,
} from '@lodestar/contracts';
import { formatDate, formatDateTime } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import {
  EmptyStateComponent,
  ErrorStateComponent,
  InlineErrorComponent,
  LoadingComponent,
} from '../shared/page-states.component';
import { toShownProblem, type ShownProblem } from '../shared/problem';
import { remoteResource } from '../shared/remote-resource';
import {
  formatPayout,
  formatStatementMoney,
  STATEMENT_STATUS_INFO,
  type LabelInfo,
} from './incentive-format';
import { InquiryFormComponent } from './inquiry-form.component';
import { InquiryListComponent } from './inquiry-list.component';
import { MyIncentiveService } from './my-incentive.service';
import { StatementTraceComponent } from './statement-trace.component';
import { StatementViewComponent } from './statement-view.component';
import { WhatItTakesComponent } from './what-it-takes.component';

/** A published version waiting for the participant's acknowledgement (or just acknowledged). */
interface AcknowledgementBanner {
  versionId: string;
  planName: string;
  versionNumber: number;
  effectiveFrom: string;
  orgUnit: string;
  annualTargetBonus: string;
  acknowledgedAt: string | null;
}

interface HistoryRow {
  id: string;
  period: string;
  status: LabelInfo;
  payout: string;
  payable: string;
  openInquiries: number;
}

const NOT_ALLOWED =
  'You are not allowed to see this. If you think you should be, ask HR to add you to a plan version.';

/** The sentence a person reads for a failed request; a refusal without the API's own sentence gets one. */
function sentenceOf(problem: ShownProblem): string {
  if (problem.status === 403 && /^The request failed/.test(problem.detail)) return NOT_ALLOWED;
  return problem.detail;
}

/** One banner per published version not yet acknowledged, each version once. */
export function acknowledgementBanners(
  participations: readonly MyParticipation[],
  acknowledgedHere: ReadonlySet<string>,
  currency: string,
): AcknowledgementBanner[] {
  const seen = new Set<string>();
  const banners: AcknowledgementBanner[] = [];
  for (const participation of participations) {
    const version = participation.version;
    if (version.status !== 'PUBLISHED' || seen.has(version.id)) continue;
    if (participation.acknowledgedAt !== null && !acknowledgedHere.has(version.id)) continue;
    seen.add(version.id);
    banners.push({
      versionId: version.id,
      planName: participation.plan.name,
      versionNumber: version.number,
      effectiveFrom: version.effectiveFrom,
      orgUnit: participation.orgUnit.name,
      annualTargetBonus: formatStatementMoney(participation.annualTargetBonus, currency),
      acknowledgedAt: participation.acknowledgedAt,
    });
  }
  return banners;
}

/**
 * My incentive (executives): the plan versions to acknowledge, the open quarter's projection with what
 * it takes to reach target and its calculation, the past statements — each opens with its calculation
 * trace — and inquiries on any of them. What a person sees is the API's decision: the page asks for
 * `me` and for the statements `me` listed, never for anyone else's.
 */
@Component({
  selector: 'ls-my-incentive-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    MatButtonModule,
    IconComponent,
    EmptyStateComponent,
    ErrorStateComponent,
    InlineErrorComponent,
    LoadingComponent,
    InquiryFormComponent,
    InquiryListComponent,
    StatementTraceComponent,
    StatementViewComponent,
    WhatItTakesComponent,
  ],
  template: `
    <section class="ls-page" aria-labelledby="my-incentive-title">
      <header class="ls-page-header ls-print-hide">
        <div>
          <h1 id="my-incentive-title">My incentive</h1>
          <p>
            Your plan, this quarter's projection and what it takes to reach target, and your statements with
            the calculation behind each figure.
          </p>
        </div>
      </header>

      @if (me.loading() && !me.value()) {
        <ls-loading label="Loading your incentive…" />
      }

      @if (me.problem(); as failure) {
        <ls-error-state
          [title]="
            failure.status === 403 ? 'This page is not open to you' : 'Your incentive could not be loaded'
          "
          [detail]="sentence(failure)"
          [retryable]="failure.status !== 403"
          (retry)="load()"
        />
      } @else if (me.value(); as mine) {
        @if (notInAPlan()) {
          <div class="ls-panel">
            <ls-empty-state
              title="You are not in an incentive plan yet"
              icon="info"
              data-testid="not-in-plan"
            >
              You are not in an incentive plan yet — HR adds participants to a plan version.
            </ls-empty-state>
          </div>
        } @else {
          @for (banner of banners(); track banner.versionId) {
            <section
              class="banner ls-print-hide"
              [class.done]="banner.acknowledgedAt"
              [attr.aria-labelledby]="'ack-' + banner.versionId"
              data-testid="acknowledgement"
              [attr.data-version]="banner.versionId"
            >
              <ls-icon [name]="banner.acknowledgedAt ? 'ok' : 'info'" />
              <div class="banner-text">
                <h2 [id]="'ack-' + banner.versionId">
                  {{ banner.planName }}, version {{ banner.versionNumber }}
                </h2>
                @if (banner.acknowledgedAt) {
                  <p role="status" data-testid="acknowledged">
                    You acknowledged this version on {{ dateTime(banner.acknowledgedAt) }}.
                  </p>
                } @else {
                  <p>
                    Published, in effect from {{ banner.effectiveFrom }}: the results of
                    {{ banner.orgUnit }} count, with an annual target bonus of {{ banner.annualTargetBonus }}.
                    Please confirm you have read it.
                  </p>
                  @if (ackProblems()[banner.versionId]; as problem) {
                    <ls-inline-error [detail]="problem" data-testid="acknowledge-problem" />
                  }
                }
              </div>
              @if (!banner.acknowledgedAt) {
                <button
                  mat-flat-button
                  type="button"
                  [disabled]="acknowledging() === banner.versionId"
                  (click)="acknowledge(banner.versionId)"
                  data-testid="acknowledge"
                >
                  <ls-icon name="check" />{{
                    acknowledging() === banner.versionId ? 'Acknowledging…' : 'Acknowledge'
                  }}
                </button>
              }
            </section>
          }

          <section
            class="ls-panel"
            [class.ls-print-hide]="selectedId()"
            aria-labelledby="current-title"
            data-testid="current"
          >
            <header class="ls-chart-head">
              <div>
                <h2 id="current-title">
                  This quarter{{ mine.current ? ': ' + mine.current.period : '' }}
                  @if (mine.current) {
                    <span class="projection-word">(projection)</span>
                  }
                </h2>
                @if (!mine.current) {
                  <p class="ls-muted">The open quarter's projection, from the results so far.</p>
                }
              </div>
            </header>
            @if (mine.current; as current) {
              <div class="body">
                <ng-container
                  [ngTemplateOutlet]="statementBlock"
                  [ngTemplateOutletContext]="{ $implicit: current, currency: mine.currency }"
                />
              </div>
            } @else {
              <ls-empty-state title="No projection for the open quarter yet" icon="history">
                It appears once a plan version you take part in applies to this quarter and its first results
                are in.
              </ls-empty-state>
            }
          </section>

          <section class="ls-panel ls-print-hide" aria-labelledby="history-title" data-testid="history">
            <header class="ls-chart-head">
              <div>
                <h2 id="history-title">Statements</h2>
                <p class="ls-muted">
                  Closed quarters, newest first. A closed quarter is in review until HR releases it; you can
                  open it meanwhile.
                </p>
              </div>
            </header>
            @if (history().length) {
              <table class="ls-data-table history">
                <caption class="ls-visually-hidden">
                  Your statements; open one to see it with its calculation
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Quarter</th>
                    <th scope="col">Status</th>
                    <th scope="col" class="ls-num">Payout</th>
                    <th scope="col" class="ls-num">Payable</th>
                    <th scope="col" class="ls-num">Open inquiries</th>
                  </tr>
                </thead>
                <tbody>
                  @for (row of history(); track row.id) {
                    <tr
                      class="history-row"
                      [class.selected]="row.id === selectedId()"
                      (click)="open(row.id)"
                      data-testid="history-row"
                      [attr.data-statement]="row.id"
                    >
                      <th scope="row">
                        <button
                          type="button"
                          class="open"
                          [attr.aria-pressed]="row.id === selectedId()"
                          [attr.aria-label]="'Open the statement of ' + row.period"
                          (click)="$event.stopPropagation(); open(row.id)"
                        >
                          {{ row.period }}<ls-icon name="chevronRight" />
                        </button>
                      </th>
                      <td>
                        <span class="ls-status-chip" [attr.data-status]="row.status.tone">
                          <ls-icon [name]="row.status.icon" />
                          <span>{{ row.status.label }}</span>
                        </span>
                      </td>
                      <td class="ls-num">{{ row.payout }}</td>
                      <td class="ls-num">{{ row.payable }}</td>
                      <td class="ls-num">{{ row.openInquiries }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            } @else {
              <ls-empty-state title="No closed statements yet" icon="history">
                A quarter's statement appears here once HR closes the quarter.
              </ls-empty-state>
            }
          </section>

          @if (selectedId()) {
            <section class="ls-panel" aria-labelledby="selected-title" data-testid="selected">
              <header class="ls-chart-head ls-print-hide">
                <div>
                  <h2 id="selected-title" tabindex="-1" #selectedHeading>
                    Past statement: {{ selectedPeriod() }}
                  </h2>
                </div>
                <button mat-button type="button" class="ls-print-hide" (click)="closeSelected()">
                  <ls-icon name="close" />Close
                </button>
              </header>
              @if (selected.loading()) {
                <ls-loading [label]="'Loading the statement of ' + selectedPeriod() + '…'" />
              }
              @if (selected.problem(); as failure) {
                <div class="body">
                  <ls-error-state
                    title="This statement could not be loaded"
                    [detail]="sentence(failure)"
                    [retryable]="failure.status !== 403"
                    (retry)="open(selectedId()!)"
                  />
                </div>
              } @else if (selected.value(); as statement) {
                <div class="body">
                  <ng-container
                    [ngTemplateOutlet]="statementBlock"
                    [ngTemplateOutletContext]="{ $implicit: statement, currency: mine.currency }"
                  />
                </div>
              }
            </section>
          }
        }
      }
    </section>

    <ng-template #statementBlock let-statement let-currency="currency">
      <ls-statement-view [statement]="statement" [currency]="currency" />

      @if (statement.whatItTakes?.length) {
        <section
          class="part"
          [attr.aria-labelledby]="'wit-' + statement.id"
          data-testid="what-it-takes-section"
        >
          <h3 [id]="'wit-' + statement.id">What it takes</h3>
          <p class="ls-muted hint">
            Per component: the value that pays target, and the best payout still reachable this quarter.
          </p>
          <ls-what-it-takes [statement]="statement" />
        </section>
      }

      <div class="part">
        <ls-statement-trace [trace]="statement.trace" [currency]="currency" />
      </div>

      <section class="part inquiries ls-print-hide" [attr.aria-labelledby]="'inq-' + statement.id">
        <div class="inquiries-head">
          <h3 [id]="'inq-' + statement.id">Inquiries</h3>
          @if (inquiryFor() !== statement.id) {
            <button
              mat-stroked-button
              type="button"
              (click)="startInquiry(statement.id)"
              data-testid="raise-inquiry"
            >
              <ls-icon name="forum" />Raise an inquiry
            </button>
          }
        </div>
        @if (inquiryNotice()?.statementId === statement.id) {
          <p class="notice" role="status" data-testid="inquiry-notice">{{ inquiryNotice()?.text }}</p>
        }
        @if (inquiryFor() === statement.id) {
          <ls-inquiry-form
            [period]="statement.period"
            [submitting]="raising()"
            [problem]="inquiryProblem()"
            (raise)="raiseInquiry(statement.id, $event)"
            (cancelled)="inquiryFor.set(null)"
          />
        }
        <ls-inquiry-list [inquiries]="statement.inquiries" [currency]="currency" />
      </section>
    </ng-template>
  `,
  styles: `
    .body {
      padding: 4px 16px 16px;
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .part h3 {
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
      font-weight: 600;
    }
    .hint {
      margin: 0 0 8px;
      font-size: 0.85rem;
    }
    .projection-word {
      font-weight: 400;
      color: var(--ls-muted);
    }
    .banner {
      display: flex;
      align-items: center;
      gap: 12px 16px;
      flex-wrap: wrap;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .banner.done {
      background: var(--ls-ok-container);
      color: var(--ls-ok);
    }
    .banner-text {
      flex: 1 1 320px;
    }
    .banner h2 {
      margin: 0 0 2px;
      font: var(--mat-sys-title-small);
      font-weight: 600;
    }
    .banner p {
      margin: 0;
    }
    .history {
      border-collapse: collapse;
    }
    .history th,
    .history td {
      padding: 6px 16px;
      text-align: left;
      border-bottom: 1px solid var(--ls-border);
    }
    .history .ls-num {
      text-align: right;
    }
    .history-row {
      cursor: pointer;
    }
    .history-row:hover,
    .history-row.selected {
      background: var(--mat-sys-surface-container);
    }
    .open {
      display: inline-flex;
      align-items: center;
      gap: 2px;
      border: 0;
      background: none;
      padding: 2px 0;
      font: inherit;
      font-weight: 600;
      color: var(--mat-sys-primary);
      cursor: pointer;
      --ls-icon-size: 18px;
    }
    .inquiries-head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      flex-wrap: wrap;
      margin-bottom: 8px;
    }
    .inquiries {
      display: flex;
      flex-direction: column;
      gap: 8px;
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
export class MyIncentivePageComponent {
  private readonly incentives = inject(MyIncentiveService);
  private readonly injector = inject(Injector);
  private readonly selectedHeading = viewChild<ElementRef<HTMLElement>>('selectedHeading');

  protected readonly me = remoteResource<MyIncentive>();
  protected readonly selected = remoteResource<Statement>({ clearOnError: true });
  protected readonly selectedId = signal<string | null>(null);

  protected readonly acknowledging = signal<string | null>(null);
  protected readonly ackProblems = signal<Readonly<Record<string, string>>>({});
  private readonly acknowledgedHere = signal<ReadonlySet<string>>(new Set());

  protected readonly inquiryFor = signal<string | null>(null);
  protected readonly raising = signal(false);
  protected readonly inquiryProblem = signal<ShownProblem | null>(null);
  protected readonly inquiryNotice = signal<{ statementId: string; text: string } | null>(null);

  protected readonly sentence = sentenceOf;
  protected readonly dateTime = formatDateTime;

  protected readonly notInAPlan = computed(() => {
    const mine = this.me.value();
    return !!mine && mine.participations.length === 0 && mine.current === null && mine.history.length === 0;
  });

  protected readonly banners = computed(() => {
    const mine = this.me.value();
    return mine ? acknowledgementBanners(mine.participations, this.acknowledgedHere(), mine.currency) : [];
  });

  protected readonly history = computed((): HistoryRow[] => {
    const mine = this.me.value();
    if (!mine) return [];
    return mine.history.map((summary: StatementSummary) => ({
      id: summary.id,
      period: summary.period,
      status: STATEMENT_STATUS_INFO[summary.status],
      payout: formatPayout(summary.totalPayout),
      payable: formatStatementMoney(summary.payable, summary.currency || mine.currency),
      openInquiries: summary.openInquiries,
    }));
  });

  protected readonly selectedPeriod = computed(() => {
    const id = this.selectedId();
    return this.me.value()?.history.find((summary) => summary.id === id)?.period ?? '';
  });

  /** Moves focus to an opened statement once it has loaded, so keyboard and screen-reader users land on it. */
  private focusSelected = false;

  constructor() {
    this.load();
    effect(() => {
      const statement = this.selected.value();
      if (!statement || !this.focusSelected) return;
      untracked(() =>
        afterNextRender(
          () => {
            if (!this.focusSelected) return;
            this.focusSelected = false;
            const heading = this.selectedHeading()?.nativeElement;
            heading?.focus();
            heading?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
          },
          { injector: this.injector },
        ),
      );
    });
  }

  load(): void {
    this.me.load(this.incentives.me());
  }

  protected open(id: string): void {
    this.selectedId.set(id);
    this.focusSelected = true;
    this.inquiryNotice.set(null);
    this.selected.load(this.incentives.statement(id));
  }

  protected closeSelected(): void {
    this.selectedId.set(null);
    this.selected.update(() => null);
  }

  protected acknowledge(versionId: string): void {
    if (this.acknowledging()) return;
    this.acknowledging.set(versionId);
    this.setAckProblem(versionId, null);
    this.incentives.acknowledge(versionId).subscribe({
      next: ({ acknowledgedAt }) => {
        this.acknowledging.set(null);
        this.acknowledgedHere.update((versions) => new Set([...versions, versionId]));
        this.me.update((mine) =>
          mine
            ? {
                ...mine,
                participations: mine.participations.map((participation) =>
                  participation.version.id === versionId
                    ? { ...participation, acknowledgedAt }
                    : participation,
                ),
              }
            : mine,
        );
      },
      error: (error: unknown) => {
        this.acknowledging.set(null);
        this.setAckProblem(versionId, sentenceOf(toShownProblem(error)));
      },
    });
  }

  protected startInquiry(statementId: string): void {
    this.inquiryFor.set(statementId);
    this.inquiryProblem.set(null);
    this.inquiryNotice.set(null);
  }

  protected raiseInquiry(statementId: string, request: RaiseInquiryRequest): void {
    if (this.raising()) return;
    this.raising.set(true);
    this.inquiryProblem.set(null);
    this.incentives.raiseInquiry(statementId, request).subscribe({
      next: (inquiry) => {
        this.raising.set(false);
        this.inquiryFor.set(null);
        this.addInquiry(statementId, inquiry);
        this.inquiryNotice.set({
          statementId,
          text: `Your inquiry on ${inquiry.period} was sent to HR on ${formatDate(inquiry.createdAt.slice(0, 10))}. Its status shows here.`,
        });
      },
      error: (error: unknown) => {
        this.raising.set(false);
        const problem = toShownProblem(error);
        this.inquiryProblem.set({ ...problem, detail: sentenceOf(problem) });
      },
    });
  }

  private addInquiry(statementId: string, inquiry: Inquiry): void {
    const withInquiry = (statement: Statement): Statement => ({
      ...statement,
      inquiries: [inquiry, ...statement.inquiries],
      openInquiries: statement.openInquiries + (inquiry.status === 'OPEN' ? 1 : 0),
    });
    this.me.update((mine) => {
      if (!mine) return mine;
      return {
        ...mine,
        current: mine.current?.id === statementId ? withInquiry(mine.current) : mine.current,
        history: mine.history.map((summary) =>
          summary.id === statementId && inquiry.status === 'OPEN'
            ? { ...summary, openInquiries: summary.openInquiries + 1 }
            : summary,
        ),
      };
    });
    this.selected.update((statement) =>
      statement && statement.id === statementId ? withInquiry(statement) : statement,
    );
  }

  private setAckProblem(versionId: string, problem: string | null): void {
    this.ackProblems.update((problems) => {
      const next = { ...problems };
      if (problem) next[versionId] = problem;
      else delete next[versionId];
      return next;
    });
  }
}
