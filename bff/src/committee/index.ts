import type { Deps } from '../deps.js';
import type { Module } from '../module.js';
import { AppError } from '../errors.js';
import { viewerAt } from './access.js';
import { committeeRoutes } from './routes.js';
import { committeeSweep } from './sweep.js';

/** A filing receipt: the people who see the committee screen of its community (company admins, its manager). */
async function maySeeReceipt(deps: Deps, userId: string, termId: string): Promise<boolean> {
  const term = await deps.db.committeeTerm.findUnique({ where: { id: termId }, select: { communityId: true } });
  if (!term) return false;
  try {
    await viewerAt(deps, userId, term.communityId);
    return true;
  } catch (err) {
    if (err instanceof AppError) return false;
    throw err;
  }
}

/** The committee (业委会): its terms, members and offices, entered with the filing evidence (issue 27). */
export const committeeModule: Module = {
  name: 'committee',
  routes: committeeRoutes,
  jobs: [committeeSweep],
  schedules: [{ job: committeeSweep, cron: '23 * * * *' }],
  uploadAccess: { committeeTerm: maySeeReceipt },
};
