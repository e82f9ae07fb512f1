import { MetricDirection, TargetBand } from '@lodestar/contracts';

import { attainment, score, scoreValue, status, withinMarginOfTarget } from './scoring';

const band = (threshold: number, target: number, stretch: number): TargetBand => ({
  threshold,
  target,
  stretch,
});

describe('score on a higher-is-better band (NPS 30 / 40 / 50)', () => {
  const nps = band(30, 40, 50);

  it('is 50 at threshold, 100 at target and 150 at stretch', () => {
    expect(score(30, nps, 'higher')).toBe(50);
    expect(score(40, nps, 'higher')).toBe(100);
    expect(score(50, nps, 'higher')).toBe(150);
  });

  it('is linear between the points', () => {
    expect(score(35, nps, 'higher')).toBe(75);
    expect(score(44, nps, 'higher')).toBe(120);
  });

  it('continues below the threshold at the threshold–target slope and floors at 0', () => {
    expect(score(20, nps, 'higher')).toBe(0); // 100 − 50 × 20 / 10
    expect(score(25, nps, 'higher')).toBe(25);
    expect(score(-100, nps, 'higher')).toBe(0);
  });

  it('continues beyond the stretch at the target–stretch slope and caps at 200', () => {
    expect(score(55, nps, 'higher')).toBe(175);
    expect(score(60, nps, 'higher')).toBe(200);
    expect(score(100, nps, 'higher')).toBe(200);
  });

  it('uses each side’s own slope when the band is lopsided', () => {
    // threshold 90, target 100, stretch 120: 10 points per 50 below target, 20 points per 50 above.
    const quota = band(90, 100, 120);
    expect(score(80, quota, 'higher')).toBe(0);
    expect(score(95, quota, 'higher')).toBe(75);
    expect(score(110, quota, 'higher')).toBe(125);
    expect(score(130, quota, 'higher')).toBe(175);
  });
});

describe('score on a lower-is-better band (complaint rate 3.0 / 2.5 / 2.0)', () => {
  const complaints = band(3, 2.5, 2);

  it('is mirrored: 50 at threshold, 100 at target, 150 at stretch', () => {
    expect(score(3, complaints, 'lower')).toBe(50);
    expect(score(2.5, complaints, 'lower')).toBe(100);
    expect(score(2, complaints, 'lower')).toBe(150);
  });

  it('rises as the value falls, floors at 0 and caps at 200', () => {
    expect(score(2.75, complaints, 'lower')).toBe(75);
    expect(score(1.75, complaints, 'lower')).toBe(175);
    expect(score(1.5, complaints, 'lower')).toBe(200);
    expect(score(0, complaints, 'lower')).toBe(200);
    expect(score(3.5, complaints, 'lower')).toBe(0);
    expect(score(9, complaints, 'lower')).toBe(0);
  });
});

describe('score of values that can be zero or negative', () => {
  const nps = band(-10, 0, 10);

  it('places NPS −20, −5, 0 and 5 on the band −10 / 0 / 10', () => {
    expect(score(-20, nps, 'higher')).toBe(0);
    expect(score(-10, nps, 'higher')).toBe(50);
    expect(score(-5, nps, 'higher')).toBe(75);
    expect(score(0, nps, 'higher')).toBe(100);
    expect(score(5, nps, 'higher')).toBe(125);
  });

  it('works for a lower-is-better band that crosses zero', () => {
    const change = band(2, 0, -4);
    expect(score(1, change, 'lower')).toBe(75);
    expect(score(-2, change, 'lower')).toBe(125);
  });
});

describe('status', () => {
  it('is green at or beyond the target, amber from the threshold up to it, red short of the threshold', () => {
    const nps = band(30, 40, 50);
    expect(status(40, nps, 'higher')).toBe('green');
    expect(status(70, nps, 'higher')).toBe('green');
    expect(status(39.9, nps, 'higher')).toBe('amber');
    expect(status(30, nps, 'higher')).toBe('amber');
    expect(status(29.9, nps, 'higher')).toBe('red');
  });

  it('is mirrored for a lower-is-better metric', () => {
    const complaints = band(3, 2.5, 2);
    expect(status(2.5, complaints, 'lower')).toBe('green');
    expect(status(1, complaints, 'lower')).toBe('green');
    expect(status(2.6, complaints, 'lower')).toBe('amber');
    expect(status(3, complaints, 'lower')).toBe('amber');
    expect(status(3.1, complaints, 'lower')).toBe('red');
  });
});

describe('a band that cannot be scored', () => {
  it('is refused with the reason, as is an actual that is not a number', () => {
    expect(() => score(40, band(40, 40, 50), 'higher')).toThrow(
      'threshold 40 must be below target 40 for a higher-is-better metric',
    );
    expect(() => status(40, band(30, 40, 50), 'lower')).toThrow(RangeError);
    expect(() => score(Number.NaN, band(30, 40, 50), 'higher')).toThrow(
      'The actual must be a finite number, not NaN.',
    );
  });
});

