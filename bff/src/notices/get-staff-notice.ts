import type { Deps } from '../deps.js';
import { maskName, maskPhone } from '../privacy/mask.js';
import { viewUpload } from '../uploads/view.js';
import { readStats } from './read-stats.js';
import { shapeStaffNotice } from './shape.js';
import { findStaffNotice } from './targets.js';

/** The notice in the editor: its text, attachments, earlier versions and read rate. */
export async function getStaffNotice(deps: Deps, staffId: string, id: string) {
  const notice = await findStaffNotice(deps, staffId, id, 'read');
  const [versions, uploads, stats] = await Promise.all([
    deps.db.noticeVersion.findMany({
      where: { noticeId: id },
      orderBy: { version: 'desc' },
      select: { version: true, title: true, bodyHtml: true, createdAt: true },
    }),
    deps.db.upload.findMany({ where: { claimKind: 'notice', claimId: id }, orderBy: { createdAt: 'asc' } }),
    readStats(deps, [notice]),
  ]);
  return {
    ...shapeStaffNotice(notice),
    attachments: await Promise.all(uploads.map((u) => viewUpload(deps, u))),
    versions,
    reads: stats.get(id)!,
  };
}

/**
 * Units of the caller's communities where no verified member has opened the notice — for a 停水停电
 * notice, the doors to knock on. Members are shown masked (docs/domain.md §6); revealing is its own audited step.
 */
export async function listUnreadUnits(deps: Deps, staffId: string, id: string) {
  const notice = await findStaffNotice(deps, staffId, id, 'read');
  const units = await deps.db.unit.findMany({
    where: {
      communityId: { in: notice.officeCommunityIds },
      memberships: { none: { status: 'VERIFIED', user: { noticeReads: { some: { noticeId: id } } } } },
    },
    select: {
      id: true,
      number: true,
      building: { select: { name: true, sortOrder: true } },
      community: { select: { name: true } },
      memberships: {
        where: { status: 'VERIFIED' },
        select: { relation: true, user: { select: { id: true, name: true, phone: true } } },
      },
    },
    orderBy: [
      { community: { name: 'asc' } },
      { building: { sortOrder: 'asc' } },
      { building: { name: 'asc' } },
      { floor: 'asc' },
      { number: 'asc' },
    ],
  });
  return units.map((u) => ({
    unitId: u.id,
    community: u.community.name,
    building: u.building.name,
    number: u.number,
    members: u.memberships.map((m) => ({
      userId: m.user.id,
      relation: m.relation,
      name: maskName(m.user.name),
      phone: maskPhone(m.user.phone),
    })),
  }));
}
