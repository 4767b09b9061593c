import type { Module } from '../module.js';
import { returnVisitRoutes } from './routes.js';

/**
 * 回访 (docs/domain.md §8): a task for the office after every resolved repair, done by phone or by the
 * resident's own rating in the app, whichever comes first; the monthly return-visit rate.
 */
export const returnVisitsModule: Module = { name: 'return-visits', routes: returnVisitRoutes };
