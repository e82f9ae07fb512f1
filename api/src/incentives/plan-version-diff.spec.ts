import type { PlanRules } from '@lodestar/contracts';
import { diffVersions, type DiffableVersion } from './plan-version-diff';

const rules: PlanRules = {
  components: [
    {
      key: 'quota',
      label: 'Quota attainment',
      metric: 'quota_attainment',
      scope: 'OWN_UNIT',
      weight: '60',
      curve: { source: 'TARGETS', payouts: ['50', '100', '200'] },
      cap: '200',
    },
    {
      key: 'cx',
      label: 'CX index',
      metric: 'cx_index',
      scope: 'COMPANY',
      weight: '40',
      curve: {
        source: 'POINTS',
        points: [
          { value: '50', payout: '50' },
          { value: '100', payout: '100' },
        ],
      },
      cap: null,
    },
  ],
  gates: [
    { key: 'cx_gate', label: 'CX gate', input: 'cx', level: null, components: ['quota'], maxPayout: '100' },
  ],
  multiplier: null,
  planCap: '200',
};

const base: DiffableVersion = {
  effectiveFrom: 'FY2027-Q1',
  rules,
  participants: [
    {
      email: 'vp.sales@example.com',
      orgUnit: 'sales',
      annualTargetBonus: '30000.00',
      startDate: '2026-10-01',
      endDate: null,
    },
    {
      email: 'lena.fischer@example.com',
      orgUnit: 'key-accounts',
      annualTargetBonus: '12000.00',
      startDate: '2026-10-01',
      endDate: null,
    },
  ],
};

function withComponent(index: number, change: object): PlanRules {
  return {
    ...rules,
    components: rules.components.map((component, i) =>
      i === index ? { ...component, ...change } : component,
    ),
  };
}

