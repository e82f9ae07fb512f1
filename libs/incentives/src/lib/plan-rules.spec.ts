import type { MetricDirection, PlanComponent, PlanRules } from '@lodestar/contracts';

import { rulesProblems, weightTotal } from './plan-rules';

const DIRECTIONS: Record<string, MetricDirection> = {
  cx_index: 'higher',
  adjusted_quota_attainment: 'higher',
  adjusted_margin: 'higher',
  complaint_rate: 'lower',
};
const directionOf = (metric: string): MetricDirection | undefined => DIRECTIONS[metric];

function component(overrides: Partial<PlanComponent> = {}): PlanComponent {
  return {
    key: 'quota',
    label: 'Quota',
    metric: 'adjusted_quota_attainment',
    scope: 'OWN_UNIT',
    weight: '50',
    curve: {
      source: 'POINTS',
      points: [
        { value: '90', payout: '50' },
        { value: '100', payout: '100' },
        { value: '120', payout: '200' },
      ],
    },
    cap: null,
    ...overrides,
  };
}

function validRules(): PlanRules {
  return {
    components: [
      component(),
      component({ key: 'margin', label: 'Margin', metric: 'adjusted_margin', weight: '30', cap: '150' }),
      component({
        key: 'cx',
        label: 'CX index',
        metric: 'cx_index',
        weight: '20',
        curve: { source: 'TARGETS', payouts: ['50', '100', '200'] },
      }),
    ],
    gates: [
      {
        key: 'cx_gate',
        label: 'CX gate',
        input: 'cx',
        level: null,
        components: ['quota', 'margin'],
        maxPayout: '100',
      },
    ],
    multiplier: {
      label: 'Complaints',
      metric: 'complaint_rate',
      scope: 'COMPANY',
      points: [
        { value: '3', payout: '90' },
        { value: '2', payout: '110' },
      ],
    },
    planCap: '200',
  };
}

