import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import {
  COMPONENT_SCOPES,
  DEFAULT_TARGET_PAYOUTS,
  type MetricDefinition,
  type PlanComponent,
  type PlanRules,
} from '@lodestar/contracts';
import { IconComponent } from '../shared/icon.component';
import {
  checkWeights,
  componentMetricOptions,
  decimalText,
  isComponentKey,
  isPrimaryCommercial,
  newComponent,
  removeComponent,
  renameComponent,
} from './plan-editing';
import { formatPlain, scopeLabel } from './plan-format';

/**
 * The components of a version: label, metric (any metric with targets, the CX index and the
 * adjusted figures included), whose results count, and the weight; the running sum of the weights
 * under them and, unless it is exactly 100 %, the sentence that says so. "Curve" picks the
 * component whose curve is edited below.
 */
@Component({
  selector: 'ls-plan-components-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, IconComponent],
  template: `
    <div class="scroll">
      <table class="ls-data-table grid" data-testid="components-table">
        <caption class="ls-visually-hidden">
          Components of the plan, with the metric each reads, whose results count and its weight in percent
        </caption>
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col">Key</th>
            <th scope="col">Metric</th>
            <th scope="col">Results of</th>
            <th scope="col" class="ls-num">Weight</th>
            <th scope="col">Curve</th>
            @if (!readOnly()) {
              <th scope="col"><span class="ls-visually-hidden">Remove</span></th>
            }
          </tr>
        </thead>
        <tbody>
          @for (component of rules().components; track $index; let i = $index) {
            <tr [class.selected]="component.key === selected()" [attr.data-key]="component.key">
              @if (readOnly()) {
                <th scope="row">{{ component.label }}</th>
                <td class="ls-mono">{{ component.key }}</td>
                <td>{{ metricName(component.metric) }}</td>
                <td>{{ scopeText(component.scope) }}</td>
                <td class="ls-num">{{ plain(component.weight) }} %</td>
              } @else {
                <th scope="row">
                  <input
                    class="text"
                    type="text"
                    autocomplete="off"
                    maxlength="80"
                    [attr.aria-label]="'Label of component ' + (i + 1)"
                    [value]="component.label"
                    (input)="change(i, { label: $any($event.target).value })"
                  />
                </th>
                <td>
                  <input
                    class="key ls-mono"
                    type="text"
                    autocomplete="off"
                    maxlength="40"
                    spellcheck="false"
                    [attr.aria-label]="'Key of ' + nameOf(component, i)"
                    [attr.aria-invalid]="keyProblem()?.index === i ? 'true' : null"
                    [attr.aria-describedby]="keyProblem()?.index === i ? 'component-key-problem' : null"
                    [value]="component.key"
                    (change)="rename(i, $any($event.target))"
                  />
                </td>
                <td>
                  <select
                    [attr.aria-label]="'Metric of ' + nameOf(component, i)"
                    [attr.data-testid]="'metric-' + i"
                    (change)="changeMetric(i, $any($event.target).value)"
                  >
                    @if (!knownMetric(component.metric)) {
                      <option [value]="component.metric" selected>{{ component.metric }} (unknown)</option>
                    }
                    @for (metric of options(); track metric.key) {
                      <option [value]="metric.key" [selected]="metric.key === component.metric">
                        {{ metric.name }}
                      </option>
                    }
                  </select>
                </td>
                <td>
                  <select
                    [attr.aria-label]="'Whose results count for ' + nameOf(component, i)"
                    (change)="change(i, { scope: $any($event.target).value })"
                  >
                    @for (scope of scopes; track scope) {
                      <option [value]="scope" [selected]="scope === component.scope">
                        {{ scopeText(scope) }}
                      </option>
                    }
                  </select>
                </td>
                <td class="ls-num">
                  <span class="cell">
                    <input
                      class="number"
                      type="text"
                      inputmode="decimal"
                      autocomplete="off"
                      [attr.data-testid]="'weight-' + i"
                      [attr.aria-label]="'Weight of ' + nameOf(component, i) + ' in percent'"
                      [value]="component.weight"
                      (input)="change(i, { weight: decimalText($any($event.target).value) })"
                    />
                    <span aria-hidden="true">%</span>
                  </span>
                </td>
              }
              <td>
                <button
                  mat-button
                  type="button"
                  [attr.aria-pressed]="component.key === selected()"
                  [attr.aria-label]="curveWord(component) + ': curve of ' + nameOf(component, i)"
                  [attr.data-testid]="'curve-' + i"
                  (click)="pick.emit(component.key)"
                >
                  <ls-icon name="trend" />{{ curveWord(component) }}
                </button>
              </td>
              @if (!readOnly()) {
                <td>
                  <button
                    mat-icon-button
                    type="button"
                    [attr.aria-label]="'Remove ' + nameOf(component, i)"
                    (click)="remove(component.key)"
                  >
                    <ls-icon name="delete" />
                  </button>
                </td>
              }
            </tr>
          } @empty {
            <tr>
              <td colspan="7" class="ls-muted">
                No components yet{{ readOnly() ? '.' : ': add one on a metric below.' }}
              </td>
            </tr>
          }
        </tbody>
        <tfoot>
          <tr [class.bad]="!weights().complete">
            <th scope="row" colspan="4">Total of the weights</th>
            <td class="ls-num total" data-testid="weights-total">
              <ls-icon [name]="weights().complete ? 'ok' : 'warning'" />
              <span>{{ plain(weights().total) }} %</span>
            </td>
            <td [attr.colspan]="readOnly() ? 1 : 2"></td>
          </tr>
        </tfoot>
      </table>
    </div>
    <div aria-live="polite" class="messages">
      @if (weights().problem; as sentence) {
        <p class="problem" data-testid="weights-problem">
          <ls-icon name="warning" /><span>{{ sentence }}</span>
        </p>
      }
      @if (keyProblem(); as wrong) {
        <p class="problem" id="component-key-problem" data-testid="key-problem">
          <ls-icon name="warning" /><span>{{ wrong.sentence }}</span>
        </p>
      }
    </div>
    @if (!readOnly()) {
      <div class="add">
        <label for="new-component-metric">Add a component on</label>
        <select id="new-component-metric" #newMetric data-testid="new-component-metric">
          @for (metric of options(); track metric.key) {
            <option [value]="metric.key">{{ metric.name }}</option>
          }
        </select>
        <button
          mat-stroked-button
          type="button"
          (click)="add(newMetric.value)"
          [disabled]="!options().length"
        >
          <ls-icon name="add" />Add component
        </button>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .scroll {
      overflow-x: auto;
    }
    .grid {
      border-collapse: collapse;
      font-size: 0.85rem;
    }
    .grid th,
    .grid td {
      padding: 3px 8px;
      border-bottom: 1px solid var(--ls-border);
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
    tr.selected {
      background: var(--mat-sys-primary-container);
    }
    input,
    select {
      padding: 4px 6px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 6px;
      font: inherit;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    input[aria-invalid='true'] {
      border-color: var(--ls-bad);
    }
    .text {
      width: 180px;
    }
    .key {
      width: 130px;
    }
    .number {
      width: 64px;
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .cell {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    tfoot th,
    tfoot td {
      font-weight: 600 !important;
      border-bottom: none !important;
    }
    .total {
      color: var(--ls-ok);
      --ls-icon-size: 16px;
    }
    .total > * {
      vertical-align: middle;
    }
    tfoot tr.bad .total {
      color: var(--ls-warn);
    }
    .messages {
      display: flex;
      flex-direction: column;
      gap: 6px;
      margin-top: 6px;
    }
    p {
      margin: 0;
    }
    .problem {
      display: flex;
      gap: 6px;
      align-items: flex-start;
      padding: 8px 10px;
      border-radius: 8px;
      background: var(--ls-warn-container);
      color: var(--ls-warn);
      font-size: 0.85rem;
      font-weight: 500;
      --ls-icon-size: 18px;
    }
    .add {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
      margin-top: 10px;
      font-size: 0.875rem;
    }
  `,
})
export class PlanComponentsEditorComponent {
  readonly rules = input.required<PlanRules>();
  readonly metrics = input.required<MetricDefinition[]>();
  readonly readOnly = input(false);
  /** The key of the component whose curve is being edited. */
  readonly selected = input<string | null>(null);
  readonly rulesChange = output<PlanRules>();
  readonly pick = output<string>();

