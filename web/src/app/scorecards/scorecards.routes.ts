import { Routes } from '@angular/router';

export const SCORECARD_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Company scorecard · Lodestar',
    loadComponent: () =>
      import('./company-scorecard-page.component').then((m) => m.CompanyScorecardPageComponent),
  },
  {
    path: ':key',
    title: 'Scorecard · Lodestar',
    loadComponent: () =>
      import('./function-scorecard-page.component').then((m) => m.FunctionScorecardPageComponent),
  },
];
