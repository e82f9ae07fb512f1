import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CxInvestment,
  CxInvestmentBudget,
  CxInvestmentDecision,
  CxInvestmentInput,
  CxInvestmentSettings,
  CxInvestmentStatus,
  Page,
} from '@lodestar/contracts';
import { Observable } from 'rxjs';

export const INVESTMENTS_API = '/api/v1/cx-investments';

/** What the list of CX investments is narrowed to; absent fields mean "all". */
export interface InvestmentQuery {
  orgUnit?: string | null;
  period?: string | null;
  status?: CxInvestmentStatus | null;
  page?: number;
  pageSize?: number;
}

/** A unit's own cap for a fiscal quarter, or `null` to use the default cap again. */
export interface InvestmentCapChange {
  orgUnit: string;
  quarter: string;
  cap: string | null;
}

@Injectable({ providedIn: 'root' })
export class InvestmentsService {
  private readonly http = inject(HttpClient);

  list(query: InvestmentQuery): Observable<Page<CxInvestment>> {
    let params = new HttpParams();
    if (query.orgUnit) params = params.set('orgUnit', query.orgUnit);
    if (query.period) params = params.set('period', query.period);
    if (query.status) params = params.set('status', query.status);
    params = params.set('page', String(query.page ?? 1)).set('pageSize', String(query.pageSize ?? 10));
    return this.http.get<Page<CxInvestment>>(INVESTMENTS_API, { params });
  }

  propose(input: CxInvestmentInput): Observable<CxInvestment> {
    return this.http.post<CxInvestment>(INVESTMENTS_API, input);
  }

  decide(id: string, decision: CxInvestmentDecision): Observable<CxInvestment> {
    return this.http.post<CxInvestment>(`${INVESTMENTS_API}/${encodeURIComponent(id)}/decision`, decision);
  }

  withdraw(id: string): Observable<CxInvestment> {
    return this.http.post<CxInvestment>(`${INVESTMENTS_API}/${encodeURIComponent(id)}/withdraw`, null);
  }

  budget(orgUnit: string, quarter: string): Observable<CxInvestmentBudget> {
    const params = new HttpParams().set('orgUnit', orgUnit).set('quarter', quarter);
    return this.http.get<CxInvestmentBudget>(`${INVESTMENTS_API}/budget`, { params });
  }

  setCap(change: InvestmentCapChange): Observable<CxInvestmentBudget> {
    return this.http.put<CxInvestmentBudget>(`${INVESTMENTS_API}/budget`, change);
  }

  settings(): Observable<CxInvestmentSettings> {
    return this.http.get<CxInvestmentSettings>(`${INVESTMENTS_API}/settings`);
  }

  saveSettings(settings: CxInvestmentSettings): Observable<CxInvestmentSettings> {
    return this.http.put<CxInvestmentSettings>(`${INVESTMENTS_API}/settings`, settings);
  }
}
