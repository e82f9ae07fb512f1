import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateOrgUnitRequest, OrgUnit, OrgUnitNode, UpdateOrgUnitRequest } from '@lodestar/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1/org-units';

@Injectable({ providedIn: 'root' })
export class OrgUnitsService {
  private readonly http = inject(HttpClient);

  tree(): Observable<OrgUnitNode[]> {
    return this.http.get<OrgUnitNode[]>(API);
  }

  create(request: CreateOrgUnitRequest): Observable<OrgUnit> {
    return this.http.post<OrgUnit>(API, request);
  }

  update(key: string, request: UpdateOrgUnitRequest): Observable<OrgUnit> {
    return this.http.patch<OrgUnit>(`${API}/${encodeURIComponent(key)}`, request);
  }
}
