import type { Module } from '../module.js';
import { authRoutes } from './routes.js';

export const authModule: Module = { name: 'auth', routes: authRoutes };
