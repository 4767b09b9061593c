import type { Module } from '../module.js';
import { companyRoutes } from './routes.js';

/** What a property company's admin sees across its communities. */
export const companyModule: Module = { name: 'company', routes: companyRoutes };
