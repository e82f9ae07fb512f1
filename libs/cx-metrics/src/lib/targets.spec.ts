import { PeriodLabelError, TargetBand } from '@lodestar/contracts';

import { bandProblem, effectiveBand, PeriodBand } from './targets';

const band = (threshold: number, target: number, stretch: number): TargetBand => ({
  threshold,
  target,
  stretch,
});

describe('a target band is strictly ordered in the better direction', () => {
  it('accepts threshold < target < stretch for a higher-is-better metric', () => {
    expect(bandProblem('higher', band(30, 40, 50))).toBeNull();
    expect(bandProblem('higher', band(-10, 0, 10))).toBeNull();
  });

  it('accepts threshold > target > stretch for a lower-is-better metric', () => {
    expect(bandProblem('lower', band(3, 2.5, 2))).toBeNull();
  });

  it('refuses a threshold equal to the target', () => {
    expect(bandProblem('higher', band(40, 40, 50))).toBe(
      'threshold 40 must be below target 40 for a higher-is-better metric',
    );
    expect(bandProblem('lower', band(2.5, 2.5, 2))).toBe(
      'threshold 2.5 must be above target 2.5 for a lower-is-better metric',
    );
  });

  it('refuses a stretch that is not beyond the target', () => {
    expect(bandProblem('higher', band(30, 40, 40))).toBe(
      'stretch 40 must be above target 40 for a higher-is-better metric',
    );
    expect(bandProblem('lower', band(3, 2.5, 2.6))).toBe(
      'stretch 2.6 must be below target 2.5 for a lower-is-better metric',
    );
  });

  it('names both problems of a band written for the other direction', () => {
    expect(bandProblem('lower', band(30, 40, 50))).toBe(
      'threshold 30 must be above target 40 and stretch 50 must be below target 40 for a lower-is-better metric',
    );
  });

  it('refuses numbers that are not finite', () => {
    expect(bandProblem('higher', band(Number.NaN, 40, 50))).toBe(
      'threshold must be a finite number, not NaN',
    );
    expect(bandProblem('higher', band(30, 40, Infinity))).toBe(
      'stretch must be a finite number, not Infinity',
    );
  });
});

