import { HttpBackend, HttpXhrBackend, provideHttpClient, withInterceptors } from '@angular/common/http';
import { Routes } from '@angular/router';
import { sessionInterceptor } from '../auth/session.interceptor';
import { TargetsService } from './targets.service';

export const TARGETS_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Targets · Lodestar',
    providers: [
      // The CSV upload reports its progress, which fetch() cannot do: this page's requests use XMLHttpRequest.
      provideHttpClient(withInterceptors([sessionInterceptor])),
      { provide: HttpBackend, useExisting: HttpXhrBackend },
      TargetsService,
    ],
    loadComponent: () => import('./targets-page.component').then((m) => m.TargetsPageComponent),
  },
];
