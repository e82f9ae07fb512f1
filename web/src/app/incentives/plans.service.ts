import {
  HttpClient,
  HttpEvent,
  HttpEventType,
  HttpHeaders,
  HttpParams,
  HttpResponse,
} from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreatePlanRequest,
  CreatePlanVersionRequest,
  IncentiveForecast,
  IncentivePlan,
  MetricDefinition,
  ParticipantFacts,
  PlanVersion,
  PlanVersionDiff,
  ReplaceParticipantsRequest,
  UpdatePlanVersionRequest,
  WhatIfResult,
} from '@lodestar/contracts';
import { map, Observable } from 'rxjs';

const API = '/api/v1';

/** A version as read or written, with the ETag the next edit has to send back in `If-Match`. */
export interface TaggedVersion {
  version: PlanVersion;
  etag: string;
}

/** What the participants CSV import answers: the version with its new participants, and the file's name. */
export interface ParticipantImportResult {
  fileName: string;
  version: PlanVersion;
  etag: string;
}

/** The four steps of a version's approval (and the removal of a draft). */
export type VersionAction = 'submit' | 'approve' | 'reject' | 'publish';

/** The ETag of an answer: its header, else the revision the body carries (`"<revision>"`). */
export function etagOf(response: HttpResponse<PlanVersion>): string {
  const header = response.headers.get('ETag');
  if (header) return header;
  const revision = response.body?.revision;
  return revision === undefined ? '' : `"${revision}"`;
}

function tagged(response: HttpResponse<PlanVersion>): TaggedVersion {
  if (!response.body) throw new Error('The server answered without the plan version.');
  return { version: response.body, etag: etagOf(response) };
}

function ifMatch(etag: string): HttpHeaders {
  return new HttpHeaders({ 'If-Match': etag });
}

function versionUrl(id: string): string {
  return `${API}/plan-versions/${encodeURIComponent(id)}`;
}

/**
 * Incentive plans for HR and approvers: plans and their versions, editing a draft (always with the
 * `If-Match` of the version as read), its participants, the approval steps, the diff, the figures
 * the browser previews with, what-if and the year's cost forecast.
 */
@Injectable({ providedIn: 'root' })
export class PlansService {
  private readonly http = inject(HttpClient);

  plans(): Observable<IncentivePlan[]> {
    return this.http.get<IncentivePlan[]>(`${API}/plans`);
  }

  plan(id: string): Observable<IncentivePlan> {
    return this.http.get<IncentivePlan>(`${API}/plans/${encodeURIComponent(id)}`);
  }

  createPlan(request: CreatePlanRequest): Observable<IncentivePlan> {
    return this.http.post<IncentivePlan>(`${API}/plans`, request);
  }

  createVersion(planId: string, request: CreatePlanVersionRequest): Observable<PlanVersion> {
    return this.http.post<PlanVersion>(`${API}/plans/${encodeURIComponent(planId)}/versions`, request);
  }

  /** Every metric a component may read (each can have targets, the computed ones included). */
  metrics(): Observable<MetricDefinition[]> {
    return this.http.get<MetricDefinition[]>(`${API}/metrics`);
  }

  version(id: string): Observable<TaggedVersion> {
    return this.http.get<PlanVersion>(versionUrl(id), { observe: 'response' }).pipe(map(tagged));
  }

  update(id: string, etag: string, request: UpdatePlanVersionRequest): Observable<TaggedVersion> {
    return this.http
      .patch<PlanVersion>(versionUrl(id), request, { observe: 'response', headers: ifMatch(etag) })
      .pipe(map(tagged));
  }

  replaceParticipants(
    id: string,
    etag: string,
    request: ReplaceParticipantsRequest,
  ): Observable<TaggedVersion> {
    return this.http
      .put<PlanVersion>(`${versionUrl(id)}/participants`, request, {
        observe: 'response',
        headers: ifMatch(etag),
      })
      .pipe(map(tagged));
  }

  /** Uploads a participants CSV (all or nothing), reporting progress; the answer carries the file's name. */
  importParticipants(id: string, etag: string, file: File): Observable<HttpEvent<ParticipantImportResult>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http
      .post<PlanVersion>(`${versionUrl(id)}/participants/imports`, body, {
        headers: ifMatch(etag),
        reportProgress: true,
        observe: 'events',
      })
      .pipe(
        map((event): HttpEvent<ParticipantImportResult> => {
          if (event.type !== HttpEventType.Response) return event;
          const { version, etag: next } = tagged(event);
          return event.clone({ body: { fileName: file.name, version, etag: next } });
        }),
      );
  }

  remove(id: string, etag: string): Observable<void> {
    return this.http.delete<void>(versionUrl(id), { headers: ifMatch(etag) });
  }

  /** Submit, approve, reject (with the reason) or publish; answers the version in its new state. */
  act(id: string, etag: string, action: VersionAction, reason?: string): Observable<TaggedVersion> {
    const body = action === 'reject' ? { reason: reason ?? '' } : null;
    return this.http
      .post<PlanVersion>(`${versionUrl(id)}/${action}`, body, { observe: 'response', headers: ifMatch(etag) })
      .pipe(map(tagged));
  }

  /** The changes from `against` (by default the version it was based on, else the latest published one). */
  diff(id: string, against: string | null): Observable<PlanVersionDiff> {
    const params = against ? new HttpParams().set('against', against) : undefined;
    return this.http.get<PlanVersionDiff>(`${versionUrl(id)}/diff`, { params });
  }

  previewFacts(id: string, period: string, participant: string): Observable<ParticipantFacts> {
    const params = new HttpParams().set('period', period).set('participant', participant);
    return this.http.get<ParticipantFacts>(`${versionUrl(id)}/preview-facts`, { params });
  }

  whatIf(id: string, period: string): Observable<WhatIfResult> {
    const params = new HttpParams().set('period', period);
    return this.http.post<WhatIfResult>(`${versionUrl(id)}/what-if`, null, { params });
  }

  forecast(fiscalYear: number): Observable<IncentiveForecast> {
    const params = new HttpParams().set('fiscalYear', String(fiscalYear));
    return this.http.get<IncentiveForecast>(`${API}/incentives/forecast`, { params });
  }
}
