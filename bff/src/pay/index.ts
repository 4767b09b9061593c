import type { Module } from '../module.js';
import { queryAbnormalRefundsJob, queryRefundJob, submitRefundJob } from './refunds.js';
import { settleJob, sweepUnsettledJob } from './settle.js';
import { queryOrderJob, sweepExpiredOrdersJob } from './sync-order.js';
import { NOTIFY_PATHS, payNotifyRoutes, payRoutes } from './routes.js';

/**
 * WeChat Pay (JSAPI): orders for bills, notifications, queries on WeChat's schedule, closing, refunds.
 * Each job is defined beside what it runs (sync-order.ts, refunds.ts, settle.ts); this only lists them.
 */
export const payModule: Module = {
  name: 'pay',
  routes: payRoutes,
  jobs: [
    queryOrderJob,
    submitRefundJob,
    queryRefundJob,
    queryAbnormalRefundsJob,
    settleJob,
    sweepExpiredOrdersJob,
    sweepUnsettledJob,
  ],
  schedules: [
    { job: sweepExpiredOrdersJob, cron: '*/5 * * * *' },
    { job: sweepUnsettledJob, cron: '* * * * *' },
    // 09:00 Beijing, every day: ABNORMAL refunds the merchant has since handled (refunds.ts).
    { job: queryAbnormalRefundsJob, cron: '0 9 * * *' },
  ],
  rawBodyPaths: NOTIFY_PATHS,
};

/** The notification endpoints, a module of their own: they must not sit behind the session check. */
export const payNotifyModule: Module = { name: 'pay-notify', routes: payNotifyRoutes };
