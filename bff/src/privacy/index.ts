import type { Module } from '../module.js';
import { privacyRoutes } from './routes.js';

export const privacyModule: Module = { name: 'privacy', routes: privacyRoutes };
