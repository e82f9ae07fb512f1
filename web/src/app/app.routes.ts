import { Routes } from '@angular/router';
import { homeGuard, pageGuard, passwordChangeGuard, signedInGuard, signedOutGuard } from './auth/auth.guards';

export const routes: Routes = [
  {
    path: 'sign-in',
    title: 'Sign in · Lodestar',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./auth/sign-in-page.component').then((m) => m.SignInPageComponent),
  },
  {
    path: 'change-password',
    title: 'Change password · Lodestar',
    canActivate: [passwordChangeGuard],
    loadComponent: () =>
      import('./auth/change-password-page.component').then((m) => m.ChangePasswordPageComponent),
  },
  {
    path: '',
    canActivate: [signedInGuard],
    canActivateChild: [signedInGuard],
    loadComponent: () => import('./shell/shell.component').then((m) => m.ShellComponent),
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeGuard], children: [] },
      {
        path: 'scorecards',
        canActivate: [pageGuard('scorecards')],
        loadChildren: () => import('./scorecards/scorecards.routes').then((m) => m.SCORECARD_ROUTES),
      },
      {
        path: 'org',
        canActivate: [pageGuard('org')],
        loadChildren: () => import('./org/org.routes').then((m) => m.ORG_ROUTES),
      },
      {
        path: 'voc',
        canActivate: [pageGuard('voc')],
        loadChildren: () => import('./metrics/voc.routes').then((m) => m.VOC_ROUTES),
      },
      {
        path: 'measurements',
        canActivate: [pageGuard('measurements')],
        loadChildren: () => import('./metrics/measurements.routes').then((m) => m.MEASUREMENTS_ROUTES),
      },
      {
        path: 'targets',
        canActivate: [pageGuard('targets')],
        loadChildren: () => import('./targets/targets.routes').then((m) => m.TARGETS_ROUTES),
      },
      {
        path: 'investments',
        canActivate: [pageGuard('investments')],
        loadChildren: () => import('./investments/investments.routes').then((m) => m.INVESTMENTS_ROUTES),
      },
      {
        path: 'my-incentive',
        canActivate: [pageGuard('my-incentive')],
        loadChildren: () => import('./incentives/incentives.routes').then((m) => m.MY_INCENTIVE_ROUTES),
      },
      {
        path: 'plans',
        canActivate: [pageGuard('plans')],
        loadChildren: () => import('./incentives/incentives.routes').then((m) => m.PLANS_ROUTES),
      },
      {
        path: 'pay-statements',
        canActivate: [pageGuard('pay-statements')],
        loadChildren: () => import('./incentives/incentives.routes').then((m) => m.PAY_STATEMENTS_ROUTES),
      },
      {
        path: 'users',
        canActivate: [pageGuard('users')],
        loadChildren: () => import('./users/users.routes').then((m) => m.USERS_ROUTES),
      },
      {
        path: 'audit',
        canActivate: [pageGuard('audit')],
        loadChildren: () => import('./audit/audit.routes').then((m) => m.AUDIT_ROUTES),
      },
      {
        path: 'settings',
        canActivate: [pageGuard('settings')],
        loadChildren: () => import('./settings/settings.routes').then((m) => m.SETTINGS_ROUTES),
      },
      {
        path: 'not-allowed',
        title: 'Not allowed · Lodestar',
        loadComponent: () => import('./shell/info-pages.component').then((m) => m.NotAllowedPageComponent),
      },
      {
        path: '**',
        title: 'Page not found · Lodestar',
        loadComponent: () => import('./shell/info-pages.component').then((m) => m.NotFoundPageComponent),
      },
    ],
  },
];
