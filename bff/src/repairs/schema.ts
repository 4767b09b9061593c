import { z } from 'zod';
import { ZId, ZPageQuery, ZText } from '../http/params.js';

export const ZFaultType = z.enum(
  ['WATER', 'ELECTRIC', 'DOOR_WINDOW', 'PIPE', 'ELEVATOR', 'PUBLIC_FACILITY', 'OTHER'],
  '故障类型不正确',
);

/** A repair as a resident files it: for one of their units, or for a common area of their community. */
export const ZFileRepair = z
  .object({
    unitId: ZId.optional(),
    communityId: ZId.optional(),
    commonArea: ZText({ max: 50, label: '报修位置' }).optional(),
    faultType: ZFaultType,
    part: ZText({ max: 30, label: '报修部位' }),
    phenomenon: ZText({ max: 100, label: '故障现象' }),
    emergency: z.boolean('请选择应急或日常报修'),
    description: ZText({ min: 0, max: 500, label: '补充说明' }).default(''),
    preferredTime: ZText({ max: 50, label: '期望上门时间' }).optional(),
    uploadIds: z.array(ZId).max(9, '最多 9 张照片').default([]),
  })
  .strict()
  .refine((r) => (r.unitId ? !r.commonArea : Boolean(r.communityId && r.commonArea)), {
    message: '请选择报修的房屋，或填写小区公共区域的位置',
    path: ['unitId'],
  });
export type FileRepair = z.infer<typeof ZFileRepair>;

export const RETURN_REASONS = ['WRONG_INFORMATION', 'OUT_OF_SCOPE', 'SOLVED_BY_RESIDENT'] as const;

/** Each action with what it needs; the state machine (transitions.ts) says who and from where. */
export const ZRepairAction = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('accept') }).strict(),
    z.object({ action: z.literal('assign'), technicianId: ZId }).strict(),
    z
      .object({
        action: z.literal('contact'),
        appointmentAt: z.iso.datetime({ message: '预约时间格式不正确' }),
        note: ZText({ min: 0, max: 200, label: '备注' }).optional(),
        /** What the resident agreed to on the phone, for an appointment more than 14 days ahead (sla.ts). */
        phoneAgreement: ZText({ min: 2, max: 200, label: '住户电话同意的说明' }).optional(),
      })
      .strict(),
    z
      .object({
        action: z.literal('propose'),
        /** A new appointment for the resident to agree to in the app (docs/domain.md §1, appointments). */
        appointmentAt: z.iso.datetime({ message: '预约时间格式不正确' }),
        /** Why later: the resident reads it on the repair page and in the push before answering. */
        reason: ZText({ min: 2, max: 100, label: '改约原因' }),
      })
      .strict(),
    z.object({ action: z.literal('arrive') }).strict(),
    z
      .object({
        action: z.literal('resolve'),
        workDone: ZText({ max: 300, label: '处理情况' }),
        parts: ZText({ min: 0, max: 200, label: '更换配件' }).optional(),
        uploadIds: z.array(ZId).max(9).default([]),
      })
      .strict(),
    z
      .object({
        action: z.literal('rate'),
        attitude: z.number().int().min(1).max(5),
        quality: z.number().int().min(1).max(5),
        comment: ZText({ min: 0, max: 200, label: '评价' }).optional(),
      })
      .strict(),
    z.object({ action: z.literal('reopen'), reason: ZText({ min: 2, max: 200, label: '不满意的原因' }) }).strict(),
    z
      .object({ action: z.literal('cancel'), reason: ZText({ min: 0, max: 200, label: '撤销原因' }).optional() })
      .strict(),
    z
      .object({
        action: z.literal('return'),
        reason: z.enum(RETURN_REASONS, '退单只能是三种原因之一'),
        note: ZText({ min: 0, max: 200, label: '说明' }).optional(),
      })
      .strict(),
    z
      .object({
        action: z.literal('extend'),
        days: z.number().int().min(1).max(14),
        reason: ZText({ min: 2, max: 200, label: '延期原因' }),
      })
      .strict(),
    z
      .object({
        action: z.literal('defer'),
        plan: ZText({ min: 5, max: 500, label: '维修计划' }),
        residentAgreed: z.literal(true, '缓办须经住户同意'),
      })
      .strict(),
    z.object({ action: z.literal('urgent'), reason: ZText({ min: 2, max: 200, label: '加急原因' }) }).strict(),
  ],
  '不支持的操作',
);
export type RepairAction = z.infer<typeof ZRepairAction>;

/** The reporter's answer to a proposed appointment. */
export const ZAppointmentAnswer = z.object({ agree: z.boolean('请选择同意或不同意') }).strict();

export const ZRepairListQuery = ZPageQuery.extend({
  status: z
    .enum(
      [
        'SUBMITTED',
        'ACCEPTED',
        'ASSIGNED',
        'CONTACTED',
        'ARRIVED',
        'DEFERRED',
        'RESOLVED',
        'CLOSED',
        'RETURNED',
        'CANCELLED',
      ],
      '状态不正确',
    )
    .optional(),
}).strict();
export type RepairListQuery = z.infer<typeof ZRepairListQuery>;

/** 代客报修/代客登记: how the resident reached the office. */
export const ZFilingChannel = z.enum(['PHONE', 'VISIT'], '请选择来电或到访');

/** Whom the office files for: a verified member of a unit of the community, and how they came. */
export const ZOnBehalfOf = z.object({
  unitId: ZId,
  residentId: ZId,
  channel: ZFilingChannel,
  /** A callback number the caller gave, when not the one on file: a mainland mobile. */
  contactPhone: z
    .string('联系电话必须是文字')
    .regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号')
    .optional(),
});

/** A repair the office files for a resident who phoned or walked in: always for their unit. */
export const ZRepairOnBehalf = ZOnBehalfOf.extend({
  faultType: ZFaultType,
  part: ZText({ max: 30, label: '报修部位' }),
  phenomenon: ZText({ max: 100, label: '故障现象' }),
  emergency: z.boolean('请选择应急或日常报修'),
  description: ZText({ min: 0, max: 500, label: '补充说明' }).default(''),
  preferredTime: ZText({ max: 50, label: '期望上门时间' }).optional(),
  uploadIds: z.array(ZId).max(9, '最多 9 张照片').default([]),
}).strict();
export type RepairOnBehalf = z.infer<typeof ZRepairOnBehalf>;
