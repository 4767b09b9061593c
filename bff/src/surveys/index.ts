import type { Module } from '../module.js';
import { surveyRoutes } from './routes.js';
import { surveyPushSweep } from './pushes.js';

/**
 * 满意度调查 / 意见征询 (docs/domain.md §8, surveys): one answer per unit, results and coverage live; the
 * opening pushed once and one reminder a day before closing (swept every five minutes).
 */
export const surveysModule: Module = {
  name: 'surveys',
  routes: surveyRoutes,
  jobs: [surveyPushSweep],
  schedules: [{ job: surveyPushSweep, cron: '*/5 * * * *' }],
};
