import type { PlanRules } from '@lodestar/contracts';
import {
  bandNeeds,
  effectiveBands,
  primaryCommercialMetricOf,
  scopeUnitId,
  type FreezeMetric,
  type FreezeTarget,
  type FreezeUnit,
} from './plan-freeze';

const unit = (
  id: string,
  name: string,
  parentId: string | null,
  primaryMetric: string | null = null,
): FreezeUnit => ({
  id,
  key: id,
  name,
  parentId,
  primaryMetric,
});
const units = new Map(
  [
    unit('company', 'Helix', null, 'revenue'),
    unit('sales', 'Sales', 'company', 'quota_attainment'),
    unit('key-accounts', 'Key Accounts', 'sales'),
    unit('hr', 'HR', 'company'),
  ].map((u) => [u.id, u]),
);
const metrics = new Map<string, FreezeMetric>(
  [
    { key: 'quota_attainment', name: 'Quota attainment', aggregation: 'ratio' as const },
    { key: 'adjusted_quota_attainment', name: 'Adjusted quota attainment', aggregation: 'ratio' as const },
    { key: 'revenue', name: 'Revenue', aggregation: 'sum' as const },
    { key: 'cx_index', name: 'CX index', aggregation: 'mean' as const },
    { key: 'nps', name: 'NPS', aggregation: 'mean' as const },
  ].map((m) => [m.key, m]),
);
const target = (
  metric: string,
  orgUnitId: string,
  period: string,
  threshold: string,
  goal: string,
  stretch: string,
): FreezeTarget => ({
  metric,
  orgUnitId,
  period,
  threshold,
  target: goal,
  stretch,
});

const rules = (change: Partial<PlanRules> = {}): PlanRules => ({
  components: [
    {
      key: 'quota',
      label: 'Quota',
      metric: 'quota_attainment',
      scope: 'OWN_UNIT',
      weight: '60',
      curve: { source: 'TARGETS', payouts: ['50', '100', '200'] },
      cap: null,
    },
    {
      key: 'cx',
      label: 'CX',
      metric: 'cx_index',
      scope: 'PARENT_UNIT',
      weight: '40',
      curve: { source: 'POINTS', points: [{ value: '100', payout: '100' }] },
      cap: null,
    },
  ],
  gates: [],
  multiplier: null,
  planCap: null,
  ...change,
});

describe('which unit a scope reads', () => {
  it('reads the unit, its parent (the company its own) or the root', () => {
    expect(scopeUnitId('OWN_UNIT', 'key-accounts', units)).toBe('key-accounts');
    expect(scopeUnitId('PARENT_UNIT', 'key-accounts', units)).toBe('sales');
    expect(scopeUnitId('PARENT_UNIT', 'company', units)).toBe('company');
    expect(scopeUnitId('COMPANY', 'key-accounts', units)).toBe('company');
  });

  it('takes the primary commercial metric of the nearest unit that has one, in its adjusted form', () => {
    expect(primaryCommercialMetricOf('key-accounts', units)).toBe('adjusted_quota_attainment');
    expect(primaryCommercialMetricOf('company', units)).toBe('revenue');
    expect(primaryCommercialMetricOf('hr', units)).toBe('revenue');
  });
});

