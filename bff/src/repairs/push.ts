import type { Prisma, RepairRequest } from '@prisma/client';
import type { Deps } from '../deps.js';
import { queuePush } from '../push/outbox.js';
import type { TemplateKey } from '../push/templates.js';
import { staffWithRoles } from './staff-roles.js';
import { shownText } from './held-text.js';
import { urgentDueAt } from './sla.js';

/** Which transitions tell the reporter, and with which template. */
const PUSHED: Partial<Record<string, { template: TemplateKey; at: string }>> = {
  accept: { template: 'repairAccepted', at: 'acceptedAt' },
  resolve: { template: 'repairResolved', at: 'resolvedAt' },
};

/** The reporter hears of acceptance and resolution, written to the outbox in the transition's transaction. */
export async function pushRepairEvent(
  deps: Deps,
  tx: Prisma.TransactionClient,
  repair: RepairRequest,
  action: string,
  at: Date,
) {
  const pushed = PUSHED[action];
  if (!pushed) return;
  await queuePush(deps, tx, {
    template: pushed.template,
    recipients: [{ userId: repair.reporterId, communityId: repair.communityId }],
    values: { number: repair.number, summary: `${repair.part}：${repair.phenomenon}`, [pushed.at]: at },
    pageQuery: { id: repair.id },
    event: { kind: `repair.${action}`, id: repair.id },
  });
}

/**
 * An urgent appeal (加急) is told at once, in the appeal's transaction, to the community's managers and
 * the technician it is assigned to (docs/domain.md §1), on the staff's overdue template: they already
 * accept it, so the push can be delivered. Held text stays out of it (one message for all).
 */
export async function pushUrgentAppeal(deps: Deps, tx: Prisma.TransactionClient, repair: RepairRequest, at: Date) {
  const managers = await staffWithRoles(tx, repair.communityId, ['MANAGER']);
  const recipients = [...managers, ...(repair.assigneeId ? [repair.assigneeId] : [])];
  const text = shownText(repair, false);
  await queuePush(deps, tx, {
    template: 'repairOverdue',
    recipients: recipients.map((userId) => ({ userId, communityId: repair.communityId })),
    values: {
      number: repair.number,
      clock: '住户加急',
      summary: `${text.part}：${text.phenomenon}`,
      dueAt: urgentDueAt(at),
    },
    pageQuery: { id: repair.id },
    event: { kind: 'repair.urgent', id: repair.id },
  });
}

/**
 * A later appointment proposed (docs/domain.md §1, appointments) is told to the repair's author, who
 * answers it on the repair page the message opens; with the time and the technician's reason.
 */
export async function pushAppointmentProposal(
  deps: Deps,
  tx: Prisma.TransactionClient,
  repair: RepairRequest,
  appointmentAt: Date,
  reason: string,
) {
  await queuePush(deps, tx, {
    template: 'repairAppointmentProposed',
    recipients: [{ userId: repair.reporterId, communityId: repair.communityId }],
    values: { number: repair.number, appointmentAt, reason },
    pageQuery: { id: repair.id },
    event: { kind: 'repair.propose', id: repair.id },
  });
}
