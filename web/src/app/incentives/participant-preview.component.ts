import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type {
  CalculationTrace,
  MetricDefinition,
  ParticipantFacts,
  PlanParticipant,
  PlanRules,
} from '@lodestar/contracts';
import { computeStatement } from '@lodestar/incentives';
import { MONEY_CURRENCY } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import { ErrorStateComponent, LoadingComponent } from '../shared/page-states.component';
import type { ShownProblem } from '../shared/problem';
import { componentMetricOptions, versionRulesProblems } from './plan-editing';
import { formatMoneyCents, formatPayout, formatPlain, scopeLabel } from './plan-format';

/** The participant and quarter whose figures the preview computes with. */
export interface PreviewChoice {
  participant: string;
  period: string;
}

/** The preview: the statement computed from the rules as edited, or why it cannot be. */
export type PreviewOutcome =
  | { kind: 'trace'; trace: CalculationTrace }
  | { kind: 'invalid'; problems: string[] }
  | { kind: 'missing'; sentence: string }
  | { kind: 'failed'; sentence: string };

/**
 * The statement of one participant for one quarter under `rules`, computed in the browser by the
 * same engine the API runs: the rules' problems instead when they cannot be used, and the metrics
 * the figures lack when a component was moved to a metric or scope the saved rules (which the
 * figures are read for) do not read.
 */
export function previewOf(
  rules: PlanRules,
  facts: ParticipantFacts,
  metrics: readonly MetricDefinition[],
): PreviewOutcome {
  const problems = versionRulesProblems(rules, metrics);
  if (problems.length) return { kind: 'invalid', problems };
  const names = new Map(componentMetricOptions(metrics).map((metric) => [metric.key, metric.name]));
  const has = (metric: string, scope: string) =>
    facts.facts.some((fact) => fact.metric === metric && fact.scope === scope);
  const wanted = [
    ...rules.components.map((component) => ({ metric: component.metric, scope: component.scope })),
    ...(rules.multiplier ? [{ metric: rules.multiplier.metric, scope: rules.multiplier.scope }] : []),
  ];
  const missing = wanted.filter((want) => !has(want.metric, want.scope));
  if (missing.length) {
    const list = missing.map(
      (want) => `${names.get(want.metric) ?? want.metric} (${scopeLabel(want.scope).toLowerCase()})`,
    );
    return {
      kind: 'missing',
      sentence: `The figures come from the saved rules, which do not read ${[...new Set(list)].join(' or ')}: save this change, then load the figures again to preview it.`,
    };
  }
  try {
    return { kind: 'trace', trace: computeStatement(rules, facts) };
  } catch (error: unknown) {
    return {
      kind: 'failed',
      sentence:
        error instanceof Error ? error.message : 'The statement could not be computed from these rules.',
    };
  }
}

/**
 * Pick a participant and a quarter: their figures are fetched once, then the statement is computed
 * here, in the browser, on every edit of the rules — total payout, amount and each component's
 * payout — next to what the saved rules pay.
 */
