import { HttpErrorResponse, HttpEvent } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  HostListener,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import {
  PARTICIPANT_CSV_COLUMNS,
  type CurveSpec,
  type FiscalCalendar,
  type IncentivePlan,
  type MetricDefinition,
  type OrgUnitNode,
  type ParticipantFacts,
  type PlanComponent,
  type PlanParticipantInput,
  type PlanRules,
  type PlanVersion,
  type PlanVersionDiff,
  type WhatIfResult,
} from '@lodestar/contracts';
import { catchError, Observable, throwError } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { unitOptions } from '../investments/investment-format';
import { OrgUnitsService } from '../org/org-units.service';
import { SettingsService } from '../settings/settings.service';
import { CsvImportComponent } from '../shared/csv-import.component';
import { formatDateTime } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import { ErrorStateComponent, InlineErrorComponent, LoadingComponent } from '../shared/page-states.component';
import { toShownProblem, type ShownProblem } from '../shared/problem';
import { remoteResource } from '../shared/remote-resource';
import { CurveEditorComponent } from './curve-editor.component';
import { GatesEditorComponent } from './gates-editor.component';
import { MultiplierEditorComponent } from './multiplier-editor.component';
import { ParticipantPreviewComponent, type PreviewChoice } from './participant-preview.component';
import { ParticipantsTableComponent } from './participants-table.component';
import { PlanComponentsEditorComponent } from './plan-components-editor.component';
import {
  checkWeights,
  completeRules,
  EMPTY_RULES,
  isPrimaryCommercial,
  sameRules,
  versionRulesProblems,
} from './plan-editing';
import { currentQuarter, PLAN_STATUS_INFO, quartersFrom, recentQuarters } from './plan-format';
import { PlanStatusChipComponent } from './plan-status-chip.component';
import { PlansService, type ParticipantImportResult, type TaggedVersion } from './plans.service';
import { VersionActionsComponent, type VersionActionRequest } from './version-actions.component';
import { DEFAULT_AGAINST, VersionDiffComponent } from './version-diff.component';
import { WhatIfComponent } from './what-if.component';

/** The sentence of a lost race: someone saved the version after it was read here. */
export const CONFLICT_SENTENCE = 'Someone else changed this version; reload to see their change';

/** Whether two rules read the same metrics at the same scopes (the figures of a preview follow them). */
function sameReads(a: PlanRules, b: PlanRules): boolean {
  const reads = (rules: PlanRules) =>
    [
      ...rules.components.map((component) => `${component.metric}@${component.scope}`),
      ...(rules.multiplier ? [`${rules.multiplier.metric}@${rules.multiplier.scope}`] : []),
    ]
      .sort()
      .join(',');
  return reads(a) === reads(b);
}

function isConflict(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 412;
}

/**
 * One version of an incentive plan. HR edits a draft — components and weights, each component's
 * payout curve, gates, the multiplier and caps — and saves it explicitly (with the `If-Match` of
 * the version as read; a lost race keeps the edits on screen until HR reloads); its participants,
 * one by one or from a CSV file. Every edit is previewed at once in the browser for a participant
 * the API gave the figures of. HR and approvers run the what-if, compare versions and take the
 * approval steps their roles and the version's state allow. Other states are read-only.
 */
