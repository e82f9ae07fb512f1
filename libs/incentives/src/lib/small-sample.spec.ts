import { StatementError } from './decimal';
import { Candidate, chooseCxInput } from './small-sample';

const FIELD = { key: 'field', name: 'Field service' };
const SERVICE = { key: 'service', name: 'Service' };

const own = (value: string | null, sample: number): Candidate => ({
  value,
  sample,
  orgUnit: FIELD,
  period: 'FY2026-Q1',
  metricName: 'NPS',
});
const ttm = (value: string | null, sample: number): Candidate => ({
  value,
  sample,
  orgUnit: FIELD,
  period: '2025-01–2025-12',
  metricName: 'NPS',
});
const parent = (value: string | null, sample: number): Candidate => ({
  value,
  sample,
  orgUnit: SERVICE,
  period: 'FY2026-Q1',
  metricName: 'NPS',
});
const OVERRIDE = { value: '45', reason: 'Survey outage in March.', approvedBy: 'Dana Reyes' };

describe('chooseCxInput', () => {
  it("uses the unit's own value when its sample reaches the minimum", () => {
    expect(
      chooseCxInput(
        { own: own('41', 412), trailingTwelveMonths: ttm('38', 1500), parent: null, override: OVERRIDE },
        100,
      ),
    ).toEqual({
      value: '41',
      basis: 'ACTUAL',
      source: 'NPS of Field service, FY2026-Q1: 412 answers.',
      sample: 412,
      orgUnit: FIELD,
      period: 'FY2026-Q1',
    });
    expect(
      chooseCxInput({ own: own('41', 100), trailingTwelveMonths: null, parent: null, override: null }, 100)
        .basis,
    ).toBe('ACTUAL');
  });

  it('prefers an approved override to every fallback when the sample is short', () => {
    expect(
      chooseCxInput(
        {
          own: own('30', 64),
          trailingTwelveMonths: ttm('38', 212),
          parent: parent('40', 900),
          override: OVERRIDE,
        },
        100,
      ),
    ).toEqual({
      value: '45',
      basis: 'OVERRIDE',
      source:
        'NPS of Field service, FY2026-Q1: 64 answers, short of the 100 needed for pay; used the override 45 approved by Dana Reyes: Survey outage in March.',
      sample: 64,
      orgUnit: FIELD,
      period: 'FY2026-Q1',
    });
  });

  it('falls back to the trailing twelve months when they reach the minimum', () => {
    expect(
      chooseCxInput(
        {
          own: own('30', 64),
          trailingTwelveMonths: ttm('38', 212),
          parent: parent('40', 900),
          override: null,
        },
        100,
      ),
    ).toEqual({
      value: '38',
      basis: 'TRAILING_TWELVE_MONTHS',
      source:
        'NPS of Field service, FY2026-Q1: 64 answers, short of the 100 needed for pay; used the trailing twelve months (Jan 2025–Dec 2025): 212 answers.',
      sample: 212,
      orgUnit: FIELD,
      period: '2025-01–2025-12',
    });
  });

  it('falls back to the parent unit when the trailing twelve months are short too', () => {
    expect(
      chooseCxInput(
        {
          own: own('30', 64),
          trailingTwelveMonths: ttm('38', 80),
          parent: parent('40', 900),
          override: null,
        },
        100,
      ),
    ).toEqual({
      value: '40',
      basis: 'PARENT_UNIT',
      source:
        'NPS of Field service, FY2026-Q1: 64 answers, short of the 100 needed for pay; the trailing twelve months (Jan 2025–Dec 2025) have 80 answers, also short; used the parent unit Service: 900 answers.',
      sample: 900,
      orgUnit: SERVICE,
      period: 'FY2026-Q1',
    });
    expect(
      chooseCxInput(
        { own: own(null, 0), trailingTwelveMonths: null, parent: parent('40', 1234), override: null },
        100,
      ).source,
    ).toBe(
      'NPS of Field service, FY2026-Q1: no result, short of the 100 needed for pay; used the parent unit Service: 1,234 answers.',
    );
  });

  it('pays at target when nothing reaches the minimum', () => {
    expect(
      chooseCxInput(
        { own: own('30', 1), trailingTwelveMonths: ttm('38', 80), parent: parent('40', 99), override: null },
        100,
      ),
    ).toEqual({
      value: null,
      basis: 'AT_TARGET',
      source:
        'NPS of Field service, FY2026-Q1: 1 answer, short of the 100 needed for pay; the trailing twelve months (Jan 2025–Dec 2025) have 80 answers and the parent unit Service has 99 answers, so it pays at target (100 %).',
      sample: 1,
      orgUnit: FIELD,
      period: 'FY2026-Q1',
    });
    expect(
      chooseCxInput({ own: own('30', 10), trailingTwelveMonths: null, parent: null, override: null }, 100)
        .source,
    ).toBe(
      'NPS of Field service, FY2026-Q1: 10 answers, short of the 100 needed for pay; no trailing twelve months and no parent unit, so it pays at target (100 %).',
    );
  });

  it('never counts a candidate without a value, whatever its sample', () => {
    const chosen = chooseCxInput(
      {
        own: own(null, 500),
        trailingTwelveMonths: ttm(null, 500),
        parent: parent('40', 300),
        override: null,
      },
      100,
    );
    expect(chosen.basis).toBe('PARENT_UNIT');
  });

  it('keeps a period it cannot read as months as it is', () => {
    const chosen = chooseCxInput(
      {
        own: own('30', 5),
        trailingTwelveMonths: { ...ttm('38', 150), period: 'last 12 months' },
        parent: null,
        override: null,
      },
      100,
    );
    expect(chosen.source).toContain('used the trailing twelve months (last 12 months): 150 answers.');
  });

  it('refuses a minimum that is not a whole number and an override that is not a decimal', () => {
    expect(() =>
      chooseCxInput({ own: own('30', 5), trailingTwelveMonths: null, parent: null, override: null }, -1),
    ).toThrow('The minimum sample for pay must be a whole number of answers, not -1.');
    expect(() =>
      chooseCxInput(
        {
          own: own('30', 5),
          trailingTwelveMonths: null,
          parent: null,
          override: { ...OVERRIDE, value: 'high' },
        },
        100,
      ),
    ).toThrow(StatementError);
    expect(() =>
      chooseCxInput(
        {
          own: own('30', 5),
          trailingTwelveMonths: null,
          parent: null,
          override: { ...OVERRIDE, value: 'high' },
        },
        100,
      ),
    ).toThrow(
      'The override of NPS of Field service, FY2026-Q1 is "high"; it must be a decimal number such as 42.5.',
    );
  });
});
