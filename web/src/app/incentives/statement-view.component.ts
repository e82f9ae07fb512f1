import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { COMPONENT_SCOPE_LABELS, type ComponentTrace, type Statement } from '@lodestar/contracts';
import { IconComponent } from '../shared/icon.component';
import { CurvePositionChartComponent } from './curve-position-chart.component';
import {
  basisLabel,
  compareDecimals,
  componentEffects,
  formatExactPayout,
  formatMetricValue,
  formatPayout,
  formatSignedMoney,
  formatStatementMoney,
  GATE_OUTCOME_INFO,
  isNonZeroMoney,
  segmentSentence,
  STATEMENT_STATUS_INFO,
  sumDecimals,
  type ComponentEffect,
} from './incentive-format';

interface ComponentRow {
  key: string;
  label: string;
  metricName: string;
  scope: string;
  weight: string;
  actual: string;
  basis: string;
  basisNote: boolean;
  source: string;
  score: string | null;
  attainment: string | null;
  curvePayout: string;
  payout: string;
  contribution: string;
  segment: string;
  effects: ComponentEffect[];
  trace: ComponentTrace;
}

function percentOrNull(value: string | null): string | null {
  return value === null ? null : formatMetricValue(value, 'percent');
}

/**
 * One statement as its participant reads it: the period, status, plan and version; the total payout, the
 * amount and what is payable, with cents; then per component the actual (with how it was obtained) →
 * its score or attainment → the payout, with every cap and gate that lowered it as an icon and a word,
 * and the component's payout curve with the result marked; the gates, multiplier and plan cap; and the
 * adjustments and carried amounts when there are any.
 */