describe('the diff of two plan versions', () => {
  it('finds no change between equal versions, decimals compared by value', () => {
    const same: DiffableVersion = {
      ...base,
      rules: withComponent(0, { weight: '60.0' }),
      participants: base.participants.map((row) => ({
        ...row,
        annualTargetBonus: row.annualTargetBonus.replace('.00', ''),
      })),
    };
    expect(diffVersions(base, same)).toEqual([]);
  });

  it('lists a changed weight and a changed target bonus with readable paths and values', () => {
    const next: DiffableVersion = {
      ...base,
      rules: {
        ...rules,
        components: [
          { ...rules.components[0], weight: '50' },
          { ...rules.components[1], weight: '50' },
        ],
      },
      participants: [{ ...base.participants[0], annualTargetBonus: '32000.00' }, base.participants[1]],
    };
    expect(diffVersions(base, next)).toEqual([
      { path: 'components.quota.weight', kind: 'CHANGED', before: '60 %', after: '50 %' },
      { path: 'components.cx.weight', kind: 'CHANGED', before: '40 %', after: '50 %' },
      {
        path: 'participants.vp.sales@example.com.annualTargetBonus',
        kind: 'CHANGED',
        before: '30000.00',
        after: '32000.00',
      },
    ]);
  });

  it('compares curves, caps, scopes and metrics of a component', () => {
    const next = withComponent(1, {
      scope: 'PARENT_UNIT',
      cap: '150',
      curve: {
        source: 'POINTS',
        points: [
          { value: '50', payout: '50' },
          { value: '110', payout: '100' },
        ],
      },
    });
    const changes = diffVersions(base, { ...base, rules: next });
    expect(changes).toEqual([
      { path: 'components.cx.scope', kind: 'CHANGED', before: 'Company', after: 'Parent unit' },
      {
        path: 'components.cx.curve.points',
        kind: 'CHANGED',
        before: '50 → 50 %, 100 → 100 %',
        after: '50 → 50 %, 110 → 100 %',
      },
      { path: 'components.cx.cap', kind: 'CHANGED', before: 'none', after: '150 %' },
    ]);
    const switched = diffVersions(base, {
      ...base,
      rules: withComponent(0, { curve: { source: 'POINTS', points: [{ value: '100', payout: '100' }] } }),
    });
    expect(switched).toEqual([
      {
        path: 'components.quota.curve',
        kind: 'CHANGED',
        before: 'from targets: threshold → 50 %, target → 100 %, stretch → 200 %',
        after: 'points 100 → 100 %',
      },
    ]);
  });

  it('lists added and removed components and gates, the multiplier, the plan cap and the effective-from', () => {
    const next: DiffableVersion = {
      ...base,
      effectiveFrom: 'FY2027-Q3',
      rules: {
        components: [
          { ...rules.components[0], key: 'margin', label: 'Margin', metric: 'gross_margin', weight: '60' },
          rules.components[1],
        ],
        gates: [],
        multiplier: {
          label: 'NPS multiplier',
          metric: 'nps',
          scope: 'COMPANY',
          points: [{ value: '40', payout: '100' }],
        },
        planCap: null,
      },
    };
    const changes = diffVersions(base, next);
    expect(changes.map(({ path, kind }) => `${kind} ${path}`)).toEqual([
      'CHANGED effectiveFrom',
      'ADDED components.margin',
      'REMOVED components.quota',
      'REMOVED gates.cx_gate',
      'ADDED multiplier',
      'CHANGED planCap',
    ]);
    expect(changes[1].after).toBe(
      'Margin: gross_margin, own unit, weight 60 %, from targets: threshold → 50 %, target → 100 %, stretch → 200 %, cap 200 %',
    );
    expect(changes[3].before).toBe(
      "CX gate: if cx is short of the input's threshold, quota pay at most 100 %",
    );
    expect(changes[5]).toEqual({ path: 'planCap', kind: 'CHANGED', before: '200 %', after: 'none' });
  });

  it('compares gates field by field', () => {
    const next: DiffableVersion = {
      ...base,
      rules: { ...rules, gates: [{ ...rules.gates[0], level: '45', maxPayout: '80' }] },
    };
    expect(diffVersions(base, next)).toEqual([
      { path: 'gates.cx_gate.level', kind: 'CHANGED', before: "the input's threshold", after: '45' },
      { path: 'gates.cx_gate.maxPayout', kind: 'CHANGED', before: '100 %', after: '80 %' },
    ]);
  });

  it('compares participants by e-mail: unit, dates, joiners and leavers', () => {
    const next: DiffableVersion = {
      ...base,
      participants: [
        { ...base.participants[0], orgUnit: 'company', endDate: '2027-03-31' },
        {
          email: 'omar.haddad@example.com',
          orgUnit: 'regional-sales',
          annualTargetBonus: '9000.00',
          startDate: '2027-01-01',
          endDate: null,
        },
      ],
    };
    expect(diffVersions(base, next)).toEqual([
      {
        path: 'participants.lena.fischer@example.com',
        kind: 'REMOVED',
        before: 'key-accounts, 12000.00 a year, 2026-10-01 – open',
        after: null,
      },
      {
        path: 'participants.omar.haddad@example.com',
        kind: 'ADDED',
        before: null,
        after: 'regional-sales, 9000.00 a year, 2027-01-01 – open',
      },
      {
        path: 'participants.vp.sales@example.com.orgUnit',
        kind: 'CHANGED',
        before: 'sales',
        after: 'company',
      },
      {
        path: 'participants.vp.sales@example.com.endDate',
        kind: 'CHANGED',
        before: 'open',
        after: '2027-03-31',
      },
    ]);
  });

  it('names each participation of a transferred person by its start date', () => {
    const transferred: DiffableVersion = {
      ...base,
      participants: [
        { ...base.participants[1], endDate: '2027-03-31' },
        { ...base.participants[1], orgUnit: 'sales', annualTargetBonus: '15000.00', startDate: '2027-04-01' },
        base.participants[0],
      ],
    };
    expect(diffVersions(base, transferred)).toEqual([
      {
        path: 'participants.lena.fischer@example.com from 2026-10-01.endDate',
        kind: 'CHANGED',
        before: 'open',
        after: '2027-03-31',
      },
      {
        path: 'participants.lena.fischer@example.com from 2027-04-01',
        kind: 'ADDED',
        before: null,
        after: 'sales, 15000.00 a year, 2027-04-01 – open',
      },
    ]);
  });
});
