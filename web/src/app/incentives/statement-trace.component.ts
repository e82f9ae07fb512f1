import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { CalculationTrace, ComponentTrace } from '@lodestar/contracts';
import { IconComponent } from '../shared/icon.component';
import {
  absDecimal,
  basisLabel,
  compareDecimals,
  formatExactDecimal,
  formatExactMoney,
  formatExactPayout,
  formatMetricValue,
  formatSignedMoney,
  formatStatementMoney,
  GATE_OUTCOME_INFO,
  segmentSentence,
} from './incentive-format';
import { MONEY_CURRENCY } from '../shared/format';

/** One line of the calculation from the weighted payout to what is payable. */
export interface TraceLine {
  key: string;
  label: string;
  /** How the figure was obtained, with the numbers that went in. */
  how: string;
  value: string;
  /** The lines a reader checks the total against: weighted payout, total payout, amount, payable. */
  strong?: boolean;
}

interface InputRow {
  key: string;
  label: string;
  metricName: string;
  value: string;
  basis: string;
  source: string;
  sample: string;
  band: string;
  score: string;
  attainment: string;
  segment: string;
  curvePayout: string;
  cap: string;
  gates: string;
  payout: string;
  weight: string;
  contribution: string;
}

function bandText(component: ComponentTrace): string {
  const band = component.band;
  if (!band) return 'none';
  const value = (figure: number) => formatMetricValue(String(figure), component.unit, { exact: true });
  return `${value(band.threshold)} / ${value(band.target)} / ${value(band.stretch)}`;
}

/** The lines from the weighted payout to what is payable, each with how it was obtained. */
export function traceLines(trace: CalculationTrace, currency: string): TraceLine[] {
  const pct = formatExactPayout;
  const money = (value: string) => formatExactMoney(value, currency);
  const lines: TraceLine[] = [];
  lines.push({
    key: 'weighted',
    label: 'Weighted payout',
    how:
      trace.components
        .map((component) => `${formatExactDecimal(component.weight)} % × ${pct(component.payout)}`)
        .join(' + ') || 'no components',
    value: pct(trace.weightedPayout),
    strong: true,
  });
  const multiplier = trace.multiplier;
  lines.push({
    key: 'multiplier',
    label: multiplier ? `Multiplier: ${multiplier.label}` : 'Multiplier',
    how: multiplier
      ? `${pct(trace.weightedPayout)} × ${pct(multiplier.factor)} ÷ 100 (${multiplier.input.value === null ? 'no sufficient result: × 1' : `${multiplier.metric} ${formatExactDecimal(multiplier.input.value)}`})`
      : 'none in this plan',
    value: pct(trace.afterMultiplier),
  });
  const capBinds = trace.planCap !== null && compareDecimals(trace.totalPayout, trace.afterMultiplier) < 0;
  lines.push({
    key: 'plan-cap',
    label: 'Plan cap',
    how:
      trace.planCap === null
        ? 'none in this plan'
        : capBinds
          ? `at most ${pct(trace.planCap)}: binds`
          : `at most ${pct(trace.planCap)}: does not bind`,
    value: pct(trace.totalPayout),
    strong: true,
  });
  const bonus = trace.targetBonus;
  lines.push({
    key: 'period-target',
    label: 'Quarter target bonus',
    how: `${money(bonus.annual)} annual × ${bonus.eligibleDays} eligible days ÷ ${bonus.daysInYear} days in the fiscal year`,
    value: money(bonus.periodTarget),
  });
  lines.push({
    key: 'unrounded',
    label: 'Unrounded amount',
    how: `${pct(trace.totalPayout)} ÷ 100 × ${money(bonus.periodTarget)}`,
    value: money(trace.unrounded),
  });
  lines.push({
    key: 'rounding',
    label: 'Rounding',
    how: 'half-even to cents, once, at the end',
    value: formatExactMoney(trace.rounding, currency),
  });
  lines.push({
    key: 'amount',
    label: 'Amount',
    how: `${money(trace.unrounded)} rounded`,
    value: formatStatementMoney(trace.amount, currency),
    strong: true,
  });
  trace.adjustments.forEach((adjustment, index) => {
    lines.push({
      key: `adjustment-${index}`,
      label: `Adjustment for ${adjustment.forPeriod} (${adjustment.source === 'INQUIRY' ? 'inquiry' : 'restatement'})`,
      how: adjustment.reason,
      value: formatSignedMoney(adjustment.amount, currency),
    });
  });
  lines.push({
    key: 'carried-in',
    label: 'Carried in',
    how: 'a negative balance from earlier statements, recouped here',
    value: formatSignedMoney(trace.carriedIn, currency),
  });
  const terms = [...trace.adjustments.map((adjustment) => adjustment.amount), trace.carriedIn]
    .map((value) =>
      compareDecimals(value, '0') < 0
        ? ` − ${formatStatementMoney(absDecimal(value), currency)}`
        : ` + ${formatStatementMoney(value, currency)}`,
    )
    .join('');
  lines.push({
    key: 'payable',
    label: 'Payable',
    how: `the larger of zero and ${formatStatementMoney(trace.amount, currency)}${terms}`,
    value: formatStatementMoney(trace.payable, currency),
    strong: true,
  });
  lines.push({
    key: 'carried-forward',
    label: 'Carried forward',
    how: 'what is below zero, recouped from later statements',
    value: formatSignedMoney(trace.carriedForward, currency),
  });
  return lines;
}