  protected readonly scopes = COMPONENT_SCOPES;
  protected readonly decimalText = decimalText;
  protected readonly plain = formatPlain;
  protected readonly scopeText = scopeLabel;
  /** Running sum of the weights, and the sentence while it is not 100 %. */
  readonly weights = computed(() => checkWeights(this.rules().components));
  /** A key typed that cannot be used (the previous one stays). */
  protected readonly keyProblem = signal<{ index: number; sentence: string } | null>(null);
  /** The unit's primary commercial metric, then every metric with targets. */
  protected readonly options = computed(() => componentMetricOptions(this.metrics()));
  private readonly metricNames = computed(
    () => new Map(this.options().map((metric) => [metric.key, metric.name])),
  );

  protected metricName(key: string): string {
    return this.metricNames().get(key) ?? key;
  }

  protected knownMetric(key: string): boolean {
    return this.metricNames().has(key);
  }

  /** How the component's curve is set, as its button shows it (and starts its accessible name with). */
  protected curveWord(component: PlanComponent): string {
    return component.curve.source === 'TARGETS' ? 'From targets' : 'Points';
  }

  protected nameOf(component: PlanComponent, index: number): string {
    return component.label.trim() || `component ${index + 1}`;
  }

  protected change(
    index: number,
    change: Partial<Pick<PlanComponent, 'label' | 'weight' | 'scope' | 'metric' | 'curve'>>,
  ): void {
    const rules = this.rules();
    this.rulesChange.emit({
      ...rules,
      components: rules.components.map((component, i) =>
        i === index ? { ...component, ...change } : component,
      ),
    });
  }

