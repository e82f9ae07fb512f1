import { withSurvey, withUnhappyOnly } from './voc-comments.component';
import { NO_COMMENT_FILTER } from './voc.service';

describe('comment filters', () => {
  it('limits "unhappy only" to the survey’s unhappy band, picking NPS when no survey is chosen', () => {
    expect(withUnhappyOnly(NO_COMMENT_FILTER, true)).toEqual({ survey: 'nps', search: '', maxScore: 6 });
    expect(withUnhappyOnly({ ...NO_COMMENT_FILTER, survey: 'csat' }, true)).toMatchObject({ maxScore: 2 });
    expect(withUnhappyOnly({ survey: 'ces', search: 'late', maxScore: 3 }, false)).toEqual({
      survey: 'ces',
      search: 'late',
      maxScore: null,
    });
  });

  it('moves the unhappy band with the survey, and drops it for all surveys', () => {
    const unhappyNps = withUnhappyOnly(NO_COMMENT_FILTER, true);
    expect(withSurvey(unhappyNps, 'ces')).toMatchObject({ survey: 'ces', maxScore: 3 });
    expect(withSurvey(unhappyNps, null)).toMatchObject({ survey: null, maxScore: null });
    expect(withSurvey(NO_COMMENT_FILTER, 'csat')).toMatchObject({ survey: 'csat', maxScore: null });
  });
});