describe('attainment', () => {
  it('is actual ÷ target in percent for a positive better-is-higher quantity', () => {
    expect(attainment(1125, 1000, { direction: 'higher', unit: 'currency' })).toBe(112.5);
    expect(attainment(45, 50, { direction: 'higher', unit: 'percent' })).toBe(90);
    expect(attainment(0, 8, { direction: 'higher', unit: 'count' })).toBe(0);
  });

  it('is not shown for NPS, CES or lower-is-better metrics', () => {
    expect(attainment(45, 40, { direction: 'higher', unit: 'score' })).toBeNull();
    expect(attainment(2, 2.5, { direction: 'lower', unit: 'percent' })).toBeNull();
    expect(attainment(4, 5, { direction: 'lower', unit: 'count' })).toBeNull();
  });

  it('is not shown for a target of zero or less, or a negative actual', () => {
    expect(attainment(10, 0, { direction: 'higher', unit: 'count' })).toBeNull();
    expect(attainment(10, -5, { direction: 'higher', unit: 'percent' })).toBeNull();
    expect(attainment(-1, 10, { direction: 'higher', unit: 'currency' })).toBeNull();
    expect(attainment(Number.NaN, 10, { direction: 'higher', unit: 'currency' })).toBeNull();
  });
});

describe('a scored value', () => {
  it('carries score, status and attainment of a result on its band', () => {
    expect(scoreValue('higher', 'currency', 1125, band(900, 1000, 1200))).toEqual({
      direction: 'higher',
      actual: 1125,
      band: band(900, 1000, 1200),
      score: 131.25, // 100 + 50 × 125 / 200
      status: 'green',
      attainment: 112.5,
    });
    expect(scoreValue('higher', 'score', -5, band(-10, 0, 10))).toMatchObject({
      score: 75,
      status: 'amber',
      attainment: null,
    });
  });

  it('has no score, status or attainment without an actual or a band', () => {
    const empty = { score: null, status: null, attainment: null };
    expect(scoreValue('higher', 'percent', null, band(30, 40, 50))).toEqual({
      direction: 'higher',
      actual: null,
      band: band(30, 40, 50),
      ...empty,
    });
    expect(scoreValue('lower', 'percent', 2.2, null)).toEqual({
      direction: 'lower',
      actual: 2.2,
      band: null,
      ...empty,
    });
  });
});

describe('a CX value within its margin of error of the target', () => {
  it('is within when the gap is at most the margin, either side', () => {
    expect(withinMarginOfTarget(33, 14.68, 40)).toBe(true);
    expect(withinMarginOfTarget(45, 5, 40)).toBe(true);
    expect(withinMarginOfTarget(35, 5, 40)).toBe(true);
    expect(withinMarginOfTarget(0.3, 0.2, 0.1)).toBe(true); // 0.3 − 0.1 is 0.19999… in binary
  });

  it('is not within when the gap exceeds the margin, or a number is missing', () => {
    expect(withinMarginOfTarget(20, 14.68, 40)).toBe(false);
    expect(withinMarginOfTarget(45.01, 5, 40)).toBe(false);
    expect(withinMarginOfTarget(40, Number.NaN, 40)).toBe(false);
    expect(withinMarginOfTarget(40, -1, 40)).toBe(false);
  });
});

/** mulberry32: a small seeded PRNG, so every run checks the same "random" cases. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('properties over generated bands and values', () => {
  const CASES = 2000;

  /** A strictly ordered band in the better direction, starting anywhere in −100…100. */
  function randomBand(next: () => number, direction: MetricDirection): TargetBand {
    const sign = direction === 'higher' ? 1 : -1;
    const threshold = Math.round((next() * 200 - 100) * 4) / 4;
    const target = threshold + sign * (0.25 + Math.round(next() * 80) / 4);
    const stretch = target + sign * (0.25 + Math.round(next() * 80) / 4);
    return { threshold, target, stretch };
  }

  it('never lowers the score as the value moves in the better direction, and keeps it within 0…200', () => {
    const next = random(20260301);
    for (let c = 0; c < CASES; c++) {
      const direction: MetricDirection = c % 2 === 0 ? 'higher' : 'lower';
      const sign = direction === 'higher' ? 1 : -1;
      const b = randomBand(next, direction);
      const a = next() * 300 - 150;
      const better = a + sign * next() * 50;
      const worse = score(a, b, direction);
      expect(score(better, b, direction)).toBeGreaterThanOrEqual(worse);
      expect(worse).toBeGreaterThanOrEqual(0);
      expect(worse).toBeLessThanOrEqual(200);
    }
  });

  it('agrees with status: green ⇔ score ≥ 100, red ⇔ score < 50', () => {
    const next = random(7);
    for (let c = 0; c < CASES; c++) {
      const direction: MetricDirection = c % 2 === 0 ? 'higher' : 'lower';
      const b = randomBand(next, direction);
      // Half the values on the band's points (the boundaries), half anywhere around it.
      const points = [b.threshold, b.target, b.stretch];
      const actual = c % 4 < 2 ? points[Math.floor(next() * 3)] : next() * 300 - 150;
      const s = score(actual, b, direction);
      const st = status(actual, b, direction);
      expect(st === 'green').toBe(s >= 100);
      expect(st === 'red').toBe(s < 50);
    }
  });
});
