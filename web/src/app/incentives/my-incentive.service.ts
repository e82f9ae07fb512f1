import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Inquiry, MyIncentive, RaiseInquiryRequest, Statement } from '@lodestar/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1';

/**
 * The signed-in person's own incentive: their plans, the open quarter's projection and their past
 * statements. Which statements a person may read is the API's decision alone; this asks only for
 * `me` and for statements the API listed there.
 */
@Injectable({ providedIn: 'root' })
export class MyIncentiveService {
  private readonly http = inject(HttpClient);

  me(): Observable<MyIncentive> {
    return this.http.get<MyIncentive>(`${API}/incentives/me`);
  }

  statement(id: string): Observable<Statement> {
    return this.http.get<Statement>(`${API}/statements/${encodeURIComponent(id)}`);
  }

  acknowledge(versionId: string): Observable<{ acknowledgedAt: string }> {
    return this.http.post<{ acknowledgedAt: string }>(
      `${API}/plan-versions/${encodeURIComponent(versionId)}/acknowledge`,
      null,
    );
  }

  raiseInquiry(statementId: string, request: RaiseInquiryRequest): Observable<Inquiry> {
    return this.http.post<Inquiry>(`${API}/statements/${encodeURIComponent(statementId)}/inquiries`, request);
  }
}
