import type { Module } from '../module.js';
import { deskRoutes } from './routes.js';

/** Staff sign in at a desk computer's browser by scanning its mini-program code with WeChat. */
export const deskModule: Module = { name: 'desk', routes: deskRoutes };
