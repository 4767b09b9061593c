import type { Module } from '../module.js';
import { purgeUnclaimedUploads } from './purge-unclaimed.js';
import { UPLOAD_PATH, uploadRoutes } from './routes.js';

export const uploadsModule: Module = {
  name: 'uploads',
  routes: uploadRoutes,
  multipartPaths: [UPLOAD_PATH],
  jobs: [purgeUnclaimedUploads],
  schedules: [{ job: purgeUnclaimedUploads, cron: '17 * * * *' }],
};
