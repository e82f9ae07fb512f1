import {
  assertValidScore,
  isSurvey,
  isUnhappy,
  isValidScore,
  scoreCount,
  scoreRange,
  SURVEYS,
} from './surveys';

describe('survey scales', () => {
  it('knows the three surveys and their ranges: NPS 0–10, CSAT 1–5, CES 1–7', () => {
    expect(SURVEYS).toEqual(['nps', 'csat', 'ces']);
    expect(scoreRange('nps')).toEqual([0, 10]);
    expect(scoreRange('csat')).toEqual([1, 5]);
    expect(scoreRange('ces')).toEqual([1, 7]);
    expect(SURVEYS.map(scoreCount)).toEqual([11, 5, 7]);
  });

  it('recognises survey names exactly', () => {
    expect(isSurvey('nps')).toBe(true);
    expect(isSurvey('NPS')).toBe(false);
    expect(isSurvey('toString')).toBe(false);
    expect(isSurvey(3)).toBe(false);
  });

  it('accepts only integer scores within the range', () => {
    expect(isValidScore('nps', 0)).toBe(true);
    expect(isValidScore('nps', 10)).toBe(true);
    expect(isValidScore('nps', 11)).toBe(false);
    expect(isValidScore('nps', -1)).toBe(false);
    expect(isValidScore('nps', 7.5)).toBe(false);
    expect(isValidScore('nps', Number.NaN)).toBe(false);
    expect(isValidScore('csat', 0)).toBe(false);
    expect(isValidScore('csat', 5)).toBe(true);
    expect(isValidScore('csat', 6)).toBe(false);
    expect(isValidScore('ces', 1)).toBe(true);
    expect(isValidScore('ces', 7)).toBe(true);
    expect(isValidScore('ces', 8)).toBe(false);
    expect(() => assertValidScore('csat', 6)).toThrow(/csat score is an integer from 1 to 5; got 6/);
  });

  it('calls NPS 0–6, CSAT 1–2 and CES 1–3 unhappy, and nothing above', () => {
    const unhappy = (survey: 'nps' | 'csat' | 'ces'): number[] => {
      const [min, max] = scoreRange(survey);
      const scores: number[] = [];
      for (let score = min; score <= max; score++) if (isUnhappy(survey, score)) scores.push(score);
      return scores;
    };
    expect(unhappy('nps')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(unhappy('csat')).toEqual([1, 2]);
    expect(unhappy('ces')).toEqual([1, 2, 3]);
  });

  it('refuses to judge an invalid score as happy or unhappy', () => {
    expect(() => isUnhappy('ces', 0)).toThrow(RangeError);
    expect(() => isUnhappy('nps', 6.5)).toThrow(RangeError);
  });
});
