import type { StaffRoleKind } from '@prisma/client';
import { z } from 'zod';
import { ZId, ZText } from '../http/params.js';

/** A time limit in minutes, from 1 to `max`, with a Chinese message naming it. */
export const ZMinutes = (max: number, label: string) =>
  z.number(`${label}须是分钟数`).int(`${label}须是整数`).min(1, `${label}至少 1 分钟`).max(max, `${label}太长`);

/**
 * One step of an escalation chain (docs/domain.md §1, escalation; §8 for complaints): who hears of a
 * clock nobody met — roles of the community's staff and named people — and how long the step has
 * before the next one fires.
 */
export const ZEscalationStep = z
  .object({
    label: ZText({ max: 30, label: '环节名称' }),
    roles: z
      .array(
        z.enum(
          ['MANAGER', 'COMPANY_ADMIN', 'TECHNICIAN', 'CASHIER', 'COMMITTEE_MEMBER'] satisfies StaffRoleKind[],
          '角色不正确',
        ),
      )
      .max(5)
      .default([]),
    userIds: z.array(ZId).max(10).default([]),
    /** How long this step has before the next one fires. */
    minutes: ZMinutes(24 * 60, '升级时限'),
  })
  .strict()
  .refine((s) => s.roles.length + s.userIds.length > 0, {
    message: '每个升级环节至少要有一个通知对象',
    path: ['roles'],
  });
export type EscalationStep = z.infer<typeof ZEscalationStep>;
