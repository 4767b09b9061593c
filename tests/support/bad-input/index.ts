import type { BadInputCases } from './types.js';
import { healthCases } from './health.js';
import { authCases } from './auth.js';
import { meCases } from './me.js';
import { unitsCases } from './units.js';
import { privacyCases } from './privacy.js';
import { jobsCases } from './jobs.js';
import { uploadsCases } from './uploads.js';
import { noticesCases } from './notices.js';
import { pushCases } from './push.js';
import { repairsCases } from './repairs.js';
import { complaintsCases } from './complaints.js';
import { voiceDeskCases } from './voice-desk.js';
import { calendarCases } from './calendar.js';
import { moderationCases } from './moderation.js';
import { snapshotsCases } from './snapshots.js';
import { feesCases } from './fees.js';
import { payCases } from './pay.js';
import { deskCases } from './desk.js';
import { electionsCases } from './elections.js';
import { importCases } from './import.js';
import { companyCases } from './company.js';
import { rolesCases } from './roles.js';
import { statsCases } from './stats.js';
import { onBehalfCases } from './on-behalf.js';
import { committeeCases } from './committee.js';
import { masterCases } from './master.js';

export type { BadInputCase } from './types.js';

/** Every module contributes its file here, next to its line in bff/src/modules.ts. */
export const allBadInput: BadInputCases[] = [
  healthCases,
  authCases,
  meCases,
  unitsCases,
  privacyCases,
  jobsCases,
  uploadsCases,
  noticesCases,
  pushCases,
  calendarCases,
  moderationCases,
  repairsCases,
  complaintsCases,
  voiceDeskCases,
  snapshotsCases,
  feesCases,
  payCases,
  deskCases,
  electionsCases,
  importCases,
  companyCases,
  rolesCases,
  statsCases,
  onBehalfCases,
  committeeCases,
  masterCases,
];
