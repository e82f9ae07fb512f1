import { HttpClient, HttpEvent, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  MeasurementBatchRequest,
  MeasurementBatchResult,
  MeasurementGrid,
  MeasurementImportResult,
  MeasurementResult,
  MetricDefinition,
} from '@lodestar/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1';

/**
 * Measurements of the non-VoC metrics: the grid of a metric's year, one month's history, values typed
 * into the grid and CSV imports. Provided on the measurements route together with an XMLHttpRequest-based
 * HttpClient, because fetch() cannot report how much of an upload has been sent.
 */
@Injectable()
export class MeasurementsService {
  private readonly http = inject(HttpClient);

  metrics(): Observable<MetricDefinition[]> {
    return this.http.get<MetricDefinition[]>(`${API}/metrics`);
  }

  /** Every unit × the months of `period` (a fiscal year such as FY2026). */
  grid(metric: string, period: string): Observable<MeasurementGrid> {
    const params = new HttpParams().set('metric', metric).set('period', period);
    return this.http.get<MeasurementGrid>(`${API}/measurements/grid`, { params });
  }

  /** A unit's value in a period; for a month, with every version of it. */
  measurement(metric: string, orgUnit: string, period: string): Observable<MeasurementResult> {
    const params = new HttpParams().set('metric', metric).set('orgUnit', orgUnit).set('period', period);
    return this.http.get<MeasurementResult>(`${API}/measurements`, { params });
  }

  save(batch: MeasurementBatchRequest): Observable<MeasurementBatchResult> {
    return this.http.post<MeasurementBatchResult>(`${API}/measurements`, batch);
  }

  /** Sends the file as the multipart field `file` (and `reason` when given), with upload progress events. */
  import(file: File, reason: string): Observable<HttpEvent<MeasurementImportResult>> {
    const body = new FormData();
    body.append('file', file, file.name);
    if (reason.trim()) body.append('reason', reason.trim());
    return this.http.post<MeasurementImportResult>(`${API}/measurements/imports`, body, {
      reportProgress: true,
      observe: 'events',
    });
  }
}
