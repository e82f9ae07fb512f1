import { HttpClient, HttpEvent, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CxIndexWeight,
  CxIndexWeights,
  MetricDefinition,
  Target,
  TargetBatchRequest,
  TargetBatchResult,
  TargetImportResult,
} from '@lodestar/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1';

/**
 * Targets per metric, unit and fiscal year or quarter, their CSV imports, and the CX index weights.
 * Provided on the targets route together with an XMLHttpRequest-based HttpClient, because fetch()
 * cannot report how much of an upload has been sent.
 */
@Injectable()
export class TargetsService {
  private readonly http = inject(HttpClient);

  metrics(): Observable<MetricDefinition[]> {
    return this.http.get<MetricDefinition[]>(`${API}/metrics`);
  }

  /** The targets set for a fiscal year and its quarters, optionally of one metric or unit. */
  list(
    period: string,
    filter: { metric?: string | null; orgUnit?: string | null } = {},
  ): Observable<Target[]> {
    let params = new HttpParams().set('period', period);
    if (filter.metric) params = params.set('metric', filter.metric);
    if (filter.orgUnit) params = params.set('orgUnit', filter.orgUnit);
    return this.http.get<Target[]>(`${API}/targets`, { params });
  }

  save(batch: TargetBatchRequest): Observable<TargetBatchResult> {
    return this.http.post<TargetBatchResult>(`${API}/targets`, batch);
  }

  remove(metric: string, orgUnit: string, period: string): Observable<void> {
    const params = new HttpParams().set('metric', metric).set('orgUnit', orgUnit).set('period', period);
    return this.http.delete<void>(`${API}/targets`, { params });
  }

  /** Sends the file as the multipart field `file`, with upload progress events. */
  import(file: File): Observable<HttpEvent<TargetImportResult>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<TargetImportResult>(`${API}/targets/imports`, body, {
      reportProgress: true,
      observe: 'events',
    });
  }

  /** A unit's own CX index weights or the company default it uses; null: the company default. */
  weights(orgUnit: string | null): Observable<CxIndexWeights> {
    const params = orgUnit ? new HttpParams().set('orgUnit', orgUnit) : undefined;
    return this.http.get<CxIndexWeights>(`${API}/cx-index/weights`, { params });
  }

  saveWeights(orgUnit: string | null, weights: CxIndexWeight[]): Observable<CxIndexWeights> {
    return this.http.put<CxIndexWeights>(`${API}/cx-index/weights`, { orgUnit, weights });
  }

  /** Removes a unit's own weights: the company default applies to it again. */
  useDefaultWeights(orgUnit: string): Observable<CxIndexWeights> {
    const params = new HttpParams().set('orgUnit', orgUnit);
    return this.http.delete<CxIndexWeights>(`${API}/cx-index/weights`, { params });
  }
}
