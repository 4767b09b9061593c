import type { Module } from './module.js';
import { healthModule } from './health/index.js';
import { authModule } from './auth/index.js';
import { meModule } from './me/index.js';
import { unitsModule } from './units/index.js';
import { privacyModule } from './privacy/index.js';
import { jobsModule } from './jobs/index.js';
import { uploadsModule } from './uploads/index.js';
import { noticesModule } from './notices/index.js';
import { pushModule } from './push/index.js';
import { repairsModule } from './repairs/index.js';
import { complaintsModule } from './complaints/index.js';
import { returnVisitsModule } from './return-visits/index.js';
import { surveysModule } from './surveys/index.js';
import { calendarModule } from './calendar/index.js';
import { moderationModule } from './moderation/index.js';
import { snapshotsModule } from './snapshots/index.js';
import { feesModule } from './fees/index.js';
import { payModule, payNotifyModule } from './pay/index.js';
import { reconcileModule } from './reconcile/index.js';
import { deskModule } from './desk/index.js';
import { electionsModule } from './elections/index.js';
import { invitationsModule } from './invitations/index.js';
import { importModule } from './import/index.js';
import { companyModule } from './company/index.js';
import { rolesModule } from './roles/index.js';
import { statsModule } from './stats/index.js';
import { committeeModule } from './committee/index.js';
import { masterModule } from './master/index.js';

/** Every domain of the BFF. app.ts mounts their routes; worker.ts runs their jobs and schedules. */
export const modules: Module[] = [
  healthModule,
  authModule,
  meModule,
  unitsModule,
  privacyModule,
  jobsModule,
  uploadsModule,
  noticesModule,
  pushModule,
  calendarModule,
  moderationModule,
  repairsModule,
  complaintsModule,
  returnVisitsModule,
  surveysModule,
  snapshotsModule,
  feesModule,
  payModule,
  payNotifyModule,
  reconcileModule,
  deskModule,
  electionsModule,
  invitationsModule,
  importModule,
  companyModule,
  rolesModule,
  statsModule,
  committeeModule,
  masterModule,
];
