import { CanDeactivateFn, Routes } from '@angular/router';

/** Asks before leaving a plan version with unsaved edits (the page itself stays lazily loaded). */
const leaveUnsavedVersion: CanDeactivateFn<{ canLeave(): boolean }> = (page) =>
  page.canLeave() || window.confirm('This version has unsaved changes. Leave and lose them?');

/** The executive's own page: projection, what it takes, statements, acknowledgement, inquiries. */
export const MY_INCENTIVE_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'My incentive · Lodestar',
    loadComponent: () => import('./my-incentive-page.component').then((m) => m.MyIncentivePageComponent),
  },
];

/** HR's plans: the list, and a version's editor with participants, what-if and approval. */
export const PLANS_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Incentive plans · Lodestar',
    loadComponent: () => import('./plans-page.component').then((m) => m.PlansPageComponent),
  },
  {
    path: 'versions/:versionId',
    title: 'Plan version · Lodestar',
    canDeactivate: [leaveUnsavedVersion],
    loadComponent: () => import('./plan-version-page.component').then((m) => m.PlanVersionPageComponent),
  },
];

/** HR's statements: period close, review and release, exports, payroll, inquiries, overrides, forecast. */
export const PAY_STATEMENTS_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Statements · Lodestar',
    loadComponent: () => import('./pay-statements-page.component').then((m) => m.PayStatementsPageComponent),
  },
];