@Component({
  selector: 'ls-participant-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, IconComponent, ErrorStateComponent, LoadingComponent],
  template: `
    <div class="controls">
      <label>
        <span>Participant</span>
        <select data-testid="preview-participant" (change)="pickParticipant($any($event.target).value)">
          <option value="" [selected]="!participant()">Choose a participant</option>
          @for (person of people(); track person.id) {
            <option [value]="person.id" [selected]="person.id === participant()">{{ person.text }}</option>
          }
        </select>
      </label>
      <label>
        <span>Quarter</span>
        <select data-testid="preview-period" (change)="pickPeriod($any($event.target).value)">
          @for (option of periods(); track option) {
            <option [value]="option" [selected]="option === chosenPeriod()">{{ option }}</option>
          }
        </select>
      </label>
      @if (facts() && outcome()?.kind === 'missing') {
        <button mat-stroked-button type="button" (click)="reload()">
          <ls-icon name="refresh" />Load the figures again
        </button>
      }
    </div>

    @if (loading()) {
      <ls-loading label="Loading the participant's figures…" />
    }
    @if (problem(); as failure) {
      <ls-error-state title="The figures could not be loaded" [detail]="failure.detail" (retry)="reload()" />
    } @else if (!participants().length) {
      <p class="ls-muted">Add participants to preview their pay.</p>
    } @else if (!facts()) {
      @if (!loading()) {
        <p class="ls-muted">
          Choose a participant: their figures for the quarter are loaded once, and every edit of the rules is
          then computed here at once.
        </p>
      }
    } @else {
      @switch (outcome()?.kind) {
        @case ('invalid') {
          <div class="problems" data-testid="preview-problems" aria-live="polite">
            <p><ls-icon name="warning" /><span>The rules cannot be computed yet:</span></p>
            <ul>
              @for (sentence of invalidProblems(); track sentence) {
                <li>{{ sentence }}</li>
              }
            </ul>
          </div>
        }
        @case ('missing') {
          <p class="problem" data-testid="preview-missing">{{ sentence() }}</p>
        }
        @case ('failed') {
          <p class="problem" data-testid="preview-failed">{{ sentence() }}</p>
        }
        @case ('trace') {
          @if (trace(); as shown) {
            <div class="figures" aria-live="polite">
              <p class="figure">
                <span class="label">Total payout</span>
                <span class="value" data-testid="preview-total">{{ payout(shown.totalPayout) }}</span>
                <span class="ls-muted small"
                  >of the quarter's target {{ money(shown.targetBonus.periodTarget) }}</span
                >
              </p>
              <p class="figure">
                <span class="label">Amount</span>
                <span class="value" data-testid="preview-amount">{{ money(shown.amount) }}</span>
                @if (savedTrace(); as saved) {
                  <span class="ls-muted small" data-testid="preview-saved">
                    {{
                      changed()
                        ? 'Saved rules: ' + payout(saved.totalPayout) + ', ' + money(saved.amount)
                        : 'As the saved rules pay'
                    }}
                  </span>
                }
              </p>
            </div>
            <table class="ls-data-table grid" data-testid="preview-components">
              <caption class="ls-visually-hidden">
                Each component's payout in
                {{
                  shown.period
                }}
                under the edited rules
              </caption>
              <thead>
                <tr>
                  <th scope="col">Component</th>
                  <th scope="col" class="ls-num">Value</th>
                  <th scope="col" class="ls-num">Weight</th>
                  <th scope="col" class="ls-num">Payout</th>
                  <th scope="col" class="ls-num">Share of target</th>
                </tr>
              </thead>
              <tbody>
                @for (component of shown.components; track component.key) {
                  <tr>
                    <th scope="row">
                      {{ component.label }}
                      <span class="ls-muted small block"
                        >{{ component.metricName }} · {{ scope(component.scope) }}</span
                      >
                    </th>
                    <td class="ls-num" [title]="component.input.source">
                      {{ plain(component.input.value) }}
                    </td>
                    <td class="ls-num">{{ plain(component.weight) }} %</td>
                    <td class="ls-num" [attr.data-testid]="'preview-payout-' + component.key">
                      {{ payout(component.payout) }}
                      @if (component.gatedBy.length) {
                        <span class="ls-muted small block">held by a gate</span>
                      } @else if (component.cap !== null && component.afterCap !== component.curvePayout) {
                        <span class="ls-muted small block">capped</span>
                      }
                    </td>
                    <td class="ls-num">{{ payout(component.contribution) }}</td>
                  </tr>
                }
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colspan="4">Weighted payout</th>
                  <td class="ls-num">{{ payout(shown.weightedPayout) }}</td>
                </tr>
                @if (shown.multiplier; as multiplier) {
                  <tr>
                    <th scope="row" colspan="4">
                      × {{ multiplier.label }} ({{ payout(multiplier.factor) }})
                    </th>
                    <td class="ls-num">{{ payout(shown.afterMultiplier) }}</td>
                  </tr>
                }
                @if (shown.planCap !== null) {
                  <tr>
                    <th scope="row" colspan="4">Plan cap {{ payout(shown.planCap) }}</th>
                    <td class="ls-num">{{ payout(shown.totalPayout) }}</td>
                  </tr>
                }
              </tfoot>
            </table>
          }
        }
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 10px;
      font-size: 0.875rem;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 14px;
      align-items: flex-end;
    }
    .controls label {
      display: flex;
      flex-direction: column;
      gap: 2px;
      font-size: 0.8rem;
      color: var(--mat-sys-on-surface-variant);
    }
    select {
      padding: 4px 6px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 6px;
      font: inherit;
      font-size: 0.875rem;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    p {
      margin: 0;
    }
    .problem,
    .problems {
      padding: 8px 10px;
      border-radius: 8px;
      background: var(--ls-warn-container);
      color: var(--ls-warn);
      font-weight: 500;
    }
    .problems p {
      display: flex;
      gap: 6px;
      align-items: center;
      --ls-icon-size: 18px;
    }
    .problems ul {
      margin: 4px 0 0;
      padding-left: 22px;
      font-weight: 400;
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: 10px 32px;
    }
    .figure {
      display: flex;
      flex-direction: column;
    }
    .label {
      font-size: 0.78rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .value {
      font: var(--mat-sys-headline-small);
      font-variant-numeric: tabular-nums;
    }
    .small {
      font-size: 0.78rem;
    }
    .block {
      display: block;
    }
    .grid {
      border-collapse: collapse;
      font-size: 0.85rem;
    }
    .grid th,
    .grid td {
      padding: 4px 8px;
      border-bottom: 1px solid var(--ls-border);
      text-align: left;
      font-weight: 400;
      vertical-align: top;
    }
    .grid thead th {
      font-size: 0.78rem;
      font-weight: 600;
      color: var(--mat-sys-on-surface-variant);
    }
    .grid .ls-num {
      text-align: right;
    }
    tfoot th,
    tfoot td {
      font-weight: 600 !important;
    }
  `,
})
export class ParticipantPreviewComponent {
  readonly participants = input.required<PlanParticipant[]>();
  /** The rules as edited. */
  readonly rules = input.required<PlanRules>();
  /** The rules as saved, to show what the edit changes. */
  readonly savedRules = input<PlanRules | null>(null);
  readonly metrics = input.required<MetricDefinition[]>();
  /** The figures fetched for the last choice. */
  readonly facts = input<ParticipantFacts | null>(null);
  readonly loading = input(false);
  readonly problem = input<ShownProblem | null>(null);
  readonly periods = input.required<string[]>();
  readonly defaultPeriod = input<string | null>(null);
  readonly currency = input(MONEY_CURRENCY);
  readonly choose = output<PreviewChoice>();