let nextId = 0;

/**
 * The whole calculation of a statement, step by step: the sentences, a table of every input and what the
 * curve, cap and gates made of it, the gates, and the lines from the weighted payout through the
 * multiplier, plan cap and prorated target bonus to the unrounded amount, the rounding, adjustments and
 * what is payable — with every digit, so it can be recomputed by hand. Collapsible and printable.
 */
@Component({
  selector: 'ls-statement-trace',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, IconComponent],
  template: `
    @let t = trace();
    <section class="trace" [attr.aria-labelledby]="id + '-title'" data-testid="statement-trace">
      <header class="head">
        <h4 [id]="id + '-title'">Calculation trace · {{ t.period }}</h4>
        <div class="ls-actions actions">
          <button
            mat-stroked-button
            type="button"
            [attr.aria-expanded]="open()"
            [attr.aria-controls]="id + '-body'"
            (click)="toggle()"
            data-testid="trace-toggle"
          >
            <ls-icon [name]="open() ? 'chevronDown' : 'chevronRight'" />{{
              open() ? 'Hide the calculation' : 'Show the calculation'
            }}
          </button>
          <button mat-stroked-button type="button" (click)="print()" data-testid="trace-print">
            <ls-icon name="file" />Print
          </button>
        </div>
      </header>

      <div class="body" [id]="id + '-body'" [class.collapsed]="!open()" data-testid="trace-body">
        <h5>Step by step</h5>
        <ol class="steps" data-testid="trace-steps">
          @for (step of t.steps; track $index) {
            <li>{{ step }}</li>
          }
        </ol>

        <h5 [id]="id + '-inputs'">Inputs and component payouts</h5>
        <div class="scroll" role="region" [attr.aria-labelledby]="id + '-inputs'" tabindex="0">
          <table class="ls-data-table table" data-testid="trace-inputs">
            <thead>
              <tr>
                <th scope="col">Component</th>
                <th scope="col" class="ls-num">Value</th>
                <th scope="col">Basis</th>
                <th scope="col">Source</th>
                <th scope="col" class="ls-num">Sample</th>
                <th scope="col">Band (threshold / target / stretch)</th>
                <th scope="col" class="ls-num">Score</th>
                <th scope="col" class="ls-num">Attainment</th>
                <th scope="col">Segment</th>
                <th scope="col" class="ls-num">Curve payout</th>
                <th scope="col" class="ls-num">Cap</th>
                <th scope="col">Gates</th>
                <th scope="col" class="ls-num">Payout</th>
                <th scope="col" class="ls-num">Weight</th>
                <th scope="col" class="ls-num">Contribution</th>
              </tr>
            </thead>
            <tbody>
              @for (row of rows(); track row.key) {
                <tr [attr.data-component]="row.key">
                  <th scope="row">
                    {{ row.label }}<span class="sub ls-muted">{{ row.metricName }}</span>
                  </th>
                  <td class="ls-num">{{ row.value }}</td>
                  <td>{{ row.basis }}</td>
                  <td class="wide">{{ row.source }}</td>
                  <td class="ls-num">{{ row.sample }}</td>
                  <td>{{ row.band }}</td>
                  <td class="ls-num">{{ row.score }}</td>
                  <td class="ls-num">{{ row.attainment }}</td>
                  <td class="wide">{{ row.segment }}</td>
                  <td class="ls-num">{{ row.curvePayout }}</td>
                  <td class="ls-num">{{ row.cap }}</td>
                  <td>{{ row.gates }}</td>
                  <td class="ls-num strong">{{ row.payout }}</td>
                  <td class="ls-num">{{ row.weight }}</td>
                  <td class="ls-num">{{ row.contribution }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>

        @if (t.gates.length) {
          <h5 [id]="id + '-gates'">Gates</h5>
          <div class="scroll" role="region" [attr.aria-labelledby]="id + '-gates'" tabindex="0">
            <table class="ls-data-table table" data-testid="trace-gates">
              <thead>
                <tr>
                  <th scope="col">Gate</th>
                  <th scope="col">Input</th>
                  <th scope="col" class="ls-num">Input value</th>
                  <th scope="col" class="ls-num">Level</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Components</th>
                  <th scope="col" class="ls-num">At most</th>
                </tr>
              </thead>
              <tbody>
                @for (gate of t.gates; track gate.key) {
                  <tr>
                    <th scope="row">{{ gate.label }}</th>
                    <td>{{ componentLabel(gate.input) }}</td>
                    <td class="ls-num">{{ exact(gate.inputValue) }}</td>
                    <td class="ls-num">
                      {{ exact(gate.level) }}{{ gate.direction === 'lower' ? ' (lower is better)' : '' }}
                    </td>
                    <td>
                      <span class="ls-status-chip" [attr.data-status]="gateInfo[gate.outcome].tone">
                        <ls-icon [name]="gateInfo[gate.outcome].icon" />
                        <span>{{ gateInfo[gate.outcome].label }}</span>
                      </span>
                    </td>
                    <td>{{ componentLabels(gate.components) }}</td>
                    <td class="ls-num">{{ exactPayout(gate.maxPayout) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }

        @if (t.multiplier; as multiplier) {
          <h5>Multiplier</h5>
          <p class="multiplier" data-testid="trace-multiplier">
            <strong>{{ multiplier.label }}</strong> on {{ multiplier.metric }}:
            {{ exact(multiplier.input.value) }} ({{ basisOf(multiplier.input.basis) }} ·
            {{ multiplier.input.source }}). {{ segmentOf(multiplier.segment) }} Factor
            {{ exactPayout(multiplier.factor) }}.
          </p>
        }

        <h5 [id]="id + '-lines'">From payout to payable</h5>
        <table
          class="ls-data-table table lines"
          data-testid="trace-lines"
          [attr.aria-labelledby]="id + '-lines'"
        >
          <tbody>
            @for (line of lines(); track line.key) {
              <tr [attr.data-line]="line.key" [class.strong]="line.strong" data-testid="trace-line">
                <th scope="row">{{ line.label }}</th>
                <td class="how">{{ line.how }}</td>
                <td class="ls-num">{{ line.value }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
      flex-wrap: wrap;
    }
    h4 {
      margin: 0;
      font: var(--mat-sys-title-small);
      font-weight: 600;
    }
    h5 {
      margin: 14px 0 6px;
      font-size: 0.85rem;
      font-weight: 600;
    }
    .collapsed {
      display: none;
    }
    .steps {
      margin: 0;
      padding-left: 22px;
      font-size: 0.88rem;
      line-height: 1.5;
    }
    .scroll {
      overflow-x: auto;
    }
    .table {
      border-collapse: collapse;
      font-size: 0.8rem;
    }
    .table th,
    .table td {
      padding: 4px 8px;
      text-align: left;
      vertical-align: top;
      border-bottom: 1px solid var(--ls-border);
    }
    .table thead th {
      white-space: nowrap;
      font-weight: 600;
    }
    .table tbody th {
      font-weight: 600;
      white-space: nowrap;
    }
    .table .ls-num {
      text-align: right;
      white-space: nowrap;
    }
    .table .wide {
      min-width: 220px;
    }
    .sub {
      display: block;
      font-weight: 400;
    }
    .strong {
      font-weight: 700;
    }
    .lines {
      max-width: 960px;
      font-size: 0.85rem;
    }
    .lines .how {
      color: var(--ls-muted);
    }
    .lines tr.strong th,
    .lines tr.strong td.ls-num {
      font-weight: 700;
    }
    .multiplier {
      margin: 0;
      font-size: 0.88rem;
    }
    @media print {
      .actions {
        display: none;
      }
      .collapsed {
        display: block;
      }
      .scroll {
        overflow: visible;
      }
      .table {
        font-size: 7.5pt;
      }
      .table .wide {
        min-width: 0;
      }
      /* A printed statement: no navigation, toolbar or controls around it. */
      ::ng-deep ls-shell .top,
      ::ng-deep ls-shell mat-sidenav,
      ::ng-deep ls-shell .skip-link,
      ::ng-deep .ls-print-hide {
        display: none !important;
      }
      ::ng-deep ls-shell,
      ::ng-deep ls-shell mat-sidenav-container,
      ::ng-deep ls-shell mat-sidenav-content {
        display: block !important;
        height: auto !important;
        overflow: visible !important;
        margin-left: 0 !important;
      }
    }
  `,
})
export class StatementTraceComponent {
  readonly trace = input.required<CalculationTrace>();
  readonly currency = input<string>(MONEY_CURRENCY);
  /** Whether the calculation shows at first; it can be shown and hidden, and always prints. */
  readonly initiallyOpen = input(false);

