import type { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { PlanRules } from '@lodestar/contracts';
import { GatesEditorComponent } from './gates-editor.component';
import { MultiplierEditorComponent } from './multiplier-editor.component';
import { previewOf } from './participant-preview.component';
import { participantInput, rowProblems } from './participants-table.component';
import { versionRulesProblems } from './plan-editing';
import { formatMoneyCents, formatPayout, quartersFrom, recentQuarters } from './plan-format';
import { PLAN_METRICS, SALES_RULES, VICTOR_FACTS, version } from './plan.fixtures';

function editor<T extends GatesEditorComponent | MultiplierEditorComponent>(type: Type<T>, rules: PlanRules) {
  TestBed.configureTestingModule({ imports: [type], providers: [provideNoopAnimations()] });
  const fixture = TestBed.createComponent(type);
  fixture.componentRef.setInput('rules', rules);
  if (type === (MultiplierEditorComponent as unknown)) fixture.componentRef.setInput('metrics', PLAN_METRICS);
  const emitted: PlanRules[] = [];
  fixture.componentInstance.rulesChange.subscribe((next: PlanRules) => {
    emitted.push(next);
    fixture.componentRef.setInput('rules', next);
  });
  fixture.detectChanges();
  const element: HTMLElement = fixture.nativeElement;
  return { fixture, element, emitted };
}

describe('gates editor', () => {
  it('reads each gate as the sentence it applies', () => {
    const { fixture, element } = editor(GatesEditorComponent, SALES_RULES);
    fixture.componentRef.setInput('readOnly', true);
    fixture.detectChanges();
    expect(element.querySelector('[data-testid="gate-sentence"]')?.textContent?.trim()).toBe(
      'If CX index is short of its threshold, Quota pays at most 100 %.',
    );
  });

  it('changes the highest payout and never holds down the component the gate reads', () => {
    const { element, fixture, emitted } = editor(GatesEditorComponent, SALES_RULES);
    const max = Array.from(
      element.querySelectorAll<HTMLInputElement>('[data-testid="gate-0"] input[type="text"]'),
    ).at(-1);
    if (!max) throw new Error('no highest payout');
    max.value = '80 %';
    max.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    expect(emitted.at(-1)?.gates[0].maxPayout).toBe('80');
    const input = element.querySelector<HTMLSelectElement>('[data-testid="gate-0"] select');
    if (!input) throw new Error('no input picker');
    input.value = 'quota';
    input.dispatchEvent(new Event('change'));
    expect(emitted.at(-1)?.gates[0]).toMatchObject({ input: 'quota', components: [] });
  });

  it('adds a gate on the first component holding the others at 100 %', () => {
    const { element, emitted } = editor(GatesEditorComponent, { ...SALES_RULES, gates: [] });
    element.querySelector<HTMLButtonElement>('[data-testid="add-gate"]')?.click();
    expect(emitted.at(-1)?.gates).toEqual([
      {
        key: 'quota_gate',
        label: 'Quota gate',
        input: 'quota',
        level: null,
        components: ['cx'],
        maxPayout: '100',
      },
    ]);
  });
});

describe('multiplier editor', () => {
  it('adds a multiplier on the CX index whose points are left to type, and removes it', () => {
    const { element, fixture, emitted } = editor(MultiplierEditorComponent, SALES_RULES);
    const box = element.querySelector<HTMLInputElement>('input[type="checkbox"]');
    if (!box) throw new Error('no switch');
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    expect(emitted.at(-1)?.multiplier).toMatchObject({ metric: 'cx_index', scope: 'COMPANY' });
    expect(element.querySelector('[data-testid="multiplier-curve-problem"]')?.textContent).toContain(
      'Point 1 has the value ""',
    );
    box.checked = false;
    box.dispatchEvent(new Event('change'));
    expect(emitted.at(-1)?.multiplier).toBeNull();
  });

  it('keeps an empty cap as none and a typed one as a decimal', () => {
    const { element, fixture, emitted } = editor(MultiplierEditorComponent, SALES_RULES);
    const planCap = element.querySelector<HTMLInputElement>('[data-testid="plan-cap"]');
    if (!planCap) throw new Error('no plan cap');
    planCap.value = '';
    planCap.dispatchEvent(new Event('input'));
    expect(emitted.at(-1)?.planCap).toBeNull();
    fixture.detectChanges();
    const quotaCap = element.querySelector<HTMLInputElement>(
      'input[aria-label="Cap of Quota in percent, empty for none"]',
    );
    if (!quotaCap) throw new Error('no component cap');
    quotaCap.value = '150';
    quotaCap.dispatchEvent(new Event('input'));
    expect(emitted.at(-1)?.components[0].cap).toBe('150');
  });
});

describe('participant rows', () => {
  const others = version().participants.map(participantInput);
  const row = {
    email: 'vp.service@example.com',
    orgUnit: 'service',
    bonus: '35000',
    start: '2026-10-01',
    end: '',
  };

  it('accepts a complete row', () => {
    expect(rowProblems(row, others)).toEqual([]);
  });

  it('names every field that is wrong', () => {
    expect(rowProblems({ email: 'victor', orgUnit: '', bonus: '-5', start: '', end: '' }, others)).toEqual([
      'Type the person’s e-mail address, such as vp.sales@example.com.',
      'Choose the unit whose results count for this person.',
      'Type the annual target bonus as an amount such as 40000.',
      'Choose the date the person joins the plan.',
    ]);
    expect(rowProblems({ ...row, end: '2026-09-30' }, others)).toEqual([
      'The end date must not be before the start date.',
    ]);
  });

  it('refuses a second participation of a person in the same dates', () => {
    expect(rowProblems({ ...row, email: 'VP.Sales@example.com' }, others)).toEqual([
      'VP.Sales@example.com already takes part in these dates; end one participation first.',
    ]);
  });
});

describe('preview outcome', () => {
  it('names the figures that were not loaded when a component moves to another metric', () => {
    const rules: PlanRules = {
      ...SALES_RULES,
      components: [
        { ...SALES_RULES.components[0], metric: 'adjusted_margin', label: 'Margin' },
        SALES_RULES.components[1],
      ],
    };
    expect(previewOf(rules, VICTOR_FACTS, PLAN_METRICS)).toEqual({
      kind: 'missing',
      sentence:
        'The figures come from the saved rules, which do not read Adjusted margin (own unit): save this change, then load the figures again to preview it.',
    });
  });

  it('refuses points of its own on the unit’s primary commercial metric, as the API does', () => {
    const rules: PlanRules = {
      ...SALES_RULES,
      components: [{ ...SALES_RULES.components[0], metric: 'primary_commercial' }, SALES_RULES.components[1]],
    };
    expect(versionRulesProblems(rules, PLAN_METRICS)).toEqual([
      "Component 'Quota' reads each unit's primary commercial metric, whose direction differs by unit: take its curve from targets.",
    ]);
  });
});

describe('plan formats', () => {
  it('writes payouts with one decimal and statement money with cents, from the exact decimal text', () => {
    expect(formatPayout('137.96')).toBe('138.0 %');
    expect(formatMoneyCents('18452.045')).toBe('€18,452.04');
    expect(formatMoneyCents('18452.055')).toBe('€18,452.06');
  });

  it('counts quarters across fiscal years', () => {
    expect(quartersFrom('FY2027-Q3', 4)).toEqual(['FY2027-Q3', 'FY2027-Q4', 'FY2028-Q1', 'FY2028-Q2']);
    expect(recentQuarters('FY2027-Q1')).toEqual([
      'FY2027-Q1',
      'FY2026-Q4',
      'FY2026-Q3',
      'FY2026-Q2',
      'FY2026-Q1',
    ]);
  });
});
