import { Routes } from '@angular/router';

export const ORG_ROUTES: Routes = [
  {
    path: '',
    title: 'Organisation · Lodestar',
    loadComponent: () => import('./org-page.component').then((m) => m.OrgPageComponent),
  },
];
