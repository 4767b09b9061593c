import type { Module } from '../module.js';
import { moderationRoutes } from './routes.js';
import { expireMediaChecks, sendMediaCheck } from './media-check.js';

/**
 * Content safety (docs/wechat.md §7): text screened by msg_sec_check where it is written (screen-text.ts),
 * photos for other residents by media_check_async with verdicts at the message URL, and the staff
 * moderation queue for everything WeChat would not pass outright.
 */
export const moderationModule: Module = {
  name: 'moderation',
  routes: moderationRoutes,
  jobs: [sendMediaCheck, expireMediaChecks],
  schedules: [{ job: expireMediaChecks, cron: '*/5 * * * *' }],
};
