import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import {
  COMPONENT_SCOPES,
  type CurveSpec,
  type MetricDefinition,
  type PlanMultiplier,
  type PlanRules,
} from '@lodestar/contracts';
import { CurveEditorComponent } from './curve-editor.component';
import { optionalDecimalText } from './plan-editing';
import { formatPlain, scopeLabel } from './plan-format';

/**
 * After the weighted sum: the multiplier (total × m, m in % read from a curve on a metric's value),
 * each component's cap and the plan cap (the highest total payout %). Empty caps mean none.
 */
@Component({
  selector: 'ls-multiplier-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CurveEditorComponent],
  template: `
    <section class="part" aria-labelledby="multiplier-title">
      <h3 id="multiplier-title">Multiplier</h3>
      @if (readOnly()) {
        @if (rules().multiplier; as multiplier) {
          <p data-testid="multiplier-sentence">
            {{ multiplier.label }}: the total is multiplied by a factor read from
            {{ metricName(multiplier.metric) }} of the {{ scopeText(multiplier.scope).toLowerCase() }}.
          </p>
        } @else {
          <p class="ls-muted">No multiplier: the weighted total is paid as it is.</p>
        }
      } @else {
        <label class="switch">
          <input
            type="checkbox"
            [checked]="!!rules().multiplier"
            (change)="enable($any($event.target).checked)"
          />
          Multiply the total by a factor read from a metric
        </label>
      }
      @if (rules().multiplier; as multiplier) {
        @if (!readOnly()) {
          <div class="row">
            <label>
              <span>Label</span>
              <input
                type="text"
                class="text"
                maxlength="80"
                autocomplete="off"
                [value]="multiplier.label"
                (input)="changeMultiplier({ label: $any($event.target).value })"
              />
            </label>
            <label>
              <span>Metric</span>
              <select (change)="changeMultiplier({ metric: $any($event.target).value })">
                @for (metric of metrics(); track metric.key) {
                  <option [value]="metric.key" [selected]="metric.key === multiplier.metric">
                    {{ metric.name }}
                  </option>
                }
              </select>
            </label>
            <label>
              <span>Results of</span>
              <select (change)="changeMultiplier({ scope: $any($event.target).value })">
                @for (scope of scopes; track scope) {
                  <option [value]="scope" [selected]="scope === multiplier.scope">
                    {{ scopeText(scope) }}
                  </option>
                }
              </select>
            </label>
          </div>
        }
        <ls-curve-editor
          idPrefix="multiplier-curve"
          payoutWord="Multiplier"
          [allowTargets]="false"
          [curve]="multiplierCurve()!"
          [direction]="direction()"
          [metricName]="metricName(multiplier.metric)"
          [readOnly]="readOnly()"
          (curveChange)="changeCurve($event)"
        />
        <p class="ls-muted hint">100 % multiplies by 1; 110 % adds a tenth to the total.</p>
      }
    </section>

    <section class="part" aria-labelledby="caps-title">
      <h3 id="caps-title">Caps</h3>
      <table class="ls-data-table grid" data-testid="caps-table">
        <caption class="ls-visually-hidden">
          Highest payout of each component and of the plan, in percent; empty for none
        </caption>
        <thead>
          <tr>
            <th scope="col">Of</th>
            <th scope="col" class="ls-num">Highest payout</th>
          </tr>
        </thead>
        <tbody>
          @for (component of rules().components; track component.key; let i = $index) {
            <tr>
              <th scope="row">{{ component.label || component.key }}</th>
              <td class="ls-num">
                @if (readOnly()) {
                  {{ component.cap === null ? 'No cap' : plain(component.cap) + ' %' }}
                } @else {
                  <span class="cell">
                    <input
                      type="text"
                      class="number"
                      inputmode="decimal"
                      autocomplete="off"
                      placeholder="none"
                      [attr.aria-label]="
                        'Cap of ' + (component.label || component.key) + ' in percent, empty for none'
                      "
                      [value]="component.cap ?? ''"
                      (input)="changeCap(i, $any($event.target).value)"
                    />
                    <span aria-hidden="true">%</span>
                  </span>
                }
              </td>
            </tr>
          }
          <tr class="plan">
            <th scope="row">The plan (total payout)</th>
            <td class="ls-num">
              @if (readOnly()) {
                {{ rules().planCap === null ? 'No cap' : plain(rules().planCap) + ' %' }}
              } @else {
                <span class="cell">
                  <input
                    type="text"
                    class="number"
                    inputmode="decimal"
                    autocomplete="off"
                    placeholder="none"
                    data-testid="plan-cap"
                    aria-label="Plan cap in percent, empty for none"
                    [value]="rules().planCap ?? ''"
                    (input)="changePlanCap($any($event.target).value)"
                  />
                  <span aria-hidden="true">%</span>
                </span>
              }
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 16px;
      font-size: 0.875rem;
    }
    h3 {
      font: var(--mat-sys-title-small);
      font-weight: 600;
      margin-bottom: 6px;
    }
    p {
      margin: 0 0 8px;
    }
    .hint {
      font-size: 0.8rem;
      margin-top: 4px;
    }
    .switch {
      display: inline-flex;
      gap: 6px;
      align-items: center;
      margin-bottom: 8px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 14px;
      margin-bottom: 10px;
    }
    .row label {
      display: flex;
      flex-direction: column;
      gap: 2px;
      font-size: 0.8rem;
      color: var(--mat-sys-on-surface-variant);
    }
    input[type='text'],
    select {
      padding: 4px 6px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 6px;
      font: inherit;
      font-size: 0.875rem;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    .text {
      width: 200px;
    }
    .number {
      width: 80px;
      text-align: right;
    }
    .cell {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    .grid {
      border-collapse: collapse;
      max-width: 420px;
    }
    .grid th,
    .grid td {
      padding: 3px 8px;
      border-bottom: 1px solid var(--ls-border);
      text-align: left;
      font-weight: 400;
    }
    .grid thead th {
      font-size: 0.78rem;
      font-weight: 600;
      color: var(--mat-sys-on-surface-variant);
    }
    .grid .ls-num {
      text-align: right;
    }
    tr.plan th {
      font-weight: 600;
    }
  `,
})
export class MultiplierEditorComponent {
  readonly rules = input.required<PlanRules>();
  readonly metrics = input.required<MetricDefinition[]>();
  readonly readOnly = input(false);
  readonly rulesChange = output<PlanRules>();

