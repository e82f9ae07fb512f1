import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AuditEntry, AuditVerification, Page } from '@lodestar/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1/audit';

export interface AuditFilter {
  entityType: string;
  entityId: string;
  actor: string;
  /** A calendar day, YYYY-MM-DD, in the reader's time zone; empty for no bound. */
  from: string;
  to: string;
}

export const NO_AUDIT_FILTER: AuditFilter = { entityType: '', entityId: '', actor: '', from: '', to: '' };

/** The start of a local calendar day as an instant, e.g. "2026-03-05" → "2026-03-04T23:00:00.000Z" in Berlin. */
export function startOfLocalDay(day: string, addDays = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Query parameters for the API: "to" includes the whole chosen day, so it is sent as the next day's start. */
export function auditParams(filter: AuditFilter, page: number, pageSize: number): HttpParams {
  let params = new HttpParams().set('page', page).set('pageSize', pageSize);
  const text: (keyof AuditFilter)[] = ['entityType', 'entityId', 'actor'];
  for (const key of text) {
    const value = filter[key].trim();
    if (value) params = params.set(key, value);
  }
  const from = filter.from ? startOfLocalDay(filter.from) : null;
  const to = filter.to ? startOfLocalDay(filter.to, 1) : null;
  if (from) params = params.set('from', from);
  if (to) params = params.set('to', to);
  return params;
}

@Injectable({ providedIn: 'root' })
export class AuditService {
  private readonly http = inject(HttpClient);

  list(filter: AuditFilter, page: number, pageSize: number): Observable<Page<AuditEntry>> {
    return this.http.get<Page<AuditEntry>>(API, { params: auditParams(filter, page, pageSize) });
  }

  verify(): Observable<AuditVerification> {
    return this.http.get<AuditVerification>(`${API}/verify`);
  }
}