describe('rulesProblems', () => {
  it('takes each unit’s primary commercial metric from targets only, and never as the multiplier', () => {
    const onPrimary = (curve: PlanComponent['curve']): PlanRules => ({
      components: [component({ metric: 'primary_commercial', weight: '100', curve })],
      gates: [],
      multiplier: null,
      planCap: null,
    });
    // the metric is not among the definitions, yet it is known: its direction comes with each unit's band
    expect(
      rulesProblems(onPrimary({ source: 'TARGETS', payouts: ['50', '100', '200'] }), directionOf),
    ).toEqual([]);
    expect(
      rulesProblems(
        onPrimary({
          source: 'POINTS',
          points: [
            { value: '90', payout: '50' },
            { value: '100', payout: '100' },
          ],
        }),
        directionOf,
      ),
    ).toEqual([
      "Component 'Quota' reads each unit's primary commercial metric, whose direction differs by unit: take its curve from targets.",
    ]);
    const withMultiplier: PlanRules = {
      ...onPrimary({ source: 'TARGETS', payouts: ['50', '100', '200'] }),
      multiplier: {
        label: 'Commercial',
        metric: 'primary_commercial',
        scope: 'OWN_UNIT',
        points: [{ value: '1', payout: '100' }],
      },
    };
    expect(rulesProblems(withMultiplier, directionOf)).toEqual([
      "The multiplier 'Commercial' reads each unit's primary commercial metric, whose direction differs by unit: give it a metric of its own.",
    ]);
  });

  it('finds nothing wrong with valid rules', () => {
    expect(rulesProblems(validRules(), directionOf)).toEqual([]);
  });

  it('needs at least one component', () => {
    expect(
      rulesProblems({ components: [], gates: [], multiplier: null, planCap: null }, directionOf),
    ).toEqual(['A plan needs at least one component.']);
    expect(rulesProblems(null as unknown as PlanRules, directionOf)).toEqual([
      'The plan has no rules: it needs at least one component.',
    ]);
  });

  it('refuses weights that do not add up to exactly 100', () => {
    const rules = validRules();
    rules.components[2].weight = '15';
    expect(rulesProblems(rules, directionOf)).toEqual([
      'The weights add up to 95 %; they must add up to exactly 100 %.',
    ]);
    rules.components[2].weight = '20.0000000001';
    expect(rulesProblems(rules, directionOf)).toEqual([
      'The weights add up to 100.000000… %; they must add up to exactly 100 %.',
    ]);
  });

  it('accepts thirds that add up to exactly 100', () => {
    const rules = validRules();
    rules.components[0].weight = '33.3333333333';
    rules.components[1].weight = '33.3333333333';
    rules.components[2].weight = '33.3333333334';
    expect(rulesProblems(rules, directionOf)).toEqual([]);
  });

  it('refuses a weight that is not a decimal above 0, without a second sentence about the sum', () => {
    const rules = validRules();
    rules.components[0].weight = '0';
    rules.components[1].weight = 'thirty';
    expect(rulesProblems(rules, directionOf)).toEqual([
      `Component 'Quota' has the weight "0"; a weight is a percentage above 0, such as 25.`,
      `Component 'Margin' has the weight "thirty"; a weight is a percentage above 0, such as 25.`,
    ]);
  });

  it('refuses keys that break the pattern or repeat', () => {
    const rules = validRules();
    rules.components[0].key = 'Quota';
    expect(rulesProblems(rules, directionOf)).toContain(
      `Component 'Quota' has the key "Quota"; a key is lower-case letters, digits and _, starting with a letter, at most 40 characters (such as cx_index).`,
    );
    const repeated = validRules();
    repeated.components[1].key = 'quota';
    expect(rulesProblems(repeated, directionOf)).toContain(
      'Two components have the key "quota"; each key must be unique.',
    );
  });

  it('needs a label', () => {
    const rules = validRules();
    rules.components[1].label = '  ';
    expect(rulesProblems(rules, directionOf)).toEqual(['Component 2 (margin) needs a label.']);
  });

  it('refuses an unknown metric and an unknown scope', () => {
    const rules = validRules();
    rules.components[0].metric = 'happiness';
    rules.components[1].scope = 'TEAM' as PlanComponent['scope'];
    expect(rulesProblems(rules, directionOf)).toEqual([
      `Component 'Quota' reads the metric "happiness", which does not exist.`,
      `Component 'Margin' has the scope "TEAM"; use OWN_UNIT, PARENT_UNIT or COMPANY.`,
    ]);
  });

  it("checks POINTS curves against their metric's direction", () => {
    const rules = validRules();
    rules.components[0].metric = 'complaint_rate';
    expect(rulesProblems(rules, directionOf)).toEqual([
      `The curve of component 'Quota': point 2 (value 100) must be below point 1 (value 90): Quota is better when lower.`,
    ]);
  });

  it('refuses TARGETS payouts that are negative, not decimals or falling', () => {
    const rules = validRules();
    rules.components[2].curve = { source: 'TARGETS', payouts: ['50', '-1', '200'] };
    expect(rulesProblems(rules, directionOf)).toEqual([
      `The curve of component 'CX index': the payout at target is −1 %; a payout cannot be below 0 %.`,
    ]);
    rules.components[2].curve = { source: 'TARGETS', payouts: ['50', '100', 'lots'] };
    expect(rulesProblems(rules, directionOf)).toEqual([
      `The curve of component 'CX index': the payout at stretch must be a percentage such as 100, not "lots".`,
    ]);
    rules.components[2].curve = { source: 'TARGETS', payouts: ['50', '100', '90'] };
    expect(rulesProblems(rules, directionOf)).toEqual([
      `The curve of component 'CX index': the payouts at threshold, target and stretch (50, 100, 90 %) must never decrease.`,
    ]);
  });

  it('refuses a curve of neither source', () => {
    const rules = validRules();
    rules.components[0].curve = { source: 'TABLE' } as unknown as PlanComponent['curve'];
    expect(rulesProblems(rules, directionOf)).toEqual([
      `The curve of component 'Quota' must take its points from POINTS or from TARGETS.`,
    ]);
  });

  it('refuses negative or non-decimal caps and plan caps', () => {
    const rules = validRules();
    rules.components[1].cap = '-10';
    rules.planCap = 'none';
    expect(rulesProblems(rules, directionOf)).toEqual([
      `The cap of component 'Margin' is −10 %; it cannot be below 0 %.`,
      'The plan cap must be a percentage such as 150, or empty for none, not "none".',
    ]);
  });

  it('refuses gates that repeat a key, read a missing component or hold down none or unknown ones', () => {
    const rules = validRules();
    rules.gates.push({
      key: 'cx_gate',
      label: 'Second gate',
      input: 'nps',
      level: 'high',
      components: [],
      maxPayout: '-5',
    });
    rules.gates.push({
      key: 'g3',
      label: '',
      input: 'cx',
      level: '45',
      components: ['quota', 'bonus'],
      maxPayout: '100',
    });
    expect(rulesProblems(rules, directionOf)).toEqual([
      'Two gates have the key "cx_gate"; each key must be unique.',
      `Gate 'Second gate' reads the component "nps", which is not a component of this plan.`,
      `Gate 'Second gate' must name at least one component it holds down.`,
      `The highest payout of gate 'Second gate' is −5 %; it cannot be below 0 %.`,
      `The level of gate 'Second gate' must be a decimal number such as 50, or empty to use the input's threshold, not "high".`,
      'Gate 3 holds down "bonus", which is not a component of this plan.',
    ]);
  });

  it('needs a gate key and a highest payout', () => {
    const rules = validRules();
    rules.gates[0].key = '';
    (rules.gates[0] as { maxPayout: string | null }).maxPayout = null;
    expect(rulesProblems(rules, directionOf)).toEqual([
      `Gate 'CX gate' needs a key.`,
      `The highest payout of gate 'CX gate' must be given, as a percentage such as 100.`,
    ]);
  });

  it("checks the multiplier's metric, scope and curve for its direction", () => {
    const rules = validRules();
    rules.multiplier = {
      label: 'Complaints',
      metric: 'complaint_rate',
      scope: 'COMPANY',
      points: [
        { value: '2', payout: '90' },
        { value: '3', payout: '110' },
      ],
    };
    expect(rulesProblems(rules, directionOf)).toEqual([
      `The curve of the multiplier 'Complaints': point 2 (value 3) must be below point 1 (value 2): complaint_rate is better when lower.`,
    ]);
    rules.multiplier = { label: '', metric: 'weather', scope: 'WORLD' as 'COMPANY', points: [] };
    expect(rulesProblems(rules, directionOf)).toEqual([
      'The multiplier has the scope "WORLD"; use OWN_UNIT, PARENT_UNIT or COMPANY.',
      'The multiplier reads the metric "weather", which does not exist.',
    ]);
  });
});