  protected readonly scopes = COMPONENT_SCOPES;
  protected readonly scopeText = scopeLabel;
  protected readonly plain = formatPlain;
  private readonly byKey = computed(() => new Map(this.metrics().map((metric) => [metric.key, metric])));
  protected readonly direction = computed(() => {
    const metric = this.rules().multiplier?.metric;
    return (metric && this.byKey().get(metric)?.direction) || 'higher';
  });
  protected readonly multiplierCurve = computed((): CurveSpec | null => {
    const multiplier = this.rules().multiplier;
    return multiplier ? { source: 'POINTS', points: multiplier.points } : null;
  });

  protected metricName(key: string): string {
    return this.byKey().get(key)?.name ?? key;
  }

  /** On: a multiplier on the CX index (else the first metric) whose points are left to type. */
  protected enable(on: boolean): void {
    const rules = this.rules();
    if (!on) {
      this.rulesChange.emit({ ...rules, multiplier: null });
      return;
    }
    const metric = this.byKey().get('cx_index') ?? this.metrics()[0];
    const multiplier: PlanMultiplier = {
      label: `${metric?.name ?? 'Metric'} multiplier`,
      metric: metric?.key ?? '',
      scope: 'COMPANY',
      points: [
        { value: '', payout: '90' },
        { value: '', payout: '110' },
      ],
    };
    this.rulesChange.emit({ ...rules, multiplier });
  }

  protected changeMultiplier(change: Partial<PlanMultiplier>): void {
    const rules = this.rules();
    if (!rules.multiplier) return;
    this.rulesChange.emit({ ...rules, multiplier: { ...rules.multiplier, ...change } });
  }

  protected changeCurve(curve: CurveSpec): void {
    if (curve.source === 'POINTS') this.changeMultiplier({ points: curve.points });
  }

  protected changeCap(index: number, typed: string): void {
    const rules = this.rules();
    const cap = optionalDecimalText(typed);
    this.rulesChange.emit({
      ...rules,
      components: rules.components.map((component, i) => (i === index ? { ...component, cap } : component)),
    });
  }

  protected changePlanCap(typed: string): void {
    this.rulesChange.emit({ ...this.rules(), planCap: optionalDecimalText(typed) });
  }
}
