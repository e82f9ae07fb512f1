import { pareto, UNSPECIFIED_CAUSE, unhappyCauseCounts } from './pareto';

describe('cause Pareto', () => {
  it('sorts by count, breaks ties by name, and accumulates shares in 0–1', () => {
    // Total = 10 + 5 + 5 + (3 + 2 unspecified) = 25.
    // Billing 10/25 = 0.4 (cum 0.4); Delivery 5/25 = 0.2 (0.6); Quality 0.2 (0.8); unspecified 0.2 (1).
    const rows = pareto({ Quality: 5, Billing: 10, '': 3, '   ': 2, Delivery: 5, Unused: 0 });
    expect(rows.map((row) => row.cause)).toEqual(['Billing', 'Delivery', 'Quality', UNSPECIFIED_CAUSE]);
    expect(rows.map((row) => row.count)).toEqual([10, 5, 5, 5]);
    expect(rows.map((row) => row.share)).toEqual([0.4, 0.2, 0.2, 0.2]);
    const cumulative = rows.map((row) => row.cumulativeShare);
    expect(cumulative[0]).toBeCloseTo(0.4, 12);
    expect(cumulative[1]).toBeCloseTo(0.6, 12);
    expect(cumulative[2]).toBeCloseTo(0.8, 12);
    expect(Math.abs((cumulative[3] ?? 0) - 1)).toBeLessThan(1e-12);
  });

  it('accepts rows, merging duplicate and missing causes', () => {
    // Billing 2 + 1 = 3; null + blank + "unspecified" = 1 + 1 + 1 = 3; Late 1. Total 7.
    const rows = pareto([
      { cause: 'Billing', count: 2 },
      { cause: null, count: 1 },
      { cause: ' Billing ', count: 1 },
      { cause: '\t', count: 1 },
      { cause: 'unspecified', count: 1 },
      { cause: 'Late', count: 1 },
    ]);
    expect(rows.map(({ cause, count }) => [cause, count])).toEqual([
      ['Billing', 3],
      ['unspecified', 3],
      ['Late', 1],
    ]);
    expect(rows[2]?.cumulativeShare).toBe(1);
  });

  it('is empty when nothing was counted', () => {
    expect(pareto({})).toEqual([]);
    expect(pareto([])).toEqual([]);
    expect(pareto({ Billing: 0 })).toEqual([]);
  });

  it('refuses negative or fractional counts', () => {
    expect(() => pareto({ Billing: -1 })).toThrow(RangeError);
    expect(() => pareto([{ cause: 'Billing', count: 0.5 }])).toThrow(RangeError);
  });

  it('counts only the causes of unhappy answers', () => {
    // CSAT 1–2 are unhappy: (1, Billing), (2, Billing), (2, blank) count; 3, 4 and 5 do not.
    const counts = unhappyCauseCounts('csat', [
      { score: 1, cause: 'Billing' },
      { score: 5, cause: 'Billing' },
      { score: 2, cause: 'Billing' },
      { score: 3, cause: 'Late' },
      { score: 2, cause: ' ' },
      { score: 4 },
    ]);
    expect(counts).toEqual([
      { cause: 'Billing', count: 2 },
      { cause: UNSPECIFIED_CAUSE, count: 1 },
    ]);
    expect(pareto(counts).map((row) => row.cumulativeShare)).toEqual([2 / 3, 1]);
    expect(() => unhappyCauseCounts('ces', [{ score: 9, cause: 'x' }])).toThrow(RangeError);
  });
});