@Component({
  selector: 'ls-statement-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IconComponent, CurvePositionChartComponent],
  template: `
    @let s = statement();
    <article class="statement" [attr.aria-labelledby]="titleId()" data-testid="statement-view">
      <header class="head">
        <div>
          <h3 [id]="titleId()">Statement {{ s.period }}</h3>
          <p class="ls-muted meta">
            {{ s.plan.name }} · version {{ s.version.number }} · {{ s.orgUnit.name }} ·
            {{ s.participant.name }}
          </p>
        </div>
        <span class="ls-status-chip" [attr.data-status]="status().tone" data-testid="statement-status">
          <ls-icon [name]="status().icon" />
          <span>{{ status().label }}</span>
        </span>
      </header>

      @switch (s.status) {
        @case ('PROJECTION') {
          <p class="note projection" data-testid="projection-note">
            <ls-icon name="trend" />
            <span
              ><strong>Projection</strong> from the results so far: the numbers move until the quarter
              closes.</span
            >
          </p>
        }
        @case ('CLOSED') {
          <p class="note review">
            <ls-icon name="lock" />
            <span
              ><strong>Closed — in review.</strong> The figures are locked; HR reviews them before they are
              released.</span
            >
          </p>
        }
      }

      <dl class="totals" data-testid="statement-totals">
        <div>
          <dt>Total payout</dt>
          <dd class="big">{{ payout(s.totalPayout) }} <span class="unit">of target</span></dd>
        </div>
        <div>
          <dt>Quarter target</dt>
          <dd>{{ money(s.periodTarget) }}</dd>
        </div>
        <div>
          <dt>Amount</dt>
          <dd>{{ money(s.amount) }}</dd>
        </div>
        @if (s.trace.adjustments.length) {
          <div>
            <dt>Adjustments</dt>
            <dd>{{ signed(adjustmentTotal()) }}</dd>
          </div>
        }
        @if (nonZero(s.trace.carriedIn)) {
          <div>
            <dt>Carried in</dt>
            <dd>{{ signed(s.trace.carriedIn) }}</dd>
          </div>
        }
        <div>
          <dt>Payable</dt>
          <dd class="big" data-testid="statement-payable">{{ money(s.payable) }}</dd>
        </div>
        @if (nonZero(s.trace.carriedForward)) {
          <div>
            <dt>Carried forward</dt>
            <dd>{{ signed(s.trace.carriedForward) }}</dd>
          </div>
        }
      </dl>

      <section class="components" [attr.aria-labelledby]="titleId() + '-components'">
        <h4 class="ls-visually-hidden" [id]="titleId() + '-components'">Components</h4>
        @for (row of rows(); track row.key) {
          <div class="component" data-testid="statement-component" [attr.data-component]="row.key">
            <div class="facts">
              <h5 class="component-title">
                {{ row.label }}
                <span class="weight ls-muted">{{ row.weight }} weight · {{ row.scope }}</span>
              </h5>
              <p class="flow" data-testid="component-flow">
                <span class="step">
                  <span class="step-label">Actual</span>
                  <span class="step-value" data-testid="component-actual">{{ row.actual }}</span>
                </span>
                <span class="arrow" aria-hidden="true">→</span>
                @if (row.score !== null) {
                  <span class="step">
                    <span class="step-label">Score</span>
                    <span class="step-value">{{ row.score }}</span>
                  </span>
                }
                @if (row.attainment !== null) {
                  <span class="step">
                    <span class="step-label">Attainment</span>
                    <span class="step-value">{{ row.attainment }}</span>
                  </span>
                }
                @if (row.score !== null || row.attainment !== null) {
                  <span class="arrow" aria-hidden="true">→</span>
                }
                @if (row.effects.length) {
                  <span class="step">
                    <span class="step-label">Curve</span>
                    <span class="step-value">{{ row.curvePayout }}</span>
                  </span>
                  <span class="arrow" aria-hidden="true">→</span>
                }
                <span class="step">
                  <span class="step-label">Payout</span>
                  <span class="step-value strong" data-testid="component-payout">{{ row.payout }}</span>
                </span>
                <span class="step">
                  <span class="step-label">Contribution</span>
                  <span class="step-value">{{ row.contribution }}</span>
                </span>
              </p>
              <p class="basis" [class.fallback]="row.basisNote" data-testid="component-basis">
                @if (row.basisNote) {
                  <ls-icon name="info" />
                }
                <span
                  ><span class="basis-word">{{ row.basis }}</span> · {{ row.source }}</span
                >
              </p>
              <p class="segment ls-muted">{{ row.segment }}</p>
              @for (effect of row.effects; track $index) {
                <p class="effect" [attr.data-kind]="effect.kind" data-testid="component-effect">
                  <span class="ls-status-chip" data-status="amber">
                    <ls-icon [name]="effect.icon" />
                    <span>{{ effect.label }}</span>
                  </span>
                  <span>{{ effect.detail }}</span>
                </p>
              }
            </div>
            <ls-curve-position-chart
              class="curve"
              [label]="row.label"
              [metricName]="row.metricName"
              [unit]="row.trace.unit"
              [direction]="row.trace.direction"
              [points]="row.trace.points"
              [value]="row.trace.input.value"
              [curvePayout]="row.trace.curvePayout"
              [payout]="row.trace.payout"
            />
          </div>
        }
      </section>

      @if (s.trace.gates.length || s.trace.multiplier || planCapBinds()) {
        <section class="modifiers" [attr.aria-labelledby]="titleId() + '-modifiers'">
          <h4 [id]="titleId() + '-modifiers'">Gates, multiplier and plan cap</h4>
          <ul>
            @for (gate of s.trace.gates; track gate.key) {
              <li data-testid="statement-gate" [attr.data-outcome]="gate.outcome">
                <span class="ls-status-chip" [attr.data-status]="gateInfo[gate.outcome].tone">
                  <ls-icon [name]="gateInfo[gate.outcome].icon" />
                  <span>{{ gateInfo[gate.outcome].label }}</span>
                </span>
                <span>
                  <strong>{{ gate.label }}</strong
                  >: when {{ componentLabel(gate.input) }} is short of
                  {{ gateValue(gate.input, gate.level) }}, {{ componentList(gate.components) }} pay at most
                  {{ payout(gate.maxPayout) }}. {{ componentLabel(gate.input) }} is
                  {{ gateValue(gate.input, gate.inputValue) }}.
                </span>
              </li>
            }
            @if (s.trace.multiplier; as multiplier) {
              <li>
                <span class="ls-status-chip" data-status="neutral">
                  <ls-icon name="trend" />
                  <span>Multiplier</span>
                </span>
                <span>
                  <strong>{{ multiplier.label }}</strong
                  >: × {{ exactPayout(multiplier.factor) }} at {{ multiplier.input.value ?? 'no value' }} —
                  {{ exactPayout(s.trace.weightedPayout) }} becomes
                  {{ exactPayout(s.trace.afterMultiplier) }}.
                </span>
              </li>
            }
            @if (planCapBinds()) {
              <li>
                <span class="ls-status-chip" data-status="amber">
                  <ls-icon name="flag" />
                  <span>Plan cap</span>
                </span>
                <span>
                  The plan pays at most {{ payout(s.trace.planCap) }}:
                  {{ exactPayout(s.trace.afterMultiplier) }} becomes {{ exactPayout(s.trace.totalPayout) }}.
                </span>
              </li>
            }
          </ul>
        </section>
      }

      @if (s.trace.adjustments.length || nonZero(s.trace.carriedIn) || nonZero(s.trace.carriedForward)) {
        <section class="carried" [attr.aria-labelledby]="titleId() + '-adjustments'">
          <h4 [id]="titleId() + '-adjustments'">Adjustments and carried amounts</h4>
          <table class="ls-data-table table" data-testid="statement-adjustments">
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">Why</th>
                <th scope="col" class="ls-num">Amount</th>
              </tr>
            </thead>
            <tbody>
              @for (adjustment of s.trace.adjustments; track $index) {
                <tr>
                  <td>
                    Adjustment for {{ adjustment.forPeriod }}
                    <span class="ls-muted"
                      >({{ adjustment.source === 'INQUIRY' ? 'inquiry' : 'restatement' }})</span
                    >
                  </td>
                  <td>{{ adjustment.reason }}</td>
                  <td class="ls-num">{{ signed(adjustment.amount) }}</td>
                </tr>
              }
              @if (nonZero(s.trace.carriedIn)) {
                <tr>
                  <td>Carried in</td>
                  <td>A negative balance from earlier statements, recouped from this one.</td>
                  <td class="ls-num">{{ signed(s.trace.carriedIn) }}</td>
                </tr>
              }
              @if (nonZero(s.trace.carriedForward)) {
                <tr>
                  <td>Carried forward</td>
                  <td>A statement never pays below zero; this is recouped from later statements.</td>
                  <td class="ls-num">{{ signed(s.trace.carriedForward) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </section>
      }
    </article>
  `,
  styles: `
    :host {
      display: block;
    }
    .statement {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .head {
      display: flex;
      justify-content: space-between;
      align-items: flex-start;
      gap: 8px 16px;
      flex-wrap: wrap;
    }
    h3 {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    h4 {
      margin: 0 0 6px;
      font: var(--mat-sys-title-small);
      font-weight: 600;
    }
    .meta {
      margin: 2px 0 0;
    }
    .note {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      margin: 0;
      padding: 8px 12px;
      border-radius: 8px;
    }
    .projection {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .review {
      background: var(--ls-warn-container);
      color: var(--ls-warn);
    }
    .totals {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 32px;
      margin: 0;
    }
    .totals dt {
      font-size: 0.8rem;
      color: var(--ls-muted);
    }
    .totals dd {
      margin: 0;
      font-size: 1.05rem;
      font-variant-numeric: tabular-nums;
    }
    .totals .big {
      font-size: 1.45rem;
      font-weight: 600;
    }
    .totals .unit {
      font-size: 0.85rem;
      font-weight: 400;
      color: var(--ls-muted);
    }
    .components {
      display: flex;
      flex-direction: column;
      border-top: 1px solid var(--ls-border);
    }
    .component {
      display: grid;
      grid-template-columns: minmax(0, 1.4fr) minmax(240px, 1fr);
      gap: 8px 24px;
      padding: 12px 0;
      border-bottom: 1px solid var(--ls-border);
      break-inside: avoid;
    }
    @media (max-width: 900px) {
      .component {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .component-title {
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
      font-weight: 600;
    }
    .weight {
      font-weight: 400;
      font-size: 0.82rem;
      margin-left: 6px;
    }
    .flow {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 4px 12px;
      margin: 0 0 6px;
    }
    .step {
      display: inline-flex;
      flex-direction: column;
    }
    .step-label {
      font-size: 0.72rem;
      color: var(--ls-muted);
      text-transform: uppercase;
      letter-spacing: 0.03em;
    }
    .step-value {
      font-size: 1.05rem;
      font-variant-numeric: tabular-nums;
    }
    .strong {
      font-weight: 700;
    }
    .arrow {
      color: var(--ls-muted);
      padding-bottom: 2px;
    }
    .basis,
    .segment,
    .effect {
      margin: 2px 0;
      font-size: 0.85rem;
    }
    .basis {
      display: flex;
      gap: 4px;
      align-items: flex-start;
      --ls-icon-size: 16px;
    }
    .basis-word {
      font-weight: 600;
    }
    .fallback {
      color: var(--ls-warn);
    }
    .effect {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
    }
    .modifiers ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    .modifiers li {
      display: flex;
      gap: 8px;
      align-items: baseline;
      font-size: 0.9rem;
    }
    .table {
      border-collapse: collapse;
      font-size: 0.88rem;
    }
    .table th,
    .table td {
      padding: 5px 10px;
      text-align: left;
      border-bottom: 1px solid var(--ls-border);
      vertical-align: top;
    }
    .table .ls-num {
      text-align: right;
      white-space: nowrap;
    }
  `,
})
export class StatementViewComponent {
  readonly statement = input.required<Statement>();
  /** The currency of the statement's money; the statement's own when not given. */
  readonly currency = input<string | null>(null);

