import type { ScorecardUnit } from '../scorecards/scorecard-sources';
import { orgSnapshot } from '../scorecards/scorecards.service';
import {
  decimalText,
  monthRange,
  plainDecimal,
  plainMetricOf,
  readableRange,
  scopeUnitOf,
  trailingTwelveMonths,
} from './pay-inputs';

const unit = (key: string, parentId: string | null): ScorecardUnit => ({
  id: key,
  key,
  name: key,
  type: 'TEAM',
  parentId,
  leader: null,
  primaryMetric: null,
  marginMetric: null,
  ownHeadcount: 0,
});

describe('pay input helpers', () => {
  it('takes the twelve months ending with the quarter’s last month, across calendar years', () => {
    const months = trailingTwelveMonths(['2025-10', '2025-11', '2025-12']);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2025-01');
    expect(months[11]).toBe('2025-12');
    expect(trailingTwelveMonths(['2026-01', '2026-02', '2026-03'])).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(monthRange(months)).toBe('2025-01–2025-12');
    expect(readableRange(months)).toBe('Jan 2025–Dec 2025');
  });

  it('writes a figure computed from answers with 10 decimals, half to even, without trailing zeros', () => {
    expect(decimalText(100 / 3)).toBe('33.3333333333');
    expect(decimalText((100 * 60) / 130)).toBe('46.1538461538');
    expect(decimalText(33)).toBe('33');
    expect(decimalText(-12.5)).toBe('-12.5');
    expect(decimalText(0.1 + 0.2)).toBe('0.3');
    expect(plainDecimal('35.000000')).toBe('35');
    expect(plainDecimal('-4.250000')).toBe('-4.25');
  });

  it('reads the unit itself, its parent (itself at the top) or the root for the three scopes', () => {
    const org = orgSnapshot([unit('company', null), unit('sales', 'company'), unit('emea', 'sales')]);
    const emea = org.byId.get('emea') as ScorecardUnit;
    const company = org.byId.get('company') as ScorecardUnit;
    expect(scopeUnitOf(org, emea, 'OWN_UNIT').key).toBe('emea');
    expect(scopeUnitOf(org, emea, 'PARENT_UNIT').key).toBe('sales');
    expect(scopeUnitOf(org, emea, 'COMPANY').key).toBe('company');
    expect(scopeUnitOf(org, company, 'PARENT_UNIT').key).toBe('company');
    expect(scopeUnitOf(org, company, 'COMPANY').key).toBe('company');
  });

  it('knows the plain metric behind an adjusted one', () => {
    expect(plainMetricOf('adjusted_margin')).toBe('gross_margin');
    expect(plainMetricOf('adjusted_quota_attainment')).toBe('quota_attainment');
    expect(plainMetricOf('gross_margin')).toBeNull();
  });
});