  protected readonly participant = signal<string | null>(null);
  protected readonly period = signal<string | null>(null);
  protected readonly chosenPeriod = computed(
    () => this.period() ?? this.defaultPeriod() ?? this.periods()[0] ?? '',
  );

  protected readonly people = computed(() => {
    const seen = new Set<string>();
    return this.participants()
      .filter((participant) => !seen.has(participant.user.id) && seen.add(participant.user.id))
      .map((participant) => ({
        id: participant.user.id,
        text: `${participant.user.name} · ${participant.orgUnit.name}`,
      }));
  });

  /** Recomputed on every edit of the rules, with no request: the figures stay as fetched. */
  readonly outcome = computed((): PreviewOutcome | null => {
    const facts = this.facts();
    return facts ? previewOf(this.rules(), facts, this.metrics()) : null;
  });
  protected readonly trace = computed(() => {
    const outcome = this.outcome();
    return outcome?.kind === 'trace' ? outcome.trace : null;
  });
  protected readonly invalidProblems = computed(() => {
    const outcome = this.outcome();
    return outcome?.kind === 'invalid' ? outcome.problems : [];
  });
  protected readonly sentence = computed(() => {
    const outcome = this.outcome();
    return outcome?.kind === 'missing' || outcome?.kind === 'failed' ? outcome.sentence : '';
  });
  protected readonly savedTrace = computed(() => {
    const facts = this.facts();
    const saved = this.savedRules();
    if (!facts || !saved) return null;
    const outcome = previewOf(saved, facts, this.metrics());
    return outcome.kind === 'trace' ? outcome.trace : null;
  });
  protected readonly changed = computed(() => {
    const now = this.trace();
    const saved = this.savedTrace();
    return !!now && !!saved && (now.totalPayout !== saved.totalPayout || now.amount !== saved.amount);
  });

  protected pickParticipant(id: string): void {
    this.participant.set(id || null);
    this.reload();
  }

  protected pickPeriod(period: string): void {
    this.period.set(period);
    this.reload();
  }

  protected reload(): void {
    const participant = this.participant();
    const period = this.chosenPeriod();
    if (participant && period) this.choose.emit({ participant, period });
  }

  protected payout(value: string | null): string {
    return formatPayout(value);
  }

  protected money(value: string | null): string {
    return formatMoneyCents(value, this.currency());
  }

  protected plain(value: string | null): string {
    return value === null ? 'At target' : formatPlain(value);
  }

  protected scope(value: PlanRules['components'][number]['scope']): string {
    return scopeLabel(value);
  }
}
