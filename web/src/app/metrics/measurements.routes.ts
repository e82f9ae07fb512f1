import { HttpBackend, HttpXhrBackend, provideHttpClient, withInterceptors } from '@angular/common/http';
import { Routes } from '@angular/router';
import { sessionInterceptor } from '../auth/session.interceptor';
import { MeasurementsService } from './measurements.service';

export const MEASUREMENTS_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Measurements · Lodestar',
    providers: [
      // The CSV upload reports its progress, which fetch() cannot do: this page's requests use XMLHttpRequest.
      provideHttpClient(withInterceptors([sessionInterceptor])),
      { provide: HttpBackend, useExisting: HttpXhrBackend },
      MeasurementsService,
    ],
    loadComponent: () => import('./measurements-page.component').then((m) => m.MeasurementsPageComponent),
  },
];
