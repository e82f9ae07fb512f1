import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CxResult, Page, ParetoRow, SurveyType, VocComment } from '@lodestar/contracts';
import { forkJoin, Observable } from 'rxjs';

const API = '/api/v1';

export interface CxResults {
  nps: CxResult;
  csat: CxResult;
  ces: CxResult;
}

export interface CommentFilter {
  survey: SurveyType | null;
  search: string;
  /** Only answers up to this score (the survey's unhappy band), or null for every answer. */
  maxScore: number | null;
}

export const NO_COMMENT_FILTER: CommentFilter = { survey: null, search: '', maxScore: null };

export function commentParams(
  orgUnit: string,
  period: string,
  filter: CommentFilter,
  page: number,
  pageSize: number,
): HttpParams {
  let params = new HttpParams()
    .set('orgUnit', orgUnit)
    .set('period', period)
    .set('page', page)
    .set('pageSize', pageSize);
  if (filter.survey) params = params.set('survey', filter.survey);
  const search = filter.search.trim();
  if (search) params = params.set('search', search);
  if (filter.maxScore !== null) params = params.set('maxScore', filter.maxScore);
  return params;
}

/** CX results, cause Paretos and comments of the voice of the customer, per unit and period. */
@Injectable({ providedIn: 'root' })
export class VocService {
  private readonly http = inject(HttpClient);

  result(orgUnit: string, period: string, metric: SurveyType): Observable<CxResult> {
    const params = new HttpParams().set('orgUnit', orgUnit).set('period', period).set('metric', metric);
    return this.http.get<CxResult>(`${API}/cx/results`, { params });
  }

  results(orgUnit: string, period: string): Observable<CxResults> {
    return forkJoin({
      nps: this.result(orgUnit, period, 'nps'),
      csat: this.result(orgUnit, period, 'csat'),
      ces: this.result(orgUnit, period, 'ces'),
    });
  }

  pareto(orgUnit: string, period: string, survey: SurveyType): Observable<ParetoRow[]> {
    const params = new HttpParams().set('orgUnit', orgUnit).set('period', period).set('survey', survey);
    return this.http.get<ParetoRow[]>(`${API}/cx/pareto`, { params });
  }

  comments(
    orgUnit: string,
    period: string,
    filter: CommentFilter,
    page: number,
    pageSize: number,
  ): Observable<Page<VocComment>> {
    return this.http.get<Page<VocComment>>(`${API}/voc/comments`, {
      params: commentParams(orgUnit, period, filter, page, pageSize),
    });
  }
}
