import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { ProblemDetails } from '@lodestar/contracts';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { JsonLogger } from './json-logger';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  // a write that must name the revision it read (If-Match) and did not
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/**
 * A problem as written. `errors` lists the individual mistakes: sentences, or objects when they
 * need more than words (a CSV import's rejected rows are `{ line, message }`).
 */
export type Problem = Omit<ProblemDetails, 'errors'> & { errors?: string[] | object[] };

export function problem(status: number, detail: string, instance?: string, errors?: string[] | object[]): Problem {
  return {
    type: 'about:blank',
    title: TITLES[status] ?? HttpStatus[status] ?? 'Error',
    status,
    detail,
    ...(instance ? { instance } : {}),
    ...(errors && errors.length ? { errors } : {}),
  };
}

export function sendProblem(res: Response, body: Problem): void {
  res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
}

/** Writes every error as RFC 9457 `application/problem+json` with a sentence a person can act on. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: JsonLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    if (res.headersSent) return;
    sendProblem(res, this.toProblem(exception, req));
  }

  toProblem(exception: unknown, req: Request): Problem {
    const instance = req.originalUrl?.split('?')[0];
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      let detail = exception.message;
      let errors: string[] | object[] | undefined;
      if (typeof response === 'object' && response !== null) {
        const body = response as { message?: unknown; errors?: unknown };
        if (Array.isArray(body.message)) {
          errors = body.message.map(String);
          detail = errors.join('; ');
        } else if (typeof body.message === 'string') detail = body.message;
        if (Array.isArray(body.errors)) errors = body.errors.every(isObject) ? (body.errors as object[]) : body.errors.map(String);
      } else if (typeof response === 'string') detail = response;
      if (status === 404 && /^Cannot [A-Z]+ /.test(detail)) {
        detail = `There is no API route ${req.method} ${instance}: see /api/docs for the routes.`;
      }
      const headers = (exception as HttpException & { headers?: Record<string, string> }).headers;
      if (headers) for (const [name, value] of Object.entries(headers)) req.res?.setHeader(name, value);
      return problem(status, ensureSentence(detail), instance, errors);
    }
    const bodyParserError = exception as { type?: string; status?: number; message?: string };
    if (bodyParserError?.type === 'entity.parse.failed') {
      return problem(400, 'The request body is not valid JSON: check quotes, commas and brackets.', instance);
    }
    if (bodyParserError?.type === 'entity.too.large') {
      return problem(413, 'The request body is too large.', instance);
    }
    if (exception instanceof QueryFailedError && (exception.driverError as { code?: string })?.code === '22P02') {
      return problem(400, 'A value in the request has the wrong format (for example an id that is not a UUID).', instance);
    }
    this.logger.error(exception instanceof Error ? exception.message : String(exception), (exception as Error)?.stack, 'Unhandled');
    return problem(500, 'Something went wrong on our side; the error was logged. Try again, and tell an administrator if it persists.', instance);
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function ensureSentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return 'The request could not be handled.';
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
