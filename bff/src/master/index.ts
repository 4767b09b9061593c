import type { Module } from '../module.js';
import { masterRoutes } from './routes.js';

/** Communities, buildings, units and parking edited at the desk, retired rather than deleted (issue 27, docs/master-data.md). */
export const masterModule: Module = { name: 'master', routes: masterRoutes };
