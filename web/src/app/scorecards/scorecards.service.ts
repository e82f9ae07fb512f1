import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ActionPlan,
  ActionPlanStatus,
  CompanyScorecard,
  CxResult,
  MetricDefinition,
  ScorecardComment,
  UnitScorecard,
} from '@lodestar/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1';

export interface NewScorecardComment {
  period: string;
  /** The metric (cell) the comment is about; left out for the scorecard as a whole. */
  metric?: string;
  body: string;
}

export interface NewActionPlan {
  period: string;
  metric: string;
  title: string;
  ownerId: string;
  dueDate: string;
}

export interface ActionPlanChange {
  status?: ActionPlanStatus;
  dueDate?: string;
  ownerId?: string;
}

/** Company and unit scorecards, their comments and action plans, and the metric definitions they name. */
@Injectable({ providedIn: 'root' })
export class ScorecardsService {
  /** A link that downloads the company scorecard as CSV or Excel (the session cookie signs it). */
  exportUrl(period: string, format: 'csv' | 'xlsx'): string {
    return `${API}/scorecards/company/export?${new URLSearchParams({ period, format })}`;
  }

  private readonly http = inject(HttpClient);

  company(period: string): Observable<CompanyScorecard> {
    return this.http.get<CompanyScorecard>(`${API}/scorecards/company`, {
      params: new HttpParams().set('period', period),
    });
  }

  unit(key: string, period: string): Observable<UnitScorecard> {
    return this.http.get<UnitScorecard>(`${API}/scorecards/org-units/${encodeURIComponent(key)}`, {
      params: new HttpParams().set('period', period),
    });
  }

  metrics(): Observable<MetricDefinition[]> {
    return this.http.get<MetricDefinition[]>(`${API}/metrics`);
  }

  /** The NPS of a unit's subtree in a period, with its distribution of answers. */
  nps(orgUnit: string, period: string): Observable<CxResult> {
    const params = new HttpParams().set('orgUnit', orgUnit).set('period', period).set('metric', 'nps');
    return this.http.get<CxResult>(`${API}/cx/results`, { params });
  }

  addComment(key: string, comment: NewScorecardComment): Observable<ScorecardComment> {
    return this.http.post<ScorecardComment>(
      `${API}/scorecards/org-units/${encodeURIComponent(key)}/comments`,
      comment,
    );
  }

  addActionPlan(key: string, plan: NewActionPlan): Observable<ActionPlan> {
    return this.http.post<ActionPlan>(
      `${API}/scorecards/org-units/${encodeURIComponent(key)}/action-plans`,
      plan,
    );
  }

  updateActionPlan(id: string, change: ActionPlanChange): Observable<ActionPlan> {
    return this.http.patch<ActionPlan>(`${API}/scorecards/action-plans/${encodeURIComponent(id)}`, change);
  }
}
