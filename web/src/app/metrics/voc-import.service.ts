import { HttpClient, HttpEvent } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { VocImport } from '@lodestar/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1/voc/imports';

/**
 * Uploads survey exports and follows their imports. Provided on the import route together with an
 * XMLHttpRequest-based HttpClient: fetch() cannot report how much of an upload has been sent.
 */
@Injectable()
export class VocImportService {
  private readonly http = inject(HttpClient);

  /** Sends the file as the multipart field `file`, with upload progress events; answers `{ id }` (202). */
  upload(file: File): Observable<HttpEvent<{ id: string }>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<{ id: string }>(API, body, { reportProgress: true, observe: 'events' });
  }

  get(id: string): Observable<VocImport> {
    return this.http.get<VocImport>(`${API}/${encodeURIComponent(id)}`);
  }

  recent(): Observable<VocImport[]> {
    return this.http.get<VocImport[]>(API);
  }
}