describe('rulesProblems on malformed input', () => {
  it('names an empty component and an empty gate instead of failing', () => {
    const rules = validRules();
    (rules.components as unknown[]).push(null);
    (rules.gates as unknown[]).push(null);
    expect(rulesProblems(rules, directionOf)).toEqual([
      'Component 4 is empty; give it a key, label, metric, weight and curve.',
      'Gate 2 is empty; give it a key, an input component, the gated components and a highest payout.',
    ]);
  });

  it('needs points for a curve of an unknown metric, and three payouts for a curve from targets', () => {
    const rules = validRules();
    rules.components[0].metric = 'happiness';
    rules.components[0].curve = { source: 'POINTS', points: [] };
    rules.components[2].curve = {
      source: 'TARGETS',
      payouts: ['50', '100'] as unknown as [string, string, string],
    };
    expect(rulesProblems(rules, directionOf)).toEqual([
      `Component 'Quota' reads the metric "happiness", which does not exist.`,
      `The curve of component 'Quota' needs at least one point.`,
      `The curve of component 'CX index': a curve taken from targets needs three payouts: at threshold, target and stretch.`,
    ]);
  });

  it('needs the gates as a list', () => {
    const rules = { ...validRules(), gates: 'cx_gate' as unknown as PlanRules['gates'] };
    expect(rulesProblems(rules, directionOf)).toEqual(['The gates must be a list.']);
  });
});

describe('weightTotal', () => {
  it('sums the weights exactly for the editor', () => {
    expect(weightTotal(validRules())).toBe('100');
    const rules = validRules();
    rules.components[0].weight = '33.3333333333';
    rules.components[1].weight = '0.1';
    rules.components[2].weight = '0.2';
    expect(weightTotal(rules)).toBe('33.6333333333');
  });

  it('counts weights that are not decimals as 0', () => {
    const rules = validRules();
    rules.components[0].weight = '';
    expect(weightTotal(rules)).toBe('50');
    expect(weightTotal({ components: [], gates: [], multiplier: null, planCap: null })).toBe('0');
  });
});
