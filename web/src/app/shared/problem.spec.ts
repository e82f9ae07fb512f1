import { HttpErrorResponse } from '@angular/common/http';
import { problemDetail, problemErrors } from './problem';

describe('problemDetail', () => {
  it('shows the detail of an application/problem+json body', () => {
    const error = new HttpErrorResponse({
      status: 409,
      error: { title: 'Conflict', status: 409, detail: 'The start month cannot change once targets exist.' },
    });
    expect(problemDetail(error)).toBe('The start month cannot change once targets exist.');
  });

  it('reads a problem body that arrived as text', () => {
    const error = new HttpErrorResponse({
      status: 403,
      error: JSON.stringify({ detail: 'You cannot change your own roles.' }),
    });
    expect(problemDetail(error)).toBe('You cannot change your own roles.');
  });

  it('explains an unreachable server instead of showing status 0', () => {
    expect(problemDetail(new HttpErrorResponse({ status: 0 }))).toMatch(/cannot be reached/);
  });

  it('lists several validation messages but not a single one that repeats the detail', () => {
    const many = new HttpErrorResponse({
      status: 400,
      error: { detail: 'a; b', errors: ['name must not be empty', 'email must be an e-mail address'] },
    });
    expect(problemErrors(many)).toEqual(['name must not be empty', 'email must be an e-mail address']);
    const one = new HttpErrorResponse({
      status: 400,
      error: { detail: 'name must not be empty.', errors: ['name must not be empty'] },
    });
    expect(problemErrors(one)).toEqual([]);
  });
});
