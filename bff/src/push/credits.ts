import { z } from 'zod';
import type { Deps } from '../deps.js';
import { TEMPLATES, templateById, type TemplateKey } from './templates.js';

/** What wx.requestSubscribeMessage answered, per template id (at most 3 per call). */
export const ZSubscribeReport = z
  .object({
    results: z
      .record(z.string().min(1).max(64), z.enum(['accept', 'reject', 'ban', 'filter'], '订阅结果不正确'))
      .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 3, '每次最多 3 个模板'),
  })
  .strict();
export type SubscribeReport = z.infer<typeof ZSubscribeReport>;

/** +1 credit per accepted template the app reports (one-time templates accumulate; docs/wechat.md §4). */
export async function reportSubscriptions(deps: Deps, userId: string, report: SubscribeReport) {
  const accepted = Object.entries(report.results)
    .filter(([id, result]) => result === 'accept' && templateById(id))
    .map(([id]) => id);
  for (const templateId of accepted) {
    await deps.db.pushCredit.upsert({
      where: { userId_templateId: { userId, templateId } },
      create: { userId, templateId, credit: 1 },
      update: { credit: { increment: 1 } },
    });
  }
  return listCredits(deps, userId);
}

/** The user's credit per template, and the ids the app asks for (by our template names). */
export async function listCredits(deps: Deps, userId: string) {
  const rows = await deps.db.pushCredit.findMany({ where: { userId }, select: { templateId: true, credit: true } });
  const credit = new Map(rows.map((r) => [r.templateId, r.credit]));
  return {
    templates: Object.fromEntries(
      Object.entries(TEMPLATES).map(([key, t]) => [key, { id: t.id, credit: credit.get(t.id) ?? 0 }]),
    ) as Record<TemplateKey, { id: string; credit: number }>,
  };
}
