import type { Module } from '../module.js';
import { statsRoutes } from './routes.js';

/** The statistics a manager is judged by, per community and month, and across the company (#31). */
export const statsModule: Module = { name: 'stats', routes: statsRoutes };
