import { cxIndex, CxIndexInput, weightsProblem } from './cx-index';

const part = (
  metric: string,
  weight: number,
  score: number | null,
  more: Partial<CxIndexInput> = {},
): CxIndexInput => ({
  metric,
  weight,
  score,
  insufficientSample: false,
  hasTarget: true,
  ...more,
});

describe('the CX index', () => {
  it('is the weighted mean of the scores when every component counts', () => {
    // 0.4 × 120 + 0.3 × 80 + 0.3 × 100 = 48 + 24 + 30 = 102
    const index = cxIndex([part('nps', 40, 120), part('csat', 30, 80), part('ces', 30, 100)]);
    expect(index.value).toBeCloseTo(102, 10);
    expect(index.weightUsed).toBe(100);
    expect(index.insufficient).toBe(false);
    expect(index.note).toBeNull();
    expect(index.components.map((c) => c.effectiveWeight)).toEqual([40, 30, 30]);
    expect(index.components.every((c) => !c.excluded && c.reason === null)).toBe(true);
  });

  it('leaves out a component with an insufficient sample and renormalises the rest to 4/7 and 3/7', () => {
    // 4/7 × 120 + 3/7 × 80 = (480 + 240) / 7 = 102.857…
    const index = cxIndex([
      part('nps', 40, 120),
      part('csat', 30, 80),
      part('ces', 30, 20, { insufficientSample: true }),
    ]);
    expect(index.weightUsed).toBe(70);
    expect(index.insufficient).toBe(false);
    expect(index.value).toBeCloseTo(720 / 7, 10);
    const [nps, csat, ces] = index.components;
    expect(nps.effectiveWeight).toBeCloseTo((4 / 7) * 100, 10);
    expect(csat.effectiveWeight).toBeCloseTo((3 / 7) * 100, 10);
    expect(ces).toEqual({
      metric: 'ces',
      weight: 30,
      score: 20,
      excluded: true,
      reason: 'insufficient-sample',
      effectiveWeight: 0,
    });
    expect(index.note).toBe('ces (insufficient sample) left out; weights renormalised over 70 %.');
  });

  it('leaves out components without a value or without a target, and says why', () => {
    const index = cxIndex([
      part('nps', 50, 110),
      part('csat', 20, null),
      part('retention', 20, null, { hasTarget: false }),
      part('ces', 10, 90),
    ]);
    expect(index.components.map((c) => c.reason)).toEqual([null, 'no-value', 'no-target', null]);
    expect(index.weightUsed).toBe(60);
    // 50/60 × 110 + 10/60 × 90 = (5500 + 900) / 60 = 106.67
    expect(index.value).toBeCloseTo(6400 / 60, 10);
    expect(index.note).toBe(
      'csat (no value) and retention (no target) left out; weights renormalised over 60 %.',
    );
  });

  it('reports an insufficient sample before a missing target or value', () => {
    const index = cxIndex([
      part('nps', 60, 100),
      part('ces', 40, null, { insufficientSample: true, hasTarget: false }),
    ]);
    expect(index.components[1].reason).toBe('insufficient-sample');
    expect(index.components[1].score).toBeNull();
  });

  it('is insufficient with less than half of its weight left', () => {
    const index = cxIndex([
      part('nps', 40, 120, { insufficientSample: true }),
      part('csat', 11, 80, { insufficientSample: true }),
      part('ces', 49, 100),
    ]);
    expect(index.weightUsed).toBe(49);
    expect(index.insufficient).toBe(true);
    expect(index.value).toBeNull();
    expect(index.note).toBe(
      'nps (insufficient sample) and csat (insufficient sample) left out; only 49 % of the weight is left, less than half, so the index is insufficient.',
    );
  });

  it('is sufficient with exactly half of its weight left', () => {
    const index = cxIndex([part('nps', 50, 120), part('csat', 50, 80, { insufficientSample: true })]);
    expect(index.weightUsed).toBe(50);
    expect(index.insufficient).toBe(false);
    expect(index.value).toBe(120);
    expect(index.components[0].effectiveWeight).toBe(100);
  });

  it('is sufficient at exactly half even when the weights carry decimals', () => {
    const index = cxIndex([
      part('nps', 16.7, 100),
      part('csat', 33.3, 100),
      part('ces', 50, 100, { hasTarget: false }),
    ]);
    expect(index.weightUsed).toBe(50);
    expect(index.insufficient).toBe(false);
    expect(index.value).toBeCloseTo(100, 10);
  });

  it('is insufficient when nothing has a score', () => {
    const index = cxIndex([part('nps', 60, null), part('csat', 40, null, { insufficientSample: true })]);
    expect(index).toMatchObject({ value: null, weightUsed: 0, insufficient: true });
    expect(index.components.map((c) => c.effectiveWeight)).toEqual([0, 0]);
    expect(index.note).toBe(
      'nps (no value) and csat (insufficient sample) left out; no weight is left, so the index is insufficient.',
    );
  });

  it('refuses weights that do not add up to 100', () => {
    expect(() => cxIndex([part('nps', 60, 100), part('csat', 30, 100)])).toThrow(
      'The CX index weights are not valid: the weights add up to 90 %, not 100 %.',
    );
  });
});

describe('CX index weights', () => {
  it('are fine when they add up to exactly 100, also with decimals', () => {
    expect(weightsProblem([{ metric: 'nps', weight: 100 }])).toBeNull();
    expect(
      weightsProblem([
        { metric: 'nps', weight: 33.33 },
        { metric: 'csat', weight: 33.33 },
        { metric: 'ces', weight: 33.34 },
      ]),
    ).toBeNull();
    expect(
      weightsProblem([
        { metric: 'nps', weight: 0 },
        { metric: 'csat', weight: 100 },
      ]),
    ).toBeNull();
  });

  it('are refused when they add up to more or less than 100', () => {
    expect(
      weightsProblem([
        { metric: 'nps', weight: 60 },
        { metric: 'csat', weight: 40.5 },
      ]),
    ).toBe('the weights add up to 100.5 %, not 100 %');
    expect(weightsProblem([])).toBe(
      'the index needs at least one weighted metric; the weights must add up to 100 %',
    );
  });

  it('are refused when a metric is weighted twice', () => {
    expect(
      weightsProblem([
        { metric: 'nps', weight: 50 },
        { metric: 'nps', weight: 50 },
      ]),
    ).toBe('nps is weighted more than once; give each metric one weight');
  });

  it('are refused when one is negative or not a number', () => {
    expect(
      weightsProblem([
        { metric: 'nps', weight: 110 },
        { metric: 'csat', weight: -10 },
      ]),
    ).toBe('the weight of csat must not be negative (-10 %)');
    expect(weightsProblem([{ metric: 'nps', weight: Number.NaN }])).toBe(
      'the weight of nps must be a number, not NaN',
    );
  });
});
