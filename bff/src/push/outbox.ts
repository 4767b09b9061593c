import { randomUUID } from 'node:crypto';
import type { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { fitValue } from './fit.js';
import { TEMPLATES, type TemplateKey } from './templates.js';
import { deliverPush } from './deliver.js';

export type PushRequest = {
  template: TemplateKey;
  recipients: { userId: string; communityId?: string | null }[];
  /** Values by the template's field names (see templates.ts); fitted to each keyword's type here. */
  values: Record<string, string | number | Date>;
  /** Appended to the template's page, e.g. `{ id }` → `pages/notices/detail?id=…`. */
  pageQuery?: Record<string, string>;
  event: { kind: string; id: string };
};

/**
 * Writes pushes to the outbox inside the caller's transaction: a message per recipient who has credit
 * for the template (an accept not yet spent), and its delivery job — both exist only if the event
 * commits. Recipients without credit get nothing: WeChat would refuse (43101).
 */
export async function queuePush(deps: Deps, tx: Prisma.TransactionClient, req: PushRequest): Promise<number> {
  const template = TEMPLATES[req.template];
  const userIds = [...new Set(req.recipients.map((r) => r.userId))];
  if (userIds.length === 0) return 0;
  const reachable = await tx.user.findMany({
    where: { id: { in: userIds }, pushCredits: { some: { templateId: template.id, credit: { gt: 0 } } } },
    select: { id: true, identities: { where: { appid: deps.config.wechat.appid }, select: { openid: true }, take: 1 } },
  });
  const data = Object.fromEntries(
    Object.entries(template.fields).map(([field, keyword]) => [keyword, fitValue(template.keywords[keyword as keyof typeof template.keywords], req.values[field] ?? '')]),
  );
  const page = req.pageQuery ? `${template.page}?${new URLSearchParams(req.pageQuery).toString()}` : template.page;
  const communityOf = new Map(req.recipients.map((r) => [r.userId, r.communityId ?? null]));
  const now = deps.clock.now();
  const messages = reachable
    .filter((u) => u.identities[0])
    .map((u) => ({
      id: randomUUID(),
      userId: u.id,
      communityId: communityOf.get(u.id) ?? null,
      openid: u.identities[0]!.openid,
      templateKey: req.template,
      templateId: template.id,
      page,
      data,
      eventKind: req.event.kind,
      eventId: req.event.id,
      createdAt: now,
    }));
  if (messages.length === 0) return 0;
  await tx.pushMessage.createMany({ data: messages });
  await deps.jobs.sendMany(deliverPush, messages.map((m) => ({ messageId: m.id })), { tx, ids: messages.map((m) => m.id) });
  return messages.length;
}
