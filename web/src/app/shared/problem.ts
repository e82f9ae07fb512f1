import { HttpErrorResponse } from '@angular/common/http';
import type { ProblemDetails } from '@lodestar/contracts';

function isProblem(body: unknown): body is Pick<ProblemDetails, 'detail'> & Partial<ProblemDetails> {
  return (
    typeof body === 'object' && body !== null && typeof (body as { detail?: unknown }).detail === 'string'
  );
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

/** The sentence to show a person for a failed request: the API's problem `detail` whenever there is one. */
export function problemDetail(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    const body = parseBody(error.error);
    if (isProblem(body) && body.detail.trim() !== '') return body.detail;
    if (error.status === 0) return 'The server cannot be reached. Check your connection and try again.';
    if (error.status >= 500) return 'The server had a problem handling this request. Try again in a moment.';
    return `The request failed (${error.status}${error.statusText ? ` ${error.statusText}` : ''}).`;
  }
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}

/** The field-level messages of a validation problem, if the API listed them. */
export function problemErrors(error: unknown): string[] {
  if (!(error instanceof HttpErrorResponse)) return [];
  const body = parseBody(error.error);
  if (isProblem(body) && Array.isArray(body.errors)) {
    const errors = body.errors.filter((item): item is string => typeof item === 'string');
    // A single error already is the detail; listing it again would only repeat it.
    return errors.length > 1 ? errors : [];
  }
  return [];
}

/** A failed request reduced to what the screens show. */
export interface ShownProblem {
  detail: string;
  errors: string[];
  status: number | null;
}

export function toShownProblem(error: unknown): ShownProblem {
  return {
    detail: problemDetail(error),
    errors: problemErrors(error),
    status: error instanceof HttpErrorResponse ? error.status : null,
  };
}
