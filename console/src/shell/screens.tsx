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
  '/elections': lazy(() => import('../elections/Elections')),
  '/company': lazy(() => import('../company/Compare')),
  '/company/admin': lazy(() => import('../company/Admin')),
};
