import type { ActionPlanStatus } from '@lodestar/contracts';

export type { ActionPlanStatus };

/** An action plan is open, then in progress, then done (it may also go back when a fix does not hold). */
export const ACTION_PLAN_STATUSES: readonly ActionPlanStatus[] = ['open', 'in_progress', 'done'];
