import { z } from 'zod';
import { ZId, ZText } from '../http/params.js';

export const ZComplaintKind = z.enum(['COMPLAINT', 'CONSULTATION'], '请选择投诉或咨询');

/** Our categories (docs/domain.md §8); customer service may reclassify at triage. */
export const COMPLAINT_CATEGORIES = [
  '服务态度',
  '环境卫生',
  '秩序安全',
  '设施设备',
  '维修质量',
  '收费',
  '噪音扰民',
  '其他',
] as const;
export const ZCategory = z.enum(COMPLAINT_CATEGORIES, '类别不正确');

/** The departments customer service assigns to (docs/domain.md §8). */
export const DEPARTMENTS = ['客服部', '工程部', '秩序部', '环境部', '综合部'] as const;
export const ZDepartment = z.enum(DEPARTMENTS, '部门不正确');

const where = {
  unitId: ZId.optional(),
  place: ZText({ max: 50, label: '地点' }).optional(),
};
const what = {
  kind: ZComplaintKind,
  category: ZCategory,
  text: ZText({ min: 5, max: 1000, label: '内容' }),
  urgent: z.boolean('请选择是否紧急').default(false),
  anonymous: z.boolean('请选择是否匿名').default(false),
};
const unitOrPlace = {
  check: (c: { unitId?: string; place?: string }) => Boolean(c.unitId) !== Boolean(c.place),
  message: '请选择房屋，或填写小区公共区域的地点',
};

/** A resident files in the app: about one of their units, or a common place of their community. */
export const ZFileComplaint = z
  .object({
    ...where,
    ...what,
    communityId: ZId.optional(),
    uploadIds: z.array(ZId).max(9, '最多 9 张照片').default([]),
  })
  .strict()
  .refine((c) => unitOrPlace.check(c) && (c.unitId ? !c.communityId : Boolean(c.communityId)), {
    message: unitOrPlace.message,
    path: ['unitId'],
  });
export type FileComplaint = z.infer<typeof ZFileComplaint>;

/** The office files for a caller, on the phone or at the desk; the channel is recorded. */
export const ZFileForCaller = z
  .object({
    ...where,
    ...what,
    channel: z.enum(['PHONE', 'VISIT'], '请选择来电或来访'),
    callerName: ZText({ max: 20, label: '来访人姓名' }),
    callerPhone: z.string('请填写联系电话').regex(/^\+?[0-9-]{5,20}$/, '联系电话格式不正确'),
  })
  .strict()
  .refine(unitOrPlace.check, { message: unitOrPlace.message, path: ['unitId'] });
export type FileForCaller = z.infer<typeof ZFileForCaller>;

const note = (label: string) => ZText({ max: 500, label });

/**
 * Why a resident is not satisfied, chosen in the app: a fixed list, so nothing a resident writes needs
 * the text check or a moderator (docs/domain.md §8); customer service takes free words on the phone.
 */
export const DISSATISFIED_REASONS = ['问题没有解决', '处理太慢', '服务态度不好', '没有联系我', '其他'] as const;

/** Each action with what it needs; actions.ts says who and from which state. */
export const ZComplaintAction = z.discriminatedUnion(
  'action',
  [
    z
      .object({
        action: z.literal('triage'),
        department: ZDepartment,
        assigneeId: ZId,
        kind: ZComplaintKind.optional(),
        category: ZCategory.optional(),
        urgent: z.boolean('请选择是否紧急').optional(),
      })
      .strict(),
    z.object({ action: z.literal('contact'), note: note('联系情况') }).strict(),
    z.object({ action: z.literal('note'), note: note('处理进展'), public: z.boolean().default(true) }).strict(),
    z.object({ action: z.literal('done'), note: note('处理结果') }).strict(),
    /** The resident's answer: in the app by the resident, or taken by customer service on the phone. */
    z
      .object({
        action: z.literal('confirm'),
        satisfied: z.boolean('请选择满意或不满意'),
        note: note('回访记录').optional(),
        reason: z.enum(DISSATISFIED_REASONS, '不满意的原因不正确').optional(),
      })
      .strict()
      .refine((a) => !(a.satisfied && a.reason), { message: '满意时不需要选择原因', path: ['reason'] }),
  ],
  '不支持的操作',
);
export type ComplaintAction = z.infer<typeof ZComplaintAction>;

export const ZComplaintListQuery = z
  .object({
    status: z.enum(['SUBMITTED', 'TRIAGED', 'IN_PROGRESS', 'DONE', 'CLOSED'], '状态不正确').optional(),
    limit: z.coerce.number('条数必须是数字').int().min(1, '至少 1 条').max(100, '最多 100 条').default(50),
  })
  .strict();
export type ComplaintListQuery = z.infer<typeof ZComplaintListQuery>;