  /**
   * A new metric; the label follows when it still was the old metric's name. The unit's primary
   * commercial metric takes its curve from targets (its direction differs by unit).
   */
  protected changeMetric(index: number, metricKey: string): void {
    const component = this.rules().components[index];
    if (!component) return;
    const labelWasName =
      component.label.trim() === '' || component.label === this.metricName(component.metric);
    const change: Partial<PlanComponent> = { metric: metricKey };
    if (labelWasName) change.label = this.metricName(metricKey);
    if (isPrimaryCommercial(metricKey) && component.curve.source === 'POINTS') {
      change.curve = { source: 'TARGETS', payouts: [...DEFAULT_TARGET_PAYOUTS] as [string, string, string] };
    }
    this.change(index, change);
  }

  protected rename(index: number, field: HTMLInputElement): void {
    const rules = this.rules();
    const component = rules.components[index];
    if (!component) return;
    const key = field.value.trim();
    if (key === component.key) {
      this.keyProblem.set(null);
      return;
    }
    let sentence: string | null = null;
    if (!isComponentKey(key)) {
      sentence = `"${key}" cannot be a key: use lower-case letters, digits and _, starting with a letter, at most 40 characters (such as cx_index).`;
    } else if (rules.components.some((other, i) => i !== index && other.key === key)) {
      sentence = `Another component already has the key "${key}": each key must be unique.`;
    }
    if (sentence) {
      this.keyProblem.set({ index, sentence: `${sentence} The key stays "${component.key}".` });
      field.value = component.key;
      return;
    }
    this.keyProblem.set(null);
    this.rulesChange.emit(renameComponent(rules, component.key, key));
  }

  protected add(metricKey: string): void {
    const metric = this.options().find((candidate) => candidate.key === metricKey);
    if (!metric) return;
    const rules = this.rules();
    const component = newComponent(metric, rules.components);
    this.rulesChange.emit({ ...rules, components: [...rules.components, component] });
    this.pick.emit(component.key);
  }

  protected remove(key: string): void {
    this.keyProblem.set(null);
    this.rulesChange.emit(removeComponent(this.rules(), key));
  }
}