@Component({
  selector: 'ls-plan-version-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    IconComponent,
    ErrorStateComponent,
    InlineErrorComponent,
    LoadingComponent,
    CsvImportComponent,
    CurveEditorComponent,
    GatesEditorComponent,
    MultiplierEditorComponent,
    ParticipantPreviewComponent,
    ParticipantsTableComponent,
    PlanComponentsEditorComponent,
    PlanStatusChipComponent,
    VersionActionsComponent,
    VersionDiffComponent,
    WhatIfComponent,
  ],
  template: `
    <section class="ls-page wide" aria-labelledby="version-title">
      <a routerLink="/plans" class="back"><ls-icon name="chevronRight" class="flip" />All plans</a>

      @if (loading() && !saved()) {
        <ls-loading label="Loading the plan version…" />
      }
      @if (loadProblem(); as failure) {
        <ls-error-state
          title="The plan version could not be loaded"
          [detail]="failure.detail"
          (retry)="reload()"
        />
      }

      @if (saved(); as version) {
        <header class="ls-page-header">
          <div>
            <h1 id="version-title">
              {{ version.planName }} · version {{ version.number }}
              <ls-plan-status-chip [status]="version.status" />
            </h1>
            <p>
              Applies from {{ version.effectiveFrom }} to the end of that fiscal year · written by
              {{ version.author.name }} · {{ version.participantCount }}
              {{ version.participantCount === 1 ? 'participant' : 'participants' }}
            </p>
            <p class="ls-muted">{{ statusHint() }}</p>
          </div>
        </header>

        @if (conflict()) {
          <div class="banner conflict" role="alert" data-testid="conflict">
            <ls-icon name="warning" />
            <div>
              <p class="strong">{{ conflictSentence }}.</p>
              <p>
                Your changes stay on screen until you reload; reloading shows their version instead of yours.
              </p>
            </div>
            <button mat-flat-button type="button" (click)="reload()" data-testid="conflict-reload">
              <ls-icon name="refresh" />Reload
            </button>
          </div>
        }

        @if (version.rejection && version.status === 'DRAFT') {
          <div class="banner rejected" role="note" data-testid="rejection">
            <ls-icon name="error" />
            <div>
              <p class="strong">
                Rejected by {{ version.rejection.by.name }} on {{ dateTime(version.rejection.at) }}
              </p>
              <p class="reason">{{ version.rejection.reason }}</p>
            </div>
          </div>
        }

        @if (!editable()) {
          <p class="banner readonly" data-testid="read-only">
            <ls-icon name="lock" />
            <span>{{ readOnlyText() }}</span>
          </p>
        }

        <section class="ls-panel" aria-labelledby="approval-title">
          <header class="ls-chart-head">
            <div>
              <h2 id="approval-title">Approval</h2>
              <p class="ls-muted">{{ approvalText() }}</p>
            </div>
          </header>
          <div class="pad">
            <ls-version-actions
              [version]="version"
              [roles]="roles()"
              [userId]="userId()"
              [dirty]="dirty()"
              [submitBlocker]="submitBlocker()"
              [busy]="acting()"
              (act)="act($event)"
            />
            @if (actionProblem(); as failure) {
              <ls-inline-error [detail]="failure.detail" [errors]="failure.errors" />
            }
            @if (notice()) {
              <p class="notice" role="status" data-testid="notice">{{ notice() }}</p>
            }
          </div>
        </section>

        <section class="ls-panel" aria-labelledby="rules-title">
          <header class="ls-chart-head">
            <div>
              <h2 id="rules-title">Rules</h2>
              <p class="ls-muted">
                Each component's curve → its cap → the gates → Σ weight × payout → the multiplier → the plan
                cap → × the quarter's target bonus.
              </p>
            </div>
          </header>
          <div class="pad rules">
            <div class="general">
              @if (editable()) {
                <label>
                  <span>Applies from</span>
                  <select
                    data-testid="effective-from"
                    (change)="effectiveFrom.set($any($event.target).value)"
                  >
                    @for (quarter of effectiveOptions(); track quarter) {
                      <option [value]="quarter" [selected]="quarter === effectiveFrom()">
                        {{ quarter }}
                      </option>
                    }
                  </select>
                </label>
                <label class="notes">
                  <span>Notes</span>
                  <textarea
                    rows="2"
                    maxlength="4000"
                    data-testid="notes"
                    [value]="notes()"
                    (input)="notes.set($any($event.target).value)"
                  ></textarea>
                </label>
              } @else if (version.notes) {
                <p class="notes-text"><span class="ls-muted">Notes:</span> {{ version.notes }}</p>
              }
            </div>

            <h3>Components and weights</h3>
            <ls-plan-components-editor
              [rules]="rules()"
              [metrics]="metricList()"
              [readOnly]="!editable()"
              [selected]="selectedComponent()?.key ?? null"
              (rulesChange)="edit($event)"
              (pick)="selectedKey.set($event)"
            />

            @if (selectedComponent(); as component) {
              <h3 id="curve-title">Payout curve of {{ component.label || component.key }}</h3>
              <ls-curve-editor
                idPrefix="component-curve"
                [curve]="component.curve"
                [direction]="selectedDirection()"
                [metricName]="metricName(component.metric)"
                [band]="selectedBand()"
                [readOnly]="!editable()"
                [targetsOnly]="isPrimary(component.metric)"
                (curveChange)="editCurve(component.key, $event)"
              />
            }

            <h3>Gates</h3>
            <ls-gates-editor [rules]="rules()" [readOnly]="!editable()" (rulesChange)="edit($event)" />

            <ls-multiplier-editor
              [rules]="rules()"
              [metrics]="metricList()"
              [readOnly]="!editable()"
              (rulesChange)="edit($event)"
            />
          </div>

          @if (editable()) {
            <div class="save-bar" role="group" aria-label="Save the rules" data-testid="save-bar">
              <div class="save-text" aria-live="polite">
                @if (dirty()) {
                  <p class="unsaved" data-testid="unsaved"><ls-icon name="edit" />Unsaved changes</p>
                } @else {
                  <p class="ls-muted">No unsaved changes.</p>
                }
                @if (dirty() && saveBlocker(); as blocker) {
                  <p class="blocker" id="save-blocker" data-testid="save-blocker">{{ blocker }}</p>
                }
                @if (dirty() && !weights().problem && rulesProblems().length) {
                  <ul class="problems" data-testid="rules-problems">
                    @for (problem of rulesProblems(); track problem) {
                      <li>{{ problem }}</li>
                    }
                  </ul>
                }
                @if (saveProblem(); as failure) {
                  <ls-inline-error [detail]="failure.detail" [errors]="failure.errors" />
                }
              </div>
              <div class="ls-actions">
                @if (dirty()) {
                  <button mat-button type="button" (click)="undo()" [disabled]="saving()">
                    Undo changes
                  </button>
                }
                <button
                  mat-flat-button
                  type="button"
                  data-testid="save"
                  [disabled]="!canSave()"
                  [attr.aria-describedby]="saveBlocker() ? 'save-blocker' : null"
                  (click)="save()"
                >
                  {{ saving() ? 'Saving…' : 'Save' }}
                </button>
              </div>
            </div>
          }
        </section>

        <section class="ls-panel" aria-labelledby="preview-title">
          <header class="ls-chart-head">
            <div>
              <h2 id="preview-title">Preview a participant's pay</h2>
              <p class="ls-muted">
                Computed here with the rules as they are on screen, by the same engine the statements use.
              </p>
            </div>
          </header>
          <div class="pad">
            <ls-participant-preview
              [participants]="version.participants"
              [rules]="rules()"
              [savedRules]="savedRules()"
              [metrics]="metricList()"
              [facts]="facts.value()"
              [loading]="facts.loading()"
              [problem]="facts.problem()"
              [periods]="periods()"
              [defaultPeriod]="thisQuarter()"
              (choose)="loadFacts($event)"
            />
          </div>
        </section>

        <section class="ls-panel" aria-labelledby="participants-title">
          <header class="ls-chart-head">
            <div>
              <h2 id="participants-title">Participants</h2>
              <p class="ls-muted">
                A quarter's target bonus is the annual target bonus × the days in the plan that quarter ÷ the
                days in the fiscal year.
              </p>
            </div>
          </header>
          <div class="pad">
            <ls-participants-table
              [participants]="version.participants"
              [units]="units()"
              [readOnly]="!editable()"
              [busy]="participantsBusy()"
              (participantsChange)="saveParticipants($event)"
            />
            @if (participantsProblem(); as failure) {
              <ls-inline-error [detail]="failure.detail" [errors]="failure.errors" />
            }
          </div>
        </section>

        @if (editable()) {
          <ls-csv-import
            title="Import participants from a CSV file"
            titleId="participants-import-title"
            sectionId="participants-import"
            dropTestId="participants-drop"
            rowsName="participants"
            fileLabel="Participants CSV file"
            templateFileName="participants-template.csv"
            [columns]="csvColumns"
            [template]="csvTemplate"
            [send]="sendCsv"
            [summary]="csvSummary"
            (imported)="imported($event)"
          >
            <ul>
              <li>The file replaces the participants of this draft, all or nothing.</li>
              <li>
                <strong>email</strong> is the person's sign-in address; <strong>org_unit</strong> the key of
                the unit whose results count.
              </li>
              <li>
                <strong>annual_target_bonus</strong> in euros, such as <code>40000</code>; dates as
                <code>2026-10-01</code>; an empty <strong>end_date</strong> means still in the plan.
              </li>
            </ul>
          </ls-csv-import>
        }

        <section class="ls-panel" aria-labelledby="what-if-title">
          <header class="ls-chart-head">
            <div>
              <h2 id="what-if-title">What-if</h2>
              <p class="ls-muted">
                This version applied to a quarter's actuals, against the version published for it.
              </p>
            </div>
          </header>
          <div class="pad">
            <ls-what-if
              [result]="whatIf.value()"
              [loading]="whatIf.loading()"
              [problem]="whatIf.problem()"
              [periods]="periods()"
              [defaultPeriod]="thisQuarter()"
              [dirty]="dirty()"
              (run)="runWhatIf($event)"
            />
          </div>
        </section>

        <section class="ls-panel" aria-labelledby="diff-title">
          <header class="ls-chart-head">
            <div>
              <h2 id="diff-title">Changes</h2>
              <p class="ls-muted">What this version changes against another version of the plan.</p>
            </div>
          </header>
          <div class="pad">
            <ls-version-diff
              [diff]="diff.value()"
              [loading]="diff.loading()"
              [problem]="diff.problem()"
              [versions]="plan.value()?.versions ?? []"
              [currentId]="version.id"
              [against]="diffAgainst()"
              (compare)="compare($event)"
            />
          </div>
        </section>
      }
    </section>
  `,
  styles: `
    .ls-page.wide {
      max-width: 1400px;
    }
    .back {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      font-size: 0.875rem;
    }
    .flip {
      transform: rotate(180deg);
    }
    h1 {
      display: flex;
      gap: 10px;
      align-items: center;
      flex-wrap: wrap;
    }
    h3 {
      font: var(--mat-sys-title-small);
      font-weight: 600;
      margin: 8px 0 6px;
    }
    .pad {
      padding: 0 16px 16px;
    }
    .rules {
      display: flex;
      flex-direction: column;
      gap: 10px;
    }
    p {
      margin: 0;
    }
    .banner {
      display: flex;
      gap: 10px;
      align-items: flex-start;
      padding: 12px 14px;
      border-radius: 10px;
      --ls-icon-size: 22px;
    }
    .banner > div {
      flex: 1;
    }
    .strong {
      font-weight: 600;
    }
    .conflict {
      background: var(--ls-warn-container);
      color: var(--ls-warn);
    }
    .rejected {
      background: var(--ls-bad-container);
      color: var(--ls-bad);
    }
    .reason {
      white-space: pre-line;
    }
    .readonly {
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface-variant);
      align-items: center;
    }
    .general {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
    }
    .general label {
      display: flex;
      flex-direction: column;
      gap: 2px;
      font-size: 0.8rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .general .notes {
      flex: 1 1 360px;
    }
    select,
    textarea {
      padding: 4px 6px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 6px;
      font: inherit;
      font-size: 0.875rem;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    .notes-text {
      font-size: 0.875rem;
      white-space: pre-line;
    }
    .save-bar {
      position: sticky;
      bottom: 0;
      display: flex;
      gap: 12px;
      justify-content: space-between;
      align-items: flex-start;
      padding: 10px 16px;
      border-top: 1px solid var(--ls-border);
      background: var(--mat-sys-surface-container-low);
      z-index: 2;
    }
    .save-text {
      display: flex;
      flex-direction: column;
      gap: 4px;
      font-size: 0.85rem;
      min-width: 0;
    }
    .unsaved {
      display: inline-flex;
      gap: 6px;
      align-items: center;
      font-weight: 600;
      color: var(--ls-warn);
      --ls-icon-size: 16px;
    }
    .blocker {
      color: var(--ls-warn);
      font-weight: 500;
    }
    .problems {
      margin: 0;
      padding-left: 18px;
      color: var(--ls-warn);
    }
    .notice {
      margin-top: 8px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--ls-ok-container);
      color: var(--ls-ok);
      font-weight: 500;
    }
  `,
})
export class PlanVersionPageComponent {
  private readonly router = inject(Router);
  private readonly plans = inject(PlansService);
  private readonly auth = inject(AuthService);
  private readonly orgUnits = inject(OrgUnitsService);
  private readonly fiscal = inject(SettingsService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly conflictSentence = CONFLICT_SENTENCE;
  protected readonly csvColumns = PARTICIPANT_CSV_COLUMNS;
  protected readonly csvTemplate =
    `${PARTICIPANT_CSV_COLUMNS.join(',')}\n` +
    'vp.sales@example.com,sales,40000,2026-10-01,\n' +
    'vp.service@example.com,service,35000,2026-10-01,2027-03-31\n';

  /** The route's `:versionId`. */
  readonly versionId = input('');
  private currentId = '';
  /** The participant and quarter previewed, whose figures a save reads again (they follow the saved rules). */
  private previewChoice: PreviewChoice | null = null;
  /** The version as last read or saved, and the ETag to send back with the next edit. */
  protected readonly saved = signal<PlanVersion | null>(null);
  private readonly etag = signal('');
  protected readonly loading = signal(false);
  protected readonly loadProblem = signal<ShownProblem | null>(null);

  protected readonly metrics = remoteResource<MetricDefinition[]>();
  protected readonly tree = remoteResource<OrgUnitNode[]>();
  protected readonly calendar = remoteResource<FiscalCalendar>();
  protected readonly plan = remoteResource<IncentivePlan>();
  protected readonly facts = remoteResource<ParticipantFacts>({ clearOnError: true });
  protected readonly whatIf = remoteResource<WhatIfResult>({ clearOnError: true });
  protected readonly diff = remoteResource<PlanVersionDiff>({ clearOnError: true });

  /** The edits on screen. */
  protected readonly rules = signal<PlanRules>(EMPTY_RULES);
  protected readonly notes = signal('');
  protected readonly effectiveFrom = signal('');
  protected readonly selectedKey = signal<string | null>(null);
  protected readonly diffAgainst = signal(DEFAULT_AGAINST);

  protected readonly conflict = signal(false);
  protected readonly saving = signal(false);
  protected readonly saveProblem = signal<ShownProblem | null>(null);
  protected readonly participantsBusy = signal(false);
  protected readonly participantsProblem = signal<ShownProblem | null>(null);
  protected readonly acting = signal<VersionActionRequest['action'] | null>(null);
  protected readonly actionProblem = signal<ShownProblem | null>(null);
  protected readonly notice = signal('');

  protected readonly roles = this.auth.roles;
  protected readonly userId = computed(() => this.auth.user()?.id ?? null);
  protected readonly metricList = computed(() => this.metrics.value() ?? []);
  protected readonly units = computed(() => unitOptions(this.tree.value() ?? []));
  protected readonly editable = computed(
    () => this.saved()?.status === 'DRAFT' && this.roles().includes('HR'),
  );
  protected readonly savedRules = computed(() => {
    const saved = this.saved();
    return saved ? completeRules(saved.rules) : null;
  });
  protected readonly dirty = computed(() => {
    const saved = this.saved();
    const savedRules = this.savedRules();
    if (!saved || !savedRules || !this.editable()) return false;
    return (
      !sameRules(this.rules(), savedRules) ||
      this.notes() !== (saved.notes ?? '') ||
      this.effectiveFrom() !== saved.effectiveFrom
    );
  });
  protected readonly weights = computed(() => checkWeights(this.rules().components));
  protected readonly rulesProblems = computed(() =>
    this.metrics.value() ? versionRulesProblems(this.rules(), this.metricList()) : [],
  );
  /** Why Save is disabled now, as one sentence; null when it can be pressed (or nothing changed). */
  protected readonly saveBlocker = computed(() => {
    if (!this.dirty()) return null;
    if (this.conflict()) return `${CONFLICT_SENTENCE}: reload before saving again.`;
    if (this.weights().problem) return this.weights().problem;
    if (this.rulesProblems().length) return 'Fix the rules first: they are saved only when they can be used.';
    return null;
  });
  protected readonly canSave = computed(
    () => this.dirty() && !this.saveBlocker() && !this.saving() && !!this.metrics.value(),
  );
  /** Why the saved draft cannot be submitted yet. */
  protected readonly submitBlocker = computed(() => {
    const saved = this.saved();
    const rules = this.savedRules();
    if (!saved || !rules || saved.status !== 'DRAFT') return null;
    if (!rules.components.length) return 'Add components and save them before submitting.';
    if (this.metrics.value() && versionRulesProblems(rules, this.metricList()).length) {
      return 'The saved rules cannot be used yet: fix and save them before submitting.';
    }
    if (!saved.participants.length)
      return 'Add participants before submitting: a plan without participants pays no one.';
    return null;
  });

  protected readonly thisQuarter = computed(() => {
    const calendar = this.calendar.value();
    return calendar ? currentQuarter(calendar.startMonth, calendar.timeZone) : null;
  });
  protected readonly periods = computed(() => {
    const quarter = this.thisQuarter();
    return quarter ? recentQuarters(quarter) : [];
  });
  protected readonly effectiveOptions = computed(() => {
    const quarter = this.thisQuarter();
    const options = quarter ? quartersFrom(quarter, 8) : [];
    const chosen = this.effectiveFrom();
    return chosen && !options.includes(chosen) ? [chosen, ...options] : options;
  });

  protected readonly selectedComponent = computed((): PlanComponent | null => {
    const components = this.rules().components;
    return components.find((component) => component.key === this.selectedKey()) ?? components[0] ?? null;
  });
  protected readonly selectedDirection = computed(() => {
    const component = this.selectedComponent();
    if (!component) return 'higher';
    const fact = this.factOf(component.metric, component.scope);
    return (
      fact?.direction ??
      this.metricList().find((metric) => metric.key === component.metric)?.direction ??
      'higher'
    );
  });
  protected readonly selectedBand = computed(() => {
    const component = this.selectedComponent();
    return component ? (this.factOf(component.metric, component.scope)?.band ?? null) : null;
  });

  protected readonly statusHint = computed(() => {
    const saved = this.saved();
    return saved ? PLAN_STATUS_INFO[saved.status].hint : '';
  });
  protected readonly readOnlyText = computed(() => {
    const saved = this.saved();
    if (!saved) return '';
    const status = PLAN_STATUS_INFO[saved.status].label.toLowerCase();
    if (saved.status === 'DRAFT') return 'Read only: HR edits drafts.';
    return `Read only: this version is ${status}, and only drafts can be edited.`;
  });
  protected readonly approvalText = computed(() => {
    const saved = this.saved();
    if (!saved) return '';
    const parts: string[] = [];
    if (saved.submittedAt) parts.push(`submitted ${formatDateTime(saved.submittedAt)}`);
    if (saved.approvedBy && saved.approvedAt)
      parts.push(`approved by ${saved.approvedBy.name} ${formatDateTime(saved.approvedAt)}`);
    if (saved.publishedBy && saved.publishedAt) {
      parts.push(`published by ${saved.publishedBy.name} ${formatDateTime(saved.publishedAt)}`);
    }
    if (saved.frozenAt) parts.push(`inputs frozen ${formatDateTime(saved.frozenAt)}`);
    return parts.length ? `${parts.join(' · ')}.` : 'Draft → in review → approved → published.';
  });

  /** Sends the chosen CSV with the ETag as read; a lost race shows the reload banner too. */
  protected readonly sendCsv = (file: File): Observable<HttpEvent<ParticipantImportResult>> =>
    this.plans.importParticipants(this.currentId, this.etag(), file).pipe(
      catchError((error: unknown) => {
        if (isConflict(error)) this.conflict.set(true);
        return throwError(() => error);
      }),
    );
  protected readonly csvSummary = (result: ParticipantImportResult) => {
    const count = result.version.participants.length;
    return `${count} ${count === 1 ? 'participant' : 'participants'} now take part in this version.`;
  };

  constructor() {
    this.metrics.load(this.plans.metrics());
    this.calendar.load(this.fiscal.fiscalCalendar());
    if (this.roles().includes('HR')) this.tree.load(this.orgUnits.tree());
    effect(() => {
      const id = this.versionId();
      untracked(() => {
        this.currentId = id;
        this.diffAgainst.set(DEFAULT_AGAINST);
        this.facts.update(() => null);
        this.previewChoice = null;
        this.whatIf.update(() => null);
        this.diff.update(() => null);
        this.reload();
      });
    });
  }

  /** Whether the page may be left without asking: nothing unsaved. */
  canLeave(): boolean {
    return !this.dirty();
  }

  @HostListener('window:beforeunload', ['$event'])
  protected beforeUnload(event: BeforeUnloadEvent): void {
    if (this.dirty()) {
      event.preventDefault();
      event.returnValue = '';
    }
  }

  /** Reads the version afresh, replacing any edits on screen with it. */
  reload(): void {
    if (!this.currentId) return;
    this.loading.set(true);
    this.loadProblem.set(null);
    this.plans
      .version(this.currentId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (tagged) => {
          this.loading.set(false);
          const planChanged = this.saved()?.planId !== tagged.version.planId;
          this.take(tagged, true);
          this.conflict.set(false);
          this.saveProblem.set(null);
          this.participantsProblem.set(null);
          if (planChanged) this.plan.load(this.plans.plan(tagged.version.planId));
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.loadProblem.set(toShownProblem(error));
        },
      });
  }

