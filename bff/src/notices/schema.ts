import { z } from 'zod';
import { ZId, ZPageQuery, ZText } from '../http/params.js';

export const NOTICE_CATEGORIES = ['GENERAL', 'OUTAGE', 'EVENT', 'COMMITTEE', 'FEES'] as const;
export const ZCategory = z.enum(NOTICE_CATEGORIES, '类别只能是 通知、停水停电、活动、业委会公示 或 收费公示');
/**
 * What staff may publish: 业委会公示 is reserved for the committee's own notices, made through its
 * endpoints (committeeElectionId set) — staff cannot post notices that look like the committee's
 * (review finding 3; docs/domain.md §5, The committee).
 */
export const ZStaffCategory = z.enum(
  NOTICE_CATEGORIES.filter((c) => c !== 'COMMITTEE') as ['GENERAL', 'OUTAGE', 'EVENT', 'FEES'],
  '类别只能是 通知、停水停电、活动 或 收费公示（业委会公示由业委会发布）',
);
/** Who published a notice, as residents see it. */
export const publisherOf = (n: { committeeElectionId: string | null }) => (n.committeeElectionId ? '业委会' : '物业');

const ZPhoneText = z
  .string()
  .trim()
  .regex(/^[+\d][\d\s-]{4,19}$/, '联系电话格式不正确');

/** A notice as staff write it. Targets: chosen communities, or every community of the company. */
export const ZNoticeInput = z
  .object({
    title: ZText({ max: 60, label: '标题' }),
    body: z
      .string('正文必须是文字')
      .max(20_000, '正文最多 20000 字')
      .refine((s) => !s.includes('\u0000'), '正文含有不可见的控制字符'),
    category: ZStaffCategory,
    communityIds: z.array(ZId).max(200).default([]),
    allCommunities: z.boolean().default(false),
    contactName: ZText({ max: 20, label: '联系人' }).optional(),
    contactPhone: ZPhoneText.optional(),
    pinned: z.boolean().default(false),
    effectiveUntil: z.iso
      .datetime({ message: '有效期必须是时间' })
      .transform((s) => new Date(s))
      .optional(),
    uploadIds: z.array(ZId).max(9, '最多 9 张图片或附件').default([]),
    /** On an edit: attachments to take off the notice (they are then purged like any unclaimed upload). */
    removeUploadIds: z.array(ZId).max(9).default([]),
  })
  .strict()
  .refine((n) => n.allCommunities || n.communityIds.length > 0, {
    message: '请选择发布的小区',
    path: ['communityIds'],
  });
export type NoticeInput = z.infer<typeof ZNoticeInput>;

export const ZWithdraw = z.object({ reason: ZText({ min: 2, max: 200, label: '撤回原因' }) }).strict();

export const ZResidentListQuery = ZPageQuery.extend({ communityId: ZId, category: ZCategory.optional() }).strict();
export type ResidentListQuery = z.infer<typeof ZResidentListQuery>;

export const ZStaffListQuery = ZPageQuery.extend({
  status: z.enum(['DRAFT', 'PUBLISHED', 'WITHDRAWN'], '状态不正确').optional(),
}).strict();
export type StaffListQuery = z.infer<typeof ZStaffListQuery>;
