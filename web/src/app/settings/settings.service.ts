import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { FiscalCalendar } from '@lodestar/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1/settings/fiscal-calendar';

@Injectable({ providedIn: 'root' })
export class SettingsService {
  private readonly http = inject(HttpClient);

  fiscalCalendar(): Observable<FiscalCalendar> {
    return this.http.get<FiscalCalendar>(API);
  }

  saveFiscalCalendar(calendar: FiscalCalendar): Observable<FiscalCalendar> {
    return this.http.put<FiscalCalendar>(API, calendar);
  }
}