  /** A version from the server; with `replaceEdits` the edits on screen become it, else they stay. */
  private take(tagged: TaggedVersion, replaceEdits: boolean): void {
    this.saved.set(tagged.version);
    this.etag.set(tagged.etag);
    if (replaceEdits) {
      this.rules.set(completeRules(tagged.version.rules));
      this.notes.set(tagged.version.notes ?? '');
      this.effectiveFrom.set(tagged.version.effectiveFrom);
    }
  }

  protected metricName(key: string): string {
    if (isPrimaryCommercial(key)) return 'Primary commercial metric';
    return this.metricList().find((metric) => metric.key === key)?.name ?? key;
  }

  protected isPrimary(key: string): boolean {
    return isPrimaryCommercial(key);
  }

  protected dateTime(iso: string): string {
    return formatDateTime(iso);
  }

  private factOf(metric: string, scope: string) {
    return this.facts.value()?.facts.find((fact) => fact.metric === metric && fact.scope === scope) ?? null;
  }

  protected edit(rules: PlanRules): void {
    if (!this.editable()) return;
    this.rules.set(rules);
    this.notice.set('');
  }

  protected editCurve(key: string, curve: CurveSpec): void {
    const rules = this.rules();
    this.edit({
      ...rules,
      components: rules.components.map((component) =>
        component.key === key ? { ...component, curve } : component,
      ),
    });
  }

