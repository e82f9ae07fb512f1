import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AnswerInquiryRequest,
  Inquiry,
  InquiryStatus,
  Page,
  PayOverride,
  PayOverrideInput,
  Statement,
  StatementPeriod,
  StatementSummary,
} from '@lodestar/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1';

/** What `POST /statements/recompute` reports: how many statements it computed, and how long it took. */
export interface RecomputeResult {
  period: string;
  statements: number;
  milliseconds: number;
}

/** An approver's decision on a pay override; a rejection says why. */
export interface PayOverrideDecision {
  approve: boolean;
  reason?: string | null;
}

export type StatementExportFormat = 'csv' | 'xlsx';

/** HR's statements: quarters and their close and release, statements, exports, inquiries and pay overrides. */
@Injectable({ providedIn: 'root' })
export class PayStatementsService {
  private readonly http = inject(HttpClient);

  periods(fiscalYear: number): Observable<StatementPeriod[]> {
    const params = new HttpParams().set('fiscalYear', String(fiscalYear));
    return this.http.get<StatementPeriod[]>(`${API}/statement-periods`, { params });
  }

  recompute(period: string): Observable<RecomputeResult> {
    const params = new HttpParams().set('period', period);
    return this.http.post<RecomputeResult>(`${API}/statements/recompute`, null, { params });
  }

  close(period: string): Observable<StatementPeriod> {
    return this.http.post<StatementPeriod>(
      `${API}/statement-periods/${encodeURIComponent(period)}/close`,
      null,
    );
  }

  release(period: string): Observable<StatementPeriod> {
    return this.http.post<StatementPeriod>(
      `${API}/statement-periods/${encodeURIComponent(period)}/release`,
      null,
    );
  }

  statements(period: string, page: number, pageSize: number): Observable<Page<StatementSummary>> {
    const params = new HttpParams()
      .set('period', period)
      .set('page', String(page))
      .set('pageSize', String(pageSize));
    return this.http.get<Page<StatementSummary>>(`${API}/statements`, { params });
  }

  statement(id: string): Observable<Statement> {
    return this.http.get<Statement>(`${API}/statements/${encodeURIComponent(id)}`);
  }

  /** A link that downloads the quarter's statements as CSV or Excel (the session cookie signs it). */
  exportUrl(period: string, format: StatementExportFormat): string {
    return `${API}/statements/export?${new URLSearchParams({ period, format })}`;
  }

  /** A link that downloads the payroll CSV of a released quarter (the session cookie signs it). */
  payrollUrl(period: string): string {
    return `${API}/statements/payroll?${new URLSearchParams({ period })}`;
  }

  inquiries(status: InquiryStatus, page: number, pageSize: number): Observable<Page<Inquiry>> {
    const params = new HttpParams()
      .set('status', status)
      .set('page', String(page))
      .set('pageSize', String(pageSize));
    return this.http.get<Page<Inquiry>>(`${API}/inquiries`, { params });
  }

  answerInquiry(id: string, answer: AnswerInquiryRequest): Observable<Inquiry> {
    return this.http.post<Inquiry>(`${API}/inquiries/${encodeURIComponent(id)}/answer`, answer);
  }

  /** Pay overrides, newest first. */
  overrides(page: number, pageSize: number): Observable<Page<PayOverride>> {
    const params = new HttpParams().set('page', String(page)).set('pageSize', String(pageSize));
    return this.http.get<Page<PayOverride>>(`${API}/pay-overrides`, { params });
  }

  enterOverride(input: PayOverrideInput): Observable<PayOverride> {
    return this.http.post<PayOverride>(`${API}/pay-overrides`, input);
  }

  decideOverride(id: string, decision: PayOverrideDecision): Observable<PayOverride> {
    return this.http.post<PayOverride>(`${API}/pay-overrides/${encodeURIComponent(id)}/decision`, decision);
  }
}
