import type { Module } from '../module.js';
import { repairRoutes } from './routes.js';
import { maySeeRepair } from './access.js';

/** 报修: filing, the state machine with its history, lists for residents, the office and technicians. */
export const repairsModule: Module = { name: 'repairs', routes: repairRoutes, uploadAccess: { repair: maySeeRepair } };
