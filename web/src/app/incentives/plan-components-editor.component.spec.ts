import { TestBed } from '@angular/core/testing';
import type { PlanRules } from '@lodestar/contracts';
import { PlanComponentsEditorComponent } from './plan-components-editor.component';
import { checkWeights } from './plan-editing';
import { PLAN_METRICS, SALES_RULES } from './plan.fixtures';

function setUp(rules: PlanRules = SALES_RULES) {
  TestBed.configureTestingModule({ imports: [PlanComponentsEditorComponent] });
  const fixture = TestBed.createComponent(PlanComponentsEditorComponent);
  fixture.componentRef.setInput('rules', rules);
  fixture.componentRef.setInput('metrics', PLAN_METRICS);
  const emitted: PlanRules[] = [];
  fixture.componentInstance.rulesChange.subscribe((next) => {
    emitted.push(next);
    fixture.componentRef.setInput('rules', next);
  });
  fixture.detectChanges();
  const element: HTMLElement = fixture.nativeElement;
  const text = (testId: string) =>
    element.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  const type = (index: number, value: string) => {
    const input = element.querySelector<HTMLInputElement>(`[data-testid="weight-${index}"]`);
    if (!input) throw new Error(`no weight input ${index}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
  };
  return { fixture, element, emitted, text, type };
}

describe('plan components editor', () => {
  it('sums the weights as they are typed and says why 95 % cannot be saved', () => {
    const { text, type, emitted } = setUp();
    expect(text('weights-total')).toBe('100 %');
    expect(text('weights-problem')).toBeNull();

    type(0, '55');

    expect(emitted.at(-1)?.components.map((component) => component.weight)).toEqual(['55', '40']);
    expect(text('weights-total')).toBe('95 %');
    expect(text('weights-problem')).toBe(
      'The weights add up to 95 %, not 100 %: change them so they add up to exactly 100 % before saving.',
    );

    type(1, '45');
    expect(text('weights-total')).toBe('100 %');
    expect(text('weights-problem')).toBeNull();
  });

  it('keeps a weight typed with a percent sign or a decimal as a plain decimal', () => {
    const { type, emitted, text } = setUp();
    type(0, '59.5 %');
    expect(emitted.at(-1)?.components[0].weight).toBe('59.5');
    expect(text('weights-total')).toBe('99.5 %');
  });

  it('names a weight that is not a number', () => {
    expect(checkWeights([{ ...SALES_RULES.components[0], weight: 'sixty' }]).problem).toBe(
      "The weight of 'Quota' is not a number: type a percentage such as 25.",
    );
  });

  it('adds a component on a metric with the weight still missing to 100 %, its curve from targets', () => {
    const { element, fixture, emitted } = setUp({
      ...SALES_RULES,
      components: [{ ...SALES_RULES.components[0], weight: '70' }],
      gates: [],
    });
    const select = element.querySelector<HTMLSelectElement>('[data-testid="new-component-metric"]');
    if (!select) throw new Error('no metric picker');
    select.value = 'complaint_rate';
    Array.from(element.querySelectorAll('button'))
      .find((button) => button.textContent?.includes('Add component'))
      ?.click();
    fixture.detectChanges();
    expect(emitted.at(-1)?.components[1]).toEqual({
      key: 'complaint_rate',
      label: 'Complaint rate',
      metric: 'complaint_rate',
      scope: 'OWN_UNIT',
      weight: '30',
      curve: { source: 'TARGETS', payouts: ['50', '100', '200'] },
      cap: null,
    });
  });

  it('removes a component and the gate that reads it', () => {
    const { element, fixture, emitted } = setUp();
    element.querySelector<HTMLButtonElement>('button[aria-label="Remove CX index"]')?.click();
    fixture.detectChanges();
    expect(emitted.at(-1)?.components.map((component) => component.key)).toEqual(['quota']);
    expect(emitted.at(-1)?.gates).toEqual([]);
  });

  it('refuses a key another component has and keeps the old one', () => {
    const { element, fixture, emitted, text } = setUp();
    const key = element.querySelector<HTMLInputElement>('input[aria-label="Key of CX index"]');
    if (!key) throw new Error('no key input');
    key.value = 'quota';
    key.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    expect(emitted).toEqual([]);
    expect(key.value).toBe('cx');
    expect(text('key-problem')).toBe(
      'Another component already has the key "quota": each key must be unique. The key stays "cx".',
    );
  });

  it('renames a component in the gates that name it', () => {
    const { element, fixture, emitted } = setUp();
    const key = element.querySelector<HTMLInputElement>('input[aria-label="Key of CX index"]');
    if (!key) throw new Error('no key input');
    key.value = 'cx_index';
    key.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    expect(emitted.at(-1)?.gates[0].input).toBe('cx_index');
  });

  it('names each curve button by the words it shows, then the component it picks', () => {
    const { fixture, element } = setUp();
    for (const readOnly of [false, true]) {
      fixture.componentRef.setInput('readOnly', readOnly);
      fixture.detectChanges();
      const button = element.querySelector<HTMLButtonElement>('[data-testid="curve-0"]');
      const visible = button?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      expect(visible).toMatch(/^(From targets|Points)$/);
      expect(button?.getAttribute('aria-label')).toBe(
        `${visible}: curve of ${SALES_RULES.components[0].label}`,
      );
    }
  });

  it('shows the components without inputs when read only', () => {
    const { fixture, element, text } = setUp();
    fixture.componentRef.setInput('readOnly', true);
    fixture.detectChanges();
    expect(element.querySelectorAll('[data-testid="components-table"] input').length).toBe(0);
    expect(text('weights-total')).toBe('100 %');
  });
});
