import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateUserRequest,
  Page,
  TemporaryPasswordResponse,
  UpdateUserRequest,
  User,
} from '@lodestar/contracts';
import { map, Observable } from 'rxjs';

const API = '/api/v1/users';

export interface UserQuery {
  search: string;
  /** 1-based, as the API counts. */
  page: number;
  pageSize: number;
}

@Injectable({ providedIn: 'root' })
export class UsersService {
  private readonly http = inject(HttpClient);

  list(query: UserQuery): Observable<Page<User>> {
    let params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
    const search = query.search.trim();
    if (search) params = params.set('search', search);
    return this.http.get<Page<User>>(API, { params });
  }

  /** Active people whose name or e-mail contains the text, for pickers. */
  find(search: string, limit = 20): Observable<User[]> {
    return this.list({ search, page: 1, pageSize: limit }).pipe(
      map((page) => page.items.filter((user) => user.active)),
    );
  }

  create(request: CreateUserRequest): Observable<TemporaryPasswordResponse> {
    return this.http.post<TemporaryPasswordResponse>(API, request);
  }

  update(id: string, request: UpdateUserRequest): Observable<User> {
    return this.http.patch<User>(`${API}/${encodeURIComponent(id)}`, request);
  }

  resetPassword(id: string): Observable<TemporaryPasswordResponse> {
    return this.http.post<TemporaryPasswordResponse>(`${API}/${encodeURIComponent(id)}/password-reset`, null);
  }
}
