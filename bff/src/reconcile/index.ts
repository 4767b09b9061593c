import { z } from 'zod';
import type { Module } from '../module.js';
import { defineJob } from '../jobs/define.js';
import { reconcileRoutes } from './routes.js';
import { reconcileDay } from './run-day.js';
import { addDays, beijingDay } from '../beijing.js';

/** Yesterday in Beijing. */
const yesterday = (now: Date) => addDays(beijingDay(now), -1);

/** Every morning after WeChat's bill is ready (10:00), the previous day; retried while it is not. */
export const reconcileJob = defineJob({
  name: 'reconcile.day',
  schema: z.object({
    day: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  }),
  retry: { limit: 6, delaySeconds: 600, backoff: false },
  handler: async (deps, { day }) => {
    if (!deps.wechat.pay) return;
    const run = await reconcileDay(deps, day ?? yesterday(deps.clock.now()));
    deps.logger.info(
      { day: run.day, matched: run.matchedCount, differences: run.differenceCount },
      'reconciliation done',
    );
  },
});

/** Daily reconciliation against WeChat Pay's trade bill (对账). */
export const reconcileModule: Module = {
  name: 'reconcile',
  routes: reconcileRoutes,
  jobs: [reconcileJob],
  schedules: [{ job: reconcileJob, cron: '30 10 * * *' }],
};
