import type { Module } from '../module.js';
import {
  queryOrderJob,
  queryRefundJob,
  settleJob,
  submitRefundJob,
  sweepExpiredOrdersJob,
  sweepUnsettledJob,
} from './jobs.js';
import { NOTIFY_PATHS, payNotifyRoutes, payRoutes } from './routes.js';

/** WeChat Pay (JSAPI): orders for bills, notifications, queries on WeChat's schedule, closing, refunds. */
export const payModule: Module = {
  name: 'pay',
  routes: payRoutes,
  jobs: [queryOrderJob, submitRefundJob, queryRefundJob, settleJob, sweepExpiredOrdersJob, sweepUnsettledJob],
  schedules: [
    { job: sweepExpiredOrdersJob, cron: '*/5 * * * *' },
    { job: sweepUnsettledJob, cron: '* * * * *' },
  ],
  rawBodyPaths: NOTIFY_PATHS,
};

/** The notification endpoints, a module of their own: they must not sit behind the session check. */
export const payNotifyModule: Module = { name: 'pay-notify', routes: payNotifyRoutes };
