import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { PlanGate, PlanRules } from '@lodestar/contracts';
import { IconComponent } from '../shared/icon.component';
import { componentKey, decimalText, optionalDecimalText } from './plan-editing';
import { formatPlain } from './plan-format';

/**
 * The gates of a version: if a component's value is short of a level (by default its threshold),
 * the components it names pay at most a payout %. E.g. "if the CX index is below threshold, quota
 * and margin pay at most 100 %". Each gate reads as that sentence.
 */
@Component({
  selector: 'ls-gates-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, IconComponent],
  template: `
    @for (gate of rules().gates; track $index; let i = $index) {
      <fieldset class="gate" [attr.data-testid]="'gate-' + i">
        <legend>{{ gate.label || 'Gate ' + (i + 1) }}</legend>
        @if (readOnly()) {
          <p class="sentence" data-testid="gate-sentence">{{ sentence(gate) }}</p>
        } @else {
          <div class="row">
            <label>
              <span>Label</span>
              <input
                type="text"
                class="text"
                maxlength="80"
                autocomplete="off"
                [value]="gate.label"
                (input)="change(i, { label: $any($event.target).value })"
              />
            </label>
            <label>
              <span>If the value of</span>
              <select (change)="change(i, { input: $any($event.target).value })">
                @if (!hasComponent(gate.input)) {
                  <option value="" selected>Choose a component</option>
                }
                @for (component of rules().components; track component.key) {
                  <option [value]="component.key" [selected]="component.key === gate.input">
                    {{ component.label || component.key }}
                  </option>
                }
              </select>
            </label>
            <label>
              <span>is short of</span>
              <input
                type="text"
                class="number"
                inputmode="decimal"
                autocomplete="off"
                placeholder="its threshold"
                [value]="gate.level ?? ''"
                (input)="change(i, { level: optional($any($event.target).value) })"
              />
            </label>
            <label>
              <span>they pay at most</span>
              <span class="cell">
                <input
                  type="text"
                  class="number"
                  inputmode="decimal"
                  autocomplete="off"
                  [value]="gate.maxPayout"
                  (input)="change(i, { maxPayout: decimal($any($event.target).value) })"
                />
                <span aria-hidden="true">%</span>
              </span>
            </label>
            <button
              mat-icon-button
              type="button"
              [attr.aria-label]="'Remove ' + (gate.label || 'gate ' + (i + 1))"
              (click)="remove(i)"
            >
              <ls-icon name="delete" />
            </button>
          </div>
          <fieldset class="held">
            <legend>Components held down</legend>
            @for (component of rules().components; track component.key) {
              @if (component.key !== gate.input) {
                <label>
                  <input
                    type="checkbox"
                    [checked]="gate.components.includes(component.key)"
                    (change)="toggle(i, component.key, $any($event.target).checked)"
                  />
                  {{ component.label || component.key }}
                </label>
              }
            }
          </fieldset>
          <p class="sentence ls-muted">{{ sentence(gate) }}</p>
        }
      </fieldset>
    } @empty {
      <p class="ls-muted empty">
        No gates.{{
          readOnly()
            ? ''
            : ' A gate holds components down while another one is short of a level, e.g. quota pays at most 100 % while the CX index is below threshold.'
        }}
      </p>
    }
    @if (!readOnly()) {
      <button
        mat-stroked-button
        type="button"
        (click)="add()"
        [disabled]="rules().components.length < 2"
        data-testid="add-gate"
      >
        <ls-icon name="add" />Add a gate
      </button>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 10px;
      font-size: 0.875rem;
    }
    .gate {
      border: 1px solid var(--ls-border);
      border-radius: 8px;
      padding: 8px 12px 10px;
      margin: 0;
    }
    .gate > legend {
      font-weight: 600;
      padding: 0 4px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 14px;
      align-items: flex-end;
    }
    .row label {
      display: flex;
      flex-direction: column;
      gap: 2px;
      font-size: 0.8rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .held {
      border: none;
      padding: 0;
      margin: 8px 0 0;
      display: flex;
      flex-wrap: wrap;
      gap: 4px 14px;
    }
    .held legend {
      font-size: 0.8rem;
      color: var(--mat-sys-on-surface-variant);
      padding: 0;
      margin-bottom: 2px;
    }
    .held label {
      display: inline-flex;
      gap: 4px;
      align-items: center;
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
      width: 90px;
      text-align: right;
    }
    .cell {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    p {
      margin: 0;
    }
    .sentence {
      margin-top: 6px;
    }
  `,
})
export class GatesEditorComponent {
  readonly rules = input.required<PlanRules>();
  readonly readOnly = input(false);
  readonly rulesChange = output<PlanRules>();

  protected readonly decimal = decimalText;
  protected readonly optional = optionalDecimalText;
  private readonly labels = computed(
    () =>
      new Map(this.rules().components.map((component) => [component.key, component.label || component.key])),
  );

  protected hasComponent(key: string): boolean {
    return this.labels().has(key);
  }

  /** "If CX index is short of its threshold, Quota and Margin pay at most 100 %." */
  protected sentence(gate: PlanGate): string {
    const name = (key: string) => this.labels().get(key) ?? key;
    const held = gate.components.map(name);
    const list =
      held.length <= 1 ? held.join('') : `${held.slice(0, -1).join(', ')} and ${held[held.length - 1]}`;
    const level = gate.level === null ? 'its threshold' : formatPlain(gate.level);
    return (
      `If ${gate.input ? name(gate.input) : 'the chosen component'} is short of ${level}, ` +
      `${list || 'the components held down'} ${held.length === 1 ? 'pays' : 'pay'} at most ${formatPlain(gate.maxPayout)} %.`
    );
  }

  protected change(index: number, change: Partial<PlanGate>): void {
    const rules = this.rules();
    this.rulesChange.emit({
      ...rules,
      gates: rules.gates.map((gate, i) => {
        if (i !== index) return gate;
        const next = { ...gate, ...change };
        // A gate never holds down the component it reads.
        return { ...next, components: next.components.filter((key) => key !== next.input) };
      }),
    });
  }

  protected toggle(index: number, key: string, held: boolean): void {
    const gate = this.rules().gates[index];
    if (!gate) return;
    const components = held
      ? this.rules()
          .components.map((component) => component.key)
          .filter((candidate) => candidate === key || gate.components.includes(candidate))
      : gate.components.filter((candidate) => candidate !== key);
    this.change(index, { components });
  }

  /** A new gate on the first component, holding down the others at 100 %. */
  protected add(): void {
    const rules = this.rules();
    const [first, ...others] = rules.components;
    if (!first) return;
    const taken = new Set(rules.gates.map((gate) => gate.key));
    const gate: PlanGate = {
      key: componentKey(`${first.key}_gate`, taken),
      label: `${first.label || first.key} gate`,
      input: first.key,
      level: null,
      components: others.map((component) => component.key),
      maxPayout: '100',
    };
    this.rulesChange.emit({ ...rules, gates: [...rules.gates, gate] });
  }

  protected remove(index: number): void {
    const rules = this.rules();
    this.rulesChange.emit({ ...rules, gates: rules.gates.filter((_, i) => i !== index) });
  }
}