describe('the effective target of a period', () => {
  // Fiscal year starting in October: FY2026 runs 2025-10 … 2026-09, Q1 = Oct–Dec 2025.
  const OCTOBER = 10;
  const yearOnly: PeriodBand[] = [{ period: 'FY2026', band: band(1000, 1200, 1400) }];

  it('takes a target set for exactly that period as set', () => {
    expect(effectiveBand(yearOnly, 'sum', 'FY2026', OCTOBER)).toEqual({
      band: band(1000, 1200, 1400),
      from: 'FY2026',
      basis: 'as-set',
    });
    const phased: PeriodBand[] = [...yearOnly, { period: 'FY2026-Q2', band: band(200, 250, 300) }];
    expect(effectiveBand(phased, 'sum', 'FY2026-Q2', OCTOBER)).toEqual({
      band: band(200, 250, 300),
      from: 'FY2026-Q2',
      basis: 'as-set',
    });
  });

  it('splits a year target of 1,200 into 300 per quarter for a sum metric', () => {
    expect(effectiveBand(yearOnly, 'sum', 'FY2026-Q3', OCTOBER)).toEqual({
      band: band(250, 300, 350),
      from: 'FY2026',
      basis: 'split',
    });
  });

  it('applies the year band unchanged to each quarter of a ratio, level, mean or VoC metric', () => {
    const nps: PeriodBand[] = [{ period: 'FY2026', band: band(30, 40, 50) }];
    for (const aggregation of ['ratio', 'latest', 'mean', 'response_weighted'] as const) {
      expect(effectiveBand(nps, aggregation, 'FY2026-Q1', OCTOBER)).toEqual({
        band: band(30, 40, 50),
        from: 'FY2026',
        basis: 'applied',
      });
    }
  });

  it('gives a month a third of its quarter for a sum metric, else a twelfth of its year', () => {
    const phased: PeriodBand[] = [...yearOnly, { period: 'FY2026-Q1', band: band(240, 270, 300) }];
    // 2025-11 lies in FY2026-Q1 (Oct–Dec 2025) with an October start.
    expect(effectiveBand(phased, 'sum', '2025-11', OCTOBER)).toEqual({
      band: band(80, 90, 100),
      from: 'FY2026-Q1',
      basis: 'split',
    });
    // 2026-01 lies in FY2026-Q2, which has no target of its own: 1,000 / 1,200 / 1,400 ÷ 12.
    const january = effectiveBand(phased, 'sum', '2026-01', OCTOBER);
    expect(january?.from).toBe('FY2026');
    expect(january?.basis).toBe('split');
    expect(january?.band.threshold).toBeCloseTo(1000 / 12, 10);
    expect(january?.band.target).toBe(100);
    expect(january?.band.stretch).toBeCloseTo(1400 / 12, 10);
  });

  it('gives a month its quarter band, else its year band, unchanged for a ratio metric', () => {
    const targets: PeriodBand[] = [
      { period: 'FY2026', band: band(90, 95, 98) },
      { period: 'FY2026-Q4', band: band(92, 96, 99) },
    ];
    expect(effectiveBand(targets, 'ratio', '2026-08', OCTOBER)).toEqual({
      band: band(92, 96, 99),
      from: 'FY2026-Q4',
      basis: 'applied',
    });
    expect(effectiveBand(targets, 'ratio', '2026-02', OCTOBER)).toEqual({
      band: band(90, 95, 98),
      from: 'FY2026',
      basis: 'applied',
    });
  });

  it('places months by the fiscal start month', () => {
    const targets: PeriodBand[] = [{ period: 'FY2026-Q1', band: band(30, 40, 50) }];
    expect(effectiveBand(targets, 'ratio', '2026-02', 1)?.from).toBe('FY2026-Q1');
    expect(effectiveBand(targets, 'ratio', '2026-02', OCTOBER)).toBeNull(); // FY2026-Q2 with an October start
    expect(effectiveBand(targets, 'ratio', '2025-12', OCTOBER)?.from).toBe('FY2026-Q1');
  });

  it('sums the four phased quarters into the year for a sum metric, as set', () => {
    const quarters: PeriodBand[] = [1, 2, 3, 4].map((q) => ({
      period: `FY2026-Q${q}`,
      band: band(100 * q, 100 * q + 50, 100 * q + 100),
    }));
    // thresholds 100+200+300+400 = 1,000; targets 1,000 + 4 × 50 = 1,200; stretches 1,000 + 4 × 100 = 1,400.
    expect(effectiveBand(quarters, 'sum', 'FY2026', OCTOBER)).toEqual({
      band: band(1000, 1200, 1400),
      from: 'FY2026',
      basis: 'as-set',
    });
  });

  it('invents no year target from quarters for a ratio or level metric, nor from three quarters of a sum', () => {
    const quarters: PeriodBand[] = [1, 2, 3, 4].map((q) => ({
      period: `FY2026-Q${q}`,
      band: band(30, 40, 50),
    }));
    expect(effectiveBand(quarters, 'ratio', 'FY2026', OCTOBER)).toBeNull();
    expect(effectiveBand(quarters, 'latest', 'FY2026', OCTOBER)).toBeNull();
    expect(effectiveBand(quarters.slice(0, 3), 'sum', 'FY2026', OCTOBER)).toBeNull();
  });

  it('has no target where nothing was set for the period, its quarter or its year', () => {
    expect(effectiveBand([], 'sum', '2026-03', OCTOBER)).toBeNull();
    expect(effectiveBand(yearOnly, 'sum', 'FY2027-Q1', OCTOBER)).toBeNull();
    expect(effectiveBand(yearOnly, 'ratio', 'FY2025', OCTOBER)).toBeNull();
  });

  it('refuses a period that is not a label', () => {
    expect(() => effectiveBand(yearOnly, 'sum', 'Q1 2026', OCTOBER)).toThrow(PeriodLabelError);
  });
});
