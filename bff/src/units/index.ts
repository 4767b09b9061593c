import type { Module } from '../module.js';
import { unitRoutes } from './routes.js';

export const unitsModule: Module = { name: 'units', routes: unitRoutes };
