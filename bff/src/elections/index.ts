import type { Module } from '../module.js';
import { electionRoutes } from './routes.js';

/** Owners' votes and committee elections (业委会选举), counted as the Civil Code says. */
export const electionsModule: Module = { name: 'elections', routes: electionRoutes };
