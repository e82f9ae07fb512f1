import { canOpenPage, homePathFor, safeReturnUrl } from './page-access';

describe('page access', () => {
  it('lands executives on the company scorecard and everyone else on the organisation', () => {
    expect(homePathFor(['EXECUTIVE', 'MEMBER'])).toBe('/scorecards');
    expect(homePathFor(['EXECUTIVE', 'HR'])).toBe('/scorecards');
    expect(homePathFor(['MEMBER'])).toBe('/org');
    expect(homePathFor(['CX_LEAD', 'MEMBER'])).toBe('/org');
    expect(homePathFor([])).toBe('/org');
  });

  it('opens the scorecards to every signed-in person, whatever their roles', () => {
    expect(canOpenPage('scorecards', ['MEMBER'])).toBe(true);
    expect(canOpenPage('scorecards', [])).toBe(true);
  });

  it('falls back on the home page given when there is no safe place to return to', () => {
    expect(safeReturnUrl(null, '/scorecards')).toBe('/scorecards');
    expect(safeReturnUrl('//evil.example.com', '/scorecards')).toBe('/scorecards');
    expect(safeReturnUrl('/voc?unit=sales', '/scorecards')).toBe('/voc?unit=sales');
  });
});
