import type { Module } from '../module.js';
import { meRoutes } from './routes.js';

export const meModule: Module = { name: 'me', routes: meRoutes };