  protected readonly id = `trace-${nextId++}`;
  protected readonly gateInfo = GATE_OUTCOME_INFO;
  protected readonly exact = formatExactDecimal;
  protected readonly exactPayout = formatExactPayout;
  protected readonly basisOf = basisLabel;
  protected readonly segmentOf = segmentSentence;

  private readonly toggled = signal<boolean | null>(null);
  /** Follows `initiallyOpen` until the reader shows or hides it. */
  protected readonly open = computed(() => this.toggled() ?? this.initiallyOpen());

  protected readonly rows = computed((): InputRow[] =>
    this.trace().components.map((component) => {
      const metric = (value: string | null) => formatMetricValue(value, component.unit, { exact: true });
      return {
        key: component.key,
        label: component.label,
        metricName: component.metricName,
        value: component.input.value === null ? 'none' : metric(component.input.value),
        basis: basisLabel(component.input.basis),
        source: component.input.source,
        sample: component.input.sample === null ? '—' : String(component.input.sample),
        band: bandText(component),
        score: component.score === null ? '—' : formatExactDecimal(component.score),
        attainment: component.attainment === null ? '—' : formatExactPayout(component.attainment),
        segment: segmentSentence(component.segment, component.unit),
        curvePayout: formatExactPayout(component.curvePayout),
        cap: component.cap === null ? 'none' : formatExactPayout(component.cap),
        gates: component.gatedBy.length
          ? component.gatedBy
              .map((gate) => `${gate.gate}: at most ${formatExactPayout(gate.maxPayout)}`)
              .join('; ')
          : 'none',
        payout: formatExactPayout(component.payout),
        weight: formatExactPayout(component.weight),
        contribution: formatExactPayout(component.contribution),
      };
    }),
  );

  protected readonly lines = computed(() => traceLines(this.trace(), this.currency()));

  protected componentLabel(key: string): string {
    return this.trace().components.find((component) => component.key === key)?.label ?? key;
  }

  protected componentLabels(keys: readonly string[]): string {
    return keys.map((key) => this.componentLabel(key)).join(', ');
  }

  protected toggle(): void {
    this.toggled.set(!this.open());
  }

  protected print(): void {
    window.print();
  }
}
