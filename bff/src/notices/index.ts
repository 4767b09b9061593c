import type { Deps } from '../deps.js';
import type { Module } from '../module.js';
import { noticeRoutes } from './routes.js';
import { mayResidentSeeNotice } from './resident-notices.js';
import { findStaffNotice } from './targets.js';

/** Who may see a notice's images and attachments: its residents while published, its office always. */
async function maySeeNotice(deps: Deps, userId: string, noticeId: string): Promise<boolean> {
  if (await mayResidentSeeNotice(deps, userId, noticeId)) return true;
  return findStaffNotice(deps, userId, noticeId, 'read').then(
    () => true,
    () => false,
  );
}

export const noticesModule: Module = { name: 'notices', routes: noticeRoutes, uploadAccess: { notice: maySeeNotice } };
