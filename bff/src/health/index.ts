import type { Module } from '../module.js';
import { healthRoutes } from './routes.js';

export const healthModule: Module = { name: 'health', routes: healthRoutes };
