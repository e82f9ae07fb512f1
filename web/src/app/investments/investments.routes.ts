import { Routes } from '@angular/router';
import { InvestmentsService } from './investments.service';

export const INVESTMENTS_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'CX investments · Lodestar',
    providers: [InvestmentsService],
    loadComponent: () => import('./investments-page.component').then((m) => m.InvestmentsPageComponent),
  },
];
