import { z } from 'zod';
import { ZId, ZPageQuery, ZText } from '../http/params.js';

export const ZSnapshotKind = z.enum(['PRAISE', 'SUGGESTION', 'PROBLEM'], '请选择表扬、建议或问题');
export const ZSnapshotStatus = z.enum(['SUBMITTED', 'ACCEPTED', 'HANDLED', 'CLOSED', 'AUTO_CLOSED'], '状态不正确');

export const ZNewSnapshot = z
  .object({
    communityId: ZId,
    kind: ZSnapshotKind,
    text: ZText({ min: 2, max: 500, label: '内容' }),
    place: ZText({ max: 50, label: '位置' }).optional(),
    uploadIds: z.array(ZId).max(9, '最多 9 张照片').default([]),
    /** Praise only: may be shown on the community's praise wall. */
    wallConsent: z.boolean().default(false),
  })
  .strict()
  .refine((s) => !s.wallConsent || s.kind === 'PRAISE', { message: '只有表扬可以上表扬墙', path: ['wallConsent'] });
export type NewSnapshot = z.infer<typeof ZNewSnapshot>;

export const ZSnapshotAction = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('reply'), text: ZText({ min: 2, max: 500, label: '回复' }) }).strict(),
    z.object({ action: z.literal('follow-up'), text: ZText({ min: 2, max: 300, label: '追问' }) }).strict(),
    z.object({ action: z.literal('rehandle'), text: ZText({ min: 2, max: 300, label: '不满意的原因' }) }).strict(),
    z.object({ action: z.literal('close') }).strict(),
  ],
  '不支持的操作',
);
export type SnapshotAction = z.infer<typeof ZSnapshotAction>;

export const ZSnapshotListQuery = ZPageQuery.extend({
  status: ZSnapshotStatus.optional(),
  kind: ZSnapshotKind.optional(),
}).strict();
export type SnapshotListQuery = z.infer<typeof ZSnapshotListQuery>;

/**
 * 代客登记: a snapshot the office registers for a resident who phoned or came in, in the community of
 * the route. Never for the praise wall: that needs the resident's own consent in the app.
 */
export const ZSnapshotOnBehalf = z
  .object({
    unitId: ZId,
    residentId: ZId,
    channel: z.enum(['PHONE', 'VISIT'], '请选择来电或到访'),
    kind: ZSnapshotKind,
    text: ZText({ min: 2, max: 500, label: '内容' }),
    place: ZText({ max: 50, label: '位置' }).optional(),
    uploadIds: z.array(ZId).max(9, '最多 9 张照片').default([]),
  })
  .strict();
export type SnapshotOnBehalf = z.infer<typeof ZSnapshotOnBehalf>;