  protected undo(): void {
    const saved = this.saved();
    if (!saved) return;
    this.rules.set(completeRules(saved.rules));
    this.notes.set(saved.notes ?? '');
    this.effectiveFrom.set(saved.effectiveFrom);
    this.saveProblem.set(null);
  }

  /** Saves the edits explicitly, with the ETag as read: 412 keeps them on screen with the reload banner. */
  protected save(): void {
    const saved = this.saved();
    if (!saved || !this.canSave()) return;
    const request: { rules?: PlanRules; notes?: string; effectiveFrom?: string } = {};
    if (!sameRules(this.rules(), completeRules(saved.rules))) request.rules = this.rules();
    if (this.notes() !== (saved.notes ?? '')) request.notes = this.notes();
    if (this.effectiveFrom() !== saved.effectiveFrom) request.effectiveFrom = this.effectiveFrom();
    this.saving.set(true);
    this.saveProblem.set(null);
    this.notice.set('');
    this.plans
      .update(saved.id, this.etag(), request)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (tagged) => {
          this.saving.set(false);
          const metricsChanged = !sameReads(completeRules(saved.rules), completeRules(tagged.version.rules));
          this.take(tagged, true);
          this.notice.set('Saved.');
          if (metricsChanged && this.previewChoice) this.loadFacts(this.previewChoice);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          if (isConflict(error)) this.conflict.set(true);
          else this.saveProblem.set(toShownProblem(error));
        },
      });
  }

  protected saveParticipants(participants: PlanParticipantInput[]): void {
    const saved = this.saved();
    if (!saved || !this.editable()) return;
    this.participantsBusy.set(true);
    this.participantsProblem.set(null);
    this.plans
      .replaceParticipants(saved.id, this.etag(), { participants })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (tagged) => {
          this.participantsBusy.set(false);
          this.take(tagged, false);
        },
        error: (error: unknown) => {
          this.participantsBusy.set(false);
          if (isConflict(error)) this.conflict.set(true);
          else this.participantsProblem.set(toShownProblem(error));
        },
      });
  }

  protected imported(result: ParticipantImportResult): void {
    this.take({ version: result.version, etag: result.etag }, false);
  }

  protected act(request: VersionActionRequest): void {
    const saved = this.saved();
    if (!saved) return;
    this.acting.set(request.action);
    this.actionProblem.set(null);
    this.notice.set('');
    if (request.action === 'delete') {
      this.plans
        .remove(saved.id, this.etag())
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe({
          next: () => {
            this.acting.set(null);
            void this.router.navigate(['/plans']);
          },
          error: (error: unknown) => this.actionFailed(error),
        });
      return;
    }
    const action = request.action;
    this.plans
      .act(saved.id, this.etag(), action, request.reason)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (tagged) => {
          this.acting.set(null);
          this.take(tagged, true);
          this.notice.set(
            {
              submit: 'Submitted: an approver who neither wrote it nor takes part in it decides it now.',
              approve: 'Approved: its curves, weights and target bonuses are frozen; HR publishes it.',
              reject: 'Rejected: it is a draft again, with your reason on it.',
              publish: 'Published: its participants are asked to acknowledge it.',
            }[action],
          );
          this.plan.load(this.plans.plan(tagged.version.planId));
        },
        error: (error: unknown) => this.actionFailed(error),
      });
  }

  private actionFailed(error: unknown): void {
    this.acting.set(null);
    if (isConflict(error)) this.conflict.set(true);
    else this.actionProblem.set(toShownProblem(error));
  }

  protected loadFacts(choice: PreviewChoice): void {
    this.previewChoice = choice;
    this.facts.load(this.plans.previewFacts(this.currentId, choice.period, choice.participant));
  }

  protected runWhatIf(period: string): void {
    this.whatIf.load(this.plans.whatIf(this.currentId, period));
  }

  protected compare(against: string | null): void {
    this.diffAgainst.set(against ?? DEFAULT_AGAINST);
    this.diff.load(this.plans.diff(this.currentId, against));
  }
}
