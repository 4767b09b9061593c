import { z } from 'zod';
import { ZId, ZText } from '../http/params.js';

const ZOptions = z
  .array(ZText({ max: 30, label: '选项' }))
  .min(2, '至少 2 个选项')
  .max(10, '最多 10 个选项');

/** A question: single or multiple choice, 1–5 stars, or free text (docs/domain.md §8, surveys). */
export const ZQuestion = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('single'), title: ZText({ max: 100, label: '题目' }), options: ZOptions }).strict(),
    z.object({ type: z.literal('multiple'), title: ZText({ max: 100, label: '题目' }), options: ZOptions }).strict(),
    z.object({ type: z.literal('stars'), title: ZText({ max: 100, label: '题目' }) }).strict(),
    z.object({ type: z.literal('text'), title: ZText({ max: 100, label: '题目' }) }).strict(),
  ],
  '题型不正确',
);
export type Question = z.infer<typeof ZQuestion>;

export const ZCreateSurvey = z
  .object({
    title: ZText({ max: 50, label: '问卷标题' }),
    questions: z.array(ZQuestion).min(1, '至少 1 道题').max(30, '最多 30 道题'),
    buildingIds: z.array(ZId, '楼栋不正确').max(100, '最多 100 个楼栋').default([]),
    opensAt: z.iso.datetime({ message: '开始时间格式不正确' }),
    closesAt: z.iso.datetime({ message: '结束时间格式不正确' }),
  })
  .strict()
  .refine((s) => s.opensAt < s.closesAt, { message: '结束时间须晚于开始时间', path: ['closesAt'] });
export type CreateSurvey = z.infer<typeof ZCreateSurvey>;

/** One answer per question, in order: an option index, indexes, 1–5 stars, or text. */
export const ZAnswer = z.union(
  [
    z.number('回答须是数字').int('回答须是整数').min(0, '回答不正确').max(9, '回答不正确'),
    z.array(z.number().int().min(0).max(9), '回答不正确').min(1, '请至少选一项').max(10, '最多选 10 项'),
    ZText({ min: 0, max: 500, label: '回答' }),
  ],
  '回答格式不正确',
);
export const ZRespond = z
  .object({ unitId: ZId, answers: z.array(ZAnswer, '请作答').min(1, '请作答').max(30, '回答太多') })
  .strict();
export type Respond = z.infer<typeof ZRespond>;
