import { z } from 'zod';
import type { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { OFFICE_ROLES } from '../access/scope.js';
import { requireRole } from '../access/guards.js';
import { ZId, ZText } from '../http/params.js';
import { ZQuestion } from './schema.js';

export const ZSaveTemplate = z
  .object({ surveyId: ZId, title: ZText({ max: 50, label: '模板名称' }).optional() })
  .strict();
export type SaveTemplate = z.infer<typeof ZSaveTemplate>;

/**
 * A company administrator keeps an office survey's title and questions as the company's template (the
 * half-yearly 满意度调查 the company reuses, docs/domain.md §8). The committee's own surveys are the
 * committee's, not the company's: not found, as any survey the caller does not run.
 */
export async function saveSurveyTemplate(deps: Deps, userId: string, input: SaveTemplate) {
  const survey = await deps.db.survey.findUnique({ where: { id: input.surveyId } });
  if (!survey || survey.byCommittee) throw notFound('问卷');
  await requireRole(deps.db, userId, survey.communityId, ['COMPANY_ADMIN'], '问卷');
  const { companyId } = await deps.db.community.findUniqueOrThrow({
    where: { id: survey.communityId },
    select: { companyId: true },
  });
  const template = await deps.db.surveyTemplate.create({
    data: {
      companyId,
      title: input.title ?? survey.title,
      questions: survey.questions as Prisma.InputJsonValue,
      createdById: userId,
      createdAt: deps.clock.now(),
    },
  });
  return { id: template.id, title: template.title };
}

/** The company's templates, newest first, for the office of one of its communities to start a survey from. */
export async function listSurveyTemplates(deps: Deps, userId: string, communityId: string) {
  await requireRole(deps.db, userId, communityId, OFFICE_ROLES);
  const { companyId } = await deps.db.community.findUniqueOrThrow({
    where: { id: communityId },
    select: { companyId: true },
  });
  const rows = await deps.db.surveyTemplate.findMany({
    where: { companyId },
    orderBy: { createdAt: 'desc' },
    take: 50,
  });
  return {
    items: rows.map((t) => ({
      id: t.id,
      title: t.title,
      questions: (t.questions as unknown[]).map((q) => ZQuestion.parse(q)),
      createdAt: t.createdAt.toISOString(),
    })),
  };
}
