import type { CxResult } from '@lodestar/contracts';
import {
  answerToneLabel,
  cxCardText,
  formatCxValue,
  formatMargin,
  formatNps,
  formatSampleSize,
  formatShare,
  SURVEY_INFO,
} from './cx-format';

const result = (overrides: Partial<CxResult>): CxResult => ({
  metric: 'nps',
  orgUnit: 'service',
  period: 'FY2026',
  value: 33,
  n: 100,
  marginOfError: 14.6817,
  insufficientSample: false,
  minimumSample: 30,
  breakdown: {
    promoters: 50,
    promotersShare: 0.5,
    passives: 33,
    passivesShare: 0.33,
    detractors: 17,
    detractorsShare: 0.17,
  },
  distribution: [],
  ...overrides,
});

describe('CX number formats', () => {
  it('shows NPS as a signed integer, and zero without a sign', () => {
    expect(formatNps(33)).toBe('+33');
    expect(formatNps(33.5)).toBe('+34');
    expect(formatNps(-4.6)).toBe('-5');
    expect(formatNps(0.3)).toBe('0');
    expect(formatNps(-0.3)).toBe('0');
    expect(formatNps(100)).toBe('+100');
  });

  it('shows CSAT as a percentage with one decimal and CES as a mean with one decimal', () => {
    expect(formatCxValue('csat', 87.456)).toBe('87.5 %');
    expect(formatCxValue('csat', 100)).toBe('100.0 %');
    expect(formatCxValue('ces', 5.4321)).toBe('5.4');
    expect(formatCxValue('nps', 33.333)).toBe('+33');
  });

  it('shows a dash when there is no value', () => {
    expect(formatCxValue('nps', null)).toBe('—');
    expect(formatCxValue('csat', Number.NaN)).toBe('—');
  });

  it('gives the margin one decimal in points, and two for CES', () => {
    expect(formatMargin('nps', 14.6817)).toBe('± 14.7');
    expect(formatMargin('csat', 1.94)).toBe('± 1.9');
    expect(formatMargin('ces', 0.0712)).toBe('± 0.07');
    expect(formatMargin('nps', null)).toBe('');
  });

  it('groups the sample size and formats 0–1 shares as percentages', () => {
    expect(formatSampleSize(1234)).toBe('n = 1,234');
    expect(formatShare(0.14879)).toBe('14.9 %');
  });

  it('takes the survey scales and unhappy bands from the shared formulas', () => {
    expect(SURVEY_INFO.nps).toMatchObject({ scale: '0–10', unhappyMax: 6 });
    expect(SURVEY_INFO.csat).toMatchObject({ scale: '1–5', unhappyMax: 2 });
    expect(SURVEY_INFO.ces).toMatchObject({ scale: '1–7', unhappyMax: 3 });
  });

  it('names single answers by their band', () => {
    expect(answerToneLabel('nps', 6)).toBe('Detractor');
    expect(answerToneLabel('nps', 8)).toBe('Passive');
    expect(answerToneLabel('nps', 9)).toBe('Promoter');
    expect(answerToneLabel('csat', 2)).toBe('Unhappy');
    expect(answerToneLabel('csat', 3)).toBe('Neutral');
    expect(answerToneLabel('ces', 7)).toBe('Happy');
  });
});

describe('cxCardText', () => {
  it('reads the SPEC example: NPS +33 ± 14.7 with n = 100', () => {
    expect(cxCardText(result({}))).toEqual({
      title: 'NPS',
      subtitle: 'Net Promoter Score · 0–10',
      value: '+33',
      margin: '± 14.7',
      sample: 'n = 100',
      insufficient: null,
      detail: '50 % promoters · 17 % detractors',
    });
  });

  it('warns about a small sample but still shows the value', () => {
    const text = cxCardText(
      result({
        metric: 'csat',
        value: 80,
        n: 12,
        marginOfError: 22.6,
        insufficientSample: true,
        breakdown: { satisfiedShare: 0.8, dissatisfiedShare: 0.1 },
      }),
    );
    expect(text.value).toBe('80.0 %');
    expect(text.insufficient).toBe('Fewer than 30 answers: read the value with care.');
    expect(text.detail).toBe('80 % answered 4–5 · 10 % 1–2');
  });

  it('shows no value, margin or warning without answers', () => {
    const text = cxCardText(
      result({
        metric: 'ces',
        value: null,
        n: 0,
        marginOfError: null,
        insufficientSample: true,
        breakdown: {},
      }),
    );
    expect(text).toMatchObject({ value: '—', margin: '', sample: 'n = 0', insufficient: null, detail: '' });
  });
});
