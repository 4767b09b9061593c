import { lazy, type ComponentType } from 'react';
import type { Me } from '../../../bff/src/api-types';
import type { Route } from '../route';
import { Counter } from '../counter/Counter';
import type { ScreenPath } from './nav';

export type ScreenProps = { communityId: string; route: Route; me: Me };

/**
 * Each screen of `nav.ts` and what draws it (one line a screen). Screens other than the counter load when
 * first opened, so the counter's first load stays small (docs/console.md §Decision).
 */
export const SCREEN_COMPONENTS: Record<ScreenPath, ComponentType<ScreenProps>> = {
  '/counter': Counter,
  '/arrears': lazy(() => import('../arrears/Arrears')),
  '/unit-bills': lazy(() => import('../cashier-bills/UnitHistory')),
  '/refunds': lazy(() => import('../cashier-refunds/Refunds')),
  '/reconcile': lazy(() => import('../cashier-reconcile/Reconcile')),
  '/takings': lazy(() => import('../cashier-reports/Takings')),
  '/collection': lazy(() => import('../cashier-reports/Collection')),
  '/billing': lazy(() => import('../cashier-billing/BillingRuns')),
  '/fee-items': lazy(() => import('../fee-items/FeeItems')),
  '/repairs': lazy(() => import('../repairs/Repairs')),
  '/repair-board': lazy(() => import('../repairs/Board')),
  '/overdue': lazy(() => import('../repairs/Overdue')),
  '/snapshots': lazy(() => import('../snapshots/Snapshots')),
  '/stats': lazy(() => import('../stats/Stats')),
  '/moderation': lazy(() => import('../moderation/Moderation')),
  '/notices': lazy(() => import('../notices/Notices')),
  '/notice-edit': lazy(() => import('../notices/NoticeEdit')),
  '/bind-requests': lazy(() => import('../binds/BindRequests')),
  '/void-requests': lazy(() => import('../void-requests/VoidRequests')),
  '/repair-sla': lazy(() => import('../settings/Sla')),
  '/work-calendar': lazy(() => import('../settings/Calendar')),
  '/technicians': lazy(() => import('../settings/Technicians')),
  '/complaints': lazy(() => import('../voice/Complaints')),
  '/return-visits': lazy(() => import('../voice/ReturnVisits')),
  '/surveys': lazy(() => import('../voice/Surveys')),
  '/elections': lazy(() => import('../elections/Elections')),
  '/committee-surveys': lazy(() => import('../voice/CommitteeSurveys')),
  '/company': lazy(() => import('../company/Compare')),
  '/company/admin': lazy(() => import('../company/import/Import')),
  '/master': lazy(() => import('../master/Master')),
  '/transfers': lazy(() => import('../transfers/Transfers')),
  '/people': lazy(() => import('../roles/People')),
  '/audit': lazy(() => import('../roles/Audit')),
  '/committee': lazy(() => import('../committee/Committee')),
};
