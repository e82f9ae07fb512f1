import {
  addHistograms,
  emptyHistogram,
  Histogram,
  histogramFromScoreCounts,
  histogramFromScores,
  histogramTotal,
  sumHistograms,
} from './histogram';

describe('histograms', () => {
  it('starts empty with one count per possible score', () => {
    expect(emptyHistogram('nps').counts).toEqual(new Array(11).fill(0));
    expect(emptyHistogram('csat').counts).toEqual([0, 0, 0, 0, 0]);
    expect(emptyHistogram('ces').counts).toHaveLength(7);
  });

  it('puts score s at index s − min', () => {
    // NPS min 0: scores 0, 10, 10 → counts[0] = 1, counts[10] = 2.
    expect(histogramFromScores('nps', [0, 10, 10]).counts).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    // CSAT min 1: scores 1, 5, 4, 5 → counts[0] = 1, counts[3] = 1, counts[4] = 2.
    expect(histogramFromScores('csat', [1, 5, 4, 5]).counts).toEqual([1, 0, 0, 1, 2]);
    // CES min 1: score 7 → counts[6].
    expect(histogramFromScores('ces', [7]).counts).toEqual([0, 0, 0, 0, 0, 0, 1]);
  });

  it('refuses scores outside the scale or not whole', () => {
    expect(() => histogramFromScores('csat', [0])).toThrow(RangeError);
    expect(() => histogramFromScores('nps', [11])).toThrow(RangeError);
    expect(() => histogramFromScores('ces', [3.5])).toThrow(RangeError);
  });

  it('builds from grouped rows, adding repeated scores', () => {
    const histogram = histogramFromScoreCounts('csat', [
      { score: 5, count: 3 },
      { score: 1, count: 2 },
      { score: 5, count: 1 },
    ]);
    expect(histogram.counts).toEqual([2, 0, 0, 0, 4]);
    expect(() => histogramFromScoreCounts('csat', [{ score: 5, count: -1 }])).toThrow(RangeError);
    expect(() => histogramFromScoreCounts('csat', [{ score: 5, count: 1.5 }])).toThrow(RangeError);
  });

  it('adds histograms element-wise and leaves the inputs untouched', () => {
    const a = histogramFromScores('csat', [1, 5, 5]);
    const b = histogramFromScores('csat', [5, 3]);
    expect(addHistograms(a, b)).toEqual({ survey: 'csat', counts: [1, 0, 1, 0, 3] });
    expect(a.counts).toEqual([1, 0, 0, 0, 2]);
    expect(histogramTotal(addHistograms(a, b))).toBe(5);
    expect(sumHistograms('csat', [a, b, a]).counts).toEqual([2, 0, 1, 0, 5]);
    expect(sumHistograms('ces', []).counts).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('refuses to add different surveys or malformed histograms', () => {
    const nps: Histogram = emptyHistogram('nps');
    const csat: Histogram = emptyHistogram('csat');
    expect(() => addHistograms(nps, csat)).toThrow(/Cannot add a nps histogram to a csat histogram/);
    expect(() => addHistograms(csat, { survey: 'csat', counts: [1, 2, 3] })).toThrow(/5 counts; got 3/);
    expect(() => addHistograms(csat, { survey: 'csat', counts: [1, 2, 3, -4, 5] })).toThrow(RangeError);
  });
});
