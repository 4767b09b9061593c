import type { Module } from '../module.js';
import { feeRoutes } from './routes.js';

/** Fee standards, bill generation by period and the residents' bills (docs/domain.md §4). */
export const feesModule: Module = { name: 'fees', routes: feeRoutes };
