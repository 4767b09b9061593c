import type { Prisma, RepairRequest } from '@prisma/client';
import type { Deps } from '../deps.js';
import { queuePush } from '../push/outbox.js';
import type { TemplateKey } from '../push/templates.js';

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
