import type { Module } from '../module.js';
import { surveyRoutes } from './routes.js';

/** 满意度调查 / 意见征询 (docs/domain.md §8, surveys): one answer per unit, results and coverage live. */
export const surveysModule: Module = { name: 'surveys', routes: surveyRoutes };
