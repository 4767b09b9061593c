import { z } from 'zod';
import { ZId } from '../http/params.js';
import { parsePhone } from '../import/normalise.js';

export const OFFICES = ['DIRECTOR', 'DEPUTY', 'MEMBER'] as const;
export const OFFICE_NAMES = { DIRECTOR: '主任', DEPUTY: '副主任', MEMBER: '委员' } as const;

const ZDay = (label: string) =>
  z
    .string(`请填写${label}`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 2026-12-01`)
    .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), `${label}不是有效日期`);

const ZPhone = z
  .string('请填写手机号')
  .max(32, '手机号太长')
  .transform((raw, ctx) => {
    const phone = parsePhone(raw);
    if (!phone) ctx.addIssue({ code: 'custom', message: '手机号格式不正确（例如 13912345678）' });
    return phone ?? '';
  });

/** A member by account (from the election's proposal) or by phone (entered by hand). */
const ZMember = z
  .object({
    userId: ZId.optional(),
    phone: ZPhone.optional(),
    office: z.enum(OFFICES, '职务只能是 DIRECTOR（主任）、DEPUTY（副主任）或 MEMBER（委员）'),
  })
  .strict()
  .refine((m) => (m.userId === undefined) !== (m.phone === undefined), {
    message: '每位成员请指定账号或手机号之一',
    path: ['userId'],
  });

/**
 * A term to confirm (docs/roles.md §The committee). 指导规则 art. 31: 5 to 11 members — a vacancy
 * left by the vote may make it fewer, so only the upper bound is enforced; art. 32: one 主任.
 */
export const ZConfirmTerm = z
  .object({
    communityId: ZId,
    electionId: ZId.optional(),
    /** The running term the caller saw (null or absent: none): a term entered meanwhile makes this a 409. */
    replacesTermId: ZId.nullable().optional(),
    startsOn: ZDay('任期开始日期'),
    endsOn: ZDay('任期结束日期'),
    filedOn: ZDay('备案日期'),
    receiptUploadId: z.uuid({
      error: (i) => (i.input === undefined ? '请上传备案回执照片' : '备案回执照片 ID 格式不正确'),
    }),
    members: z.array(ZMember, '请填写成员').min(1, '请至少填写一位成员').max(11, '业委会成员最多 11 人'),
  })
  .strict()
  .refine((t) => t.startsOn < t.endsOn, { message: '任期结束日期应晚于开始日期', path: ['endsOn'] })
  .refine((t) => t.members.filter((m) => m.office === 'DIRECTOR').length === 1, {
    message: '请指定一位主任',
    path: ['members'],
  });
export type ConfirmTerm = z.infer<typeof ZConfirmTerm>;

export const ZCommitteeQuery = z.object({ communityId: ZId }).strict();