  private static nextId = 0;
  private readonly instance = StatementViewComponent.nextId++;
  protected readonly titleId = computed(() => `statement-${this.instance}`);

  protected readonly gateInfo = GATE_OUTCOME_INFO;
  protected readonly payout = formatPayout;
  protected readonly exactPayout = formatExactPayout;
  protected readonly nonZero = isNonZeroMoney;

  private readonly currencyCode = computed(() => this.currency() ?? this.statement().currency);
  protected readonly status = computed(() => STATEMENT_STATUS_INFO[this.statement().status]);

  protected readonly rows = computed((): ComponentRow[] =>
    this.statement().trace.components.map((component) => ({
      key: component.key,
      label: component.label,
      metricName: component.metricName,
      scope: COMPONENT_SCOPE_LABELS[component.scope].toLowerCase(),
      weight: formatMetricValue(component.weight, 'percent'),
      actual:
        component.input.value === null
          ? 'No result'
          : formatMetricValue(component.input.value, component.unit, { currency: this.currencyCode() }),
      basis: basisLabel(component.input.basis),
      basisNote: component.input.basis !== 'ACTUAL',
      source: component.input.source,
      score: component.score === null ? null : formatMetricValue(component.score, 'score'),
      attainment: percentOrNull(component.attainment),
      curvePayout: formatPayout(component.curvePayout),
      payout: formatPayout(component.payout),
      contribution: formatPayout(component.contribution),
      segment: segmentSentence(component.segment, component.unit),
      effects: componentEffects(component),
      trace: component,
    })),
  );

  protected readonly adjustmentTotal = computed(() =>
    sumDecimals(this.statement().trace.adjustments.map((adjustment) => adjustment.amount)),
  );

  protected readonly planCapBinds = computed(() => {
    const trace = this.statement().trace;
    return trace.planCap !== null && compareDecimals(trace.totalPayout, trace.afterMultiplier) < 0;
  });

  protected money(value: string | null): string {
    return formatStatementMoney(value, this.currencyCode());
  }

  protected signed(value: string | null): string {
    return formatSignedMoney(value, this.currencyCode());
  }

  private componentByKey(key: string): ComponentTrace | undefined {
    return this.statement().trace.components.find((component) => component.key === key);
  }

  protected componentLabel(key: string): string {
    return this.componentByKey(key)?.label ?? key;
  }

  protected componentList(keys: readonly string[]): string {
    const labels = keys.map((key) => this.componentLabel(key));
    if (labels.length <= 1) return labels.join('');
    return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
  }

  protected gateValue(key: string, value: string | null): string {
    const component = this.componentByKey(key);
    return component ? formatMetricValue(value, component.unit) : formatMetricValue(value, 'score');
  }
}
