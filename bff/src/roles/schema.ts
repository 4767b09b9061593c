import { z } from 'zod';
import { ZId, ZPageQuery, ZText } from '../http/params.js';
import { parsePhone } from '../import/normalise.js';
import { STAFF_ROLES } from './authority.js';

const ZRole = z.enum(STAFF_ROLES, '角色只能是 MANAGER、TECHNICIAN、CASHIER 或 COMPANY_ADMIN');
export const ZPhone = z
  .string('请填写手机号')
  .max(32, '手机号太长')
  .transform((raw, ctx) => {
    const phone = parsePhone(raw);
    if (!phone) ctx.addIssue({ code: 'custom', message: '手机号格式不正确（例如 13912345678 或 +8613912345678）' });
    return phone ?? '';
  });

/** Where: a community (its roles) or a company (its admins, and all its roles when listing). */
const ZPlace = z.object({ communityId: ZId.optional(), companyId: ZId.optional() });
const onePlace = (p: { communityId?: string; companyId?: string }) =>
  (p.communityId === undefined) !== (p.companyId === undefined);
const ONE_PLACE = { message: '请指定 communityId 或 companyId 之一', path: ['communityId'] };

/** A company admin is invited into the company (companyId); every other role into a community. */
export const ZInvite = ZPlace.extend({ phone: ZPhone, role: ZRole })
  .strict()
  .refine(onePlace, ONE_PLACE)
  .refine((b) => (b.role === 'COMPANY_ADMIN') === (b.companyId !== undefined), {
    message: '公司管理员邀请到公司（companyId），其他角色邀请到小区（communityId）',
    path: ['role'],
  });

export const ZPlaceQuery = ZPlace.strict().refine(onePlace, ONE_PLACE);

export const ZInvitationQuery = ZPageQuery.extend(ZPlace.shape)
  .extend({
    state: z.enum(['pending', 'accepted', 'all'], '状态只能是 pending、accepted 或 all').default('pending'),
  })
  .strict()
  .refine(onePlace, ONE_PLACE);

export const ZRemoveRole = z.object({ reason: ZText({ max: 200, label: '移除原因' }).optional() }).strict();

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ZDay = (label: string) =>
  z
    .string(`${label}格式应为 2026-12-01`)
    .regex(DAY, `${label}格式应为 2026-12-01`)
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), `${label}不是有效日期`);

const auditFilter = {
  companyId: ZId,
  personId: ZId.optional(),
  kind: z
    .string('类型必须是文字')
    .regex(/^[A-Z_]{2,40}$/, '类型格式不正确')
    .optional(),
  from: ZDay('开始日期').optional(),
  to: ZDay('结束日期').optional(),
};
const fromBeforeTo = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const FROM_TO = { message: '开始日期不能晚于结束日期', path: ['from'] };

export const ZAuditQuery = ZPageQuery.extend(auditFilter).strict().refine(fromBeforeTo, FROM_TO);
export const ZAuditExport = z
  .object({ ...auditFilter, format: z.enum(['xlsx', 'csv'], '导出格式只能是 xlsx 或 csv').default('xlsx') })
  .strict()
  .refine(fromBeforeTo, FROM_TO);
export type AuditFilter = { companyId: string; personId?: string; kind?: string; from?: string; to?: string };
