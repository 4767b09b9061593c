import type { Module } from '../module.js';
import { rolesRoutes } from './routes.js';

/** People and roles of a company and its communities, and the company's audit log (issue 27, docs/roles.md). */
export const rolesModule: Module = { name: 'roles', routes: rolesRoutes };
