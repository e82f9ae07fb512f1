import { HttpBackend, HttpXhrBackend, provideHttpClient, withInterceptors } from '@angular/common/http';
import { Routes } from '@angular/router';
import { pageGuard } from '../auth/auth.guards';
import { sessionInterceptor } from '../auth/session.interceptor';
import { VocImportService } from './voc-import.service';

export const VOC_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Voice of the customer · Lodestar',
    loadComponent: () => import('./voc-explorer-page.component').then((m) => m.VocExplorerPageComponent),
  },
  {
    path: 'import',
    title: 'VoC import · Lodestar',
    canActivate: [pageGuard('voc-import')],
    providers: [
      // The upload reports its progress, which fetch() cannot do: this page's requests use XMLHttpRequest.
      provideHttpClient(withInterceptors([sessionInterceptor])),
      { provide: HttpBackend, useExisting: HttpXhrBackend },
      VocImportService,
    ],
    loadComponent: () => import('./voc-import-page.component').then((m) => m.VocImportPageComponent),
  },
];