describe('the bands a version reads', () => {
  const weights = [
    { orgUnitId: null, metric: 'nps', weight: '60' },
    { orgUnitId: null, metric: 'csat', weight: '40' },
    { orgUnitId: 'sales', metric: 'nps', weight: '100' },
  ];

  it('requires the bands of TARGETS curves and of gates at their threshold, and reads the CX metrics behind an index', () => {
    const { needs, indexUnitIds } = bandNeeds(
      rules({
        gates: [
          { key: 'gate', label: 'Gate', input: 'cx', level: null, components: ['quota'], maxPayout: '100' },
        ],
      }),
      ['key-accounts', 'sales'],
      units,
      weights,
    );
    expect(needs).toEqual(
      expect.arrayContaining([
        { metric: 'quota_attainment', unitId: 'key-accounts', required: true },
        { metric: 'quota_attainment', unitId: 'sales', required: true },
        { metric: 'cx_index', unitId: 'sales', required: true },
        { metric: 'cx_index', unitId: 'company', required: true },
        { metric: 'nps', unitId: 'sales', required: false },
        { metric: 'nps', unitId: 'company', required: false },
        { metric: 'csat', unitId: 'company', required: false },
      ]),
    );
    expect(needs.find((need) => need.metric === 'csat' && need.unitId === 'sales')).toBeUndefined();
    expect(indexUnitIds.sort()).toEqual(['company', 'sales']);
  });

  it('names a unit without a primary commercial metric', () => {
    const noPrimary = new Map(units);
    noPrimary.set('company', { ...(units.get('company') as FreezeUnit), primaryMetric: null });
    const primary = rules({
      components: [
        {
          key: 'commercial',
          label: 'Commercial',
          metric: 'primary_commercial',
          scope: 'OWN_UNIT',
          weight: '100',
          curve: { source: 'TARGETS', payouts: ['50', '100', '200'] },
          cap: null,
        },
      ],
    });
    expect(bandNeeds(primary, ['hr'], noPrimary, []).problems).toEqual([
      'HR has no primary commercial metric, nor has any unit above it; set one before approving.',
    ]);
  });

  it('takes a phased quarter, else the year, and splits a sum metric’s year evenly', () => {
    const { bands, missing } = effectiveBands(
      [
        { metric: 'quota_attainment', unitId: 'sales', required: true },
        { metric: 'revenue', unitId: 'sales', required: true },
      ],
      ['FY2027-Q3', 'FY2027-Q4'],
      [
        target('quota_attainment', 'sales', 'FY2027', '90', '100', '120'),
        target('quota_attainment', 'sales', 'FY2027-Q4', '92', '100', '118'),
        target('revenue', 'sales', 'FY2027', '400', '482', '520'),
      ],
      metrics,
      units,
      10,
    );
    expect(missing).toEqual([]);
    expect(bands).toEqual([
      {
        metric: 'quota_attainment',
        orgUnit: 'sales',
        period: 'FY2027-Q3',
        threshold: '90',
        target: '100',
        stretch: '120',
      },
      {
        metric: 'quota_attainment',
        orgUnit: 'sales',
        period: 'FY2027-Q4',
        threshold: '92',
        target: '100',
        stretch: '118',
      },
      {
        metric: 'revenue',
        orgUnit: 'sales',
        period: 'FY2027-Q3',
        threshold: '100',
        target: '120.5',
        stretch: '130',
      },
      {
        metric: 'revenue',
        orgUnit: 'sales',
        period: 'FY2027-Q4',
        threshold: '100',
        target: '120.5',
        stretch: '130',
      },
    ]);
  });

  it('names every required band that is missing, with its quarters, and leaves optional ones out', () => {
    const { bands, missing } = effectiveBands(
      [
        { metric: 'quota_attainment', unitId: 'sales', required: true },
        { metric: 'nps', unitId: 'sales', required: false },
      ],
      ['FY2027-Q3', 'FY2027-Q4'],
      [target('quota_attainment', 'sales', 'FY2027-Q4', '92', '100', '118')],
      metrics,
      units,
      10,
    );
    expect(missing).toEqual([
      'Quota attainment has no target for Sales in FY2027-Q3; set it before approving.',
    ]);
    expect(bands.map((band) => band.period)).toEqual(['FY2027-Q4']);
  });

  it('reads an adjusted metric’s plain band and a CX index’s natural band when they have none of their own', () => {
    const { bands, missing } = effectiveBands(
      [
        { metric: 'adjusted_quota_attainment', unitId: 'sales', required: true },
        { metric: 'cx_index', unitId: 'sales', required: true },
      ],
      ['FY2027-Q4'],
      [target('quota_attainment', 'sales', 'FY2027', '90', '100', '120')],
      metrics,
      units,
      10,
    );
    expect(missing).toEqual([]);
    expect(bands).toEqual([
      {
        metric: 'cx_index',
        orgUnit: 'sales',
        period: 'FY2027-Q4',
        threshold: '50',
        target: '100',
        stretch: '150',
      },
      {
        metric: 'quota_attainment',
        orgUnit: 'sales',
        period: 'FY2027-Q4',
        threshold: '90',
        target: '100',
        stretch: '120',
      },
    ]);
  });
});
