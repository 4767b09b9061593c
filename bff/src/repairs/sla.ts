import type { RepairClock, RepairRequest, RepairSlaSettings } from '@prisma/client';
import { z } from 'zod';
import type { Db } from '../db.js';
import { ZEscalationStep, ZMinutes, type EscalationStep } from '../clocks/escalation.js';
import type { Deadline as ClockDeadline } from '../clocks/sweep.js';
import { loadCalendar, type WorkCalendar } from '../calendar/work-calendar.js';
import { beijingDay, beijingMinute, dayEnd } from '../beijing.js';
import { AppError } from '../errors.js';

const minutes = ZMinutes;

export { ZEscalationStep, type EscalationStep };

/** A community's clocks; every number is per-community configuration (docs/domain.md §1). */
export const ZSlaSettings = z
  .object({
    acceptMinutes: minutes(24 * 60, '接收时限'),
    emergencyContactMinutes: minutes(24 * 60, '应急联系时限'),
    emergencyArriveMinutes: minutes(24 * 60, '应急到场时限'),
    routineContactMinutes: minutes(24 * 60, '日常联系时限'),
    routineArriveMinutes: minutes(7 * 24 * 60, '日常到场时限'),
    feedbackDays: z.number().int().min(1, '反馈时限至少 1 天').max(30, '反馈时限最多 30 天'),
    workStart: z.number().int().min(0).max(1439),
    workEnd: z.number().int().min(1).max(1440),
    /** The chain of a routine repair nobody accepts (docs/domain.md §1, escalation). */
    escalation: z.array(ZEscalationStep).max(5, '升级链最多 5 个环节'),
    /** The chain of an emergency repair nobody accepts: its own steps, deadlines and recipients. */
    emergencyEscalation: z.array(ZEscalationStep).max(5, '应急升级链最多 5 个环节'),
  })
  .strict()
  .refine((s) => s.workStart < s.workEnd, { message: '上班时间须早于下班时间', path: ['workStart'] });
export type SlaSettings = z.infer<typeof ZSlaSettings>;

/**
 * docs/domain.md §1's defaults (Shanghai 962121 hotline practice): accept in 15 min, then escalate — to the
 * property company as second responder (8 min on the hotline), then to a supervisor; emergency:
 * contact in 15 min, arrive in 30 min after acceptance; routine: contact in 1 h of working time,
 * arrive 1 h after the contact; result fed back in 4 days. Working hours 08:30–17:30.
 */
const DEFAULT_CHAIN: EscalationStep[] = [
  { label: '物业公司第二响应', roles: ['COMPANY_ADMIN'], userIds: [], minutes: 8 },
  { label: '主管督办', roles: ['COMPANY_ADMIN'], userIds: [], minutes: 30 },
];

export const DEFAULT_SLA: SlaSettings = {
  acceptMinutes: 15,
  emergencyContactMinutes: 15,
  emergencyArriveMinutes: 30,
  routineContactMinutes: 60,
  routineArriveMinutes: 60,
  feedbackDays: 4,
  workStart: 8 * 60 + 30,
  workEnd: 17 * 60 + 30,
  // The hotline's practice is the same for both kinds (docs/domain.md §1); a company sets them apart.
  escalation: DEFAULT_CHAIN,
  emergencyEscalation: DEFAULT_CHAIN,
};

/** The chain a repair climbs when nobody accepts it: its kind's own (docs/domain.md §1, escalation). */
export const chainFor = (sla: SlaSettings, emergency: boolean): EscalationStep[] =>
  emergency ? sla.emergencyEscalation : sla.escalation;

export function slaOf(row: RepairSlaSettings | null): SlaSettings {
  if (!row) return DEFAULT_SLA;
  const { communityId: _community, updatedAt: _updated, ...settings } = row;
  return ZSlaSettings.parse(settings);
}

export async function loadSla(db: Db, communityId: string): Promise<SlaSettings> {
  return slaOf(await db.repairSlaSettings.findUnique({ where: { communityId } }));
}

/** The community's clocks and its company's working calendar, for the clocks that need both. */
export async function loadClocks(db: Db, communityId: string) {
  const community = await db.community.findUniqueOrThrow({
    where: { id: communityId },
    select: { companyId: true, repairSla: true },
  });
  return { sla: slaOf(community.repairSla), calendar: await loadCalendar(db, community.companyId) };
}

const plus = (at: Date, min: number) => new Date(at.getTime() + min * 60_000);
const later = (a: Date | null, b: Date | null) => (!a ? b : !b ? a : a > b ? a : b);

/** The clocks that start when a repair is filed. */
export const onFiling = (sla: SlaSettings, now: Date) => ({
  acceptDueAt: plus(now, sla.acceptMinutes),
  escalationStep: 0,
  escalateDueAt: null,
});

/**
 * The clocks that start at acceptance (or at a reopening, which starts them again). Emergency:
 * contact and arrival from now. Routine: contact from now when in working hours, else from the
 * start of the next working period; the arrival deadline follows the contact.
 */
export function onAccept(sla: SlaSettings, calendar: WorkCalendar, emergency: boolean, now: Date) {
  return {
    contactDueAt: emergency
      ? plus(now, sla.emergencyContactMinutes)
      : plus(calendar.workingStart(now, sla), sla.routineContactMinutes),
    arriveDueAt: emergency ? plus(now, sla.emergencyArriveMinutes) : null,
    feedbackDueAt: plus(now, sla.feedbackDays * 24 * 60),
  };
}

/**
 * At the contact: routine arrival is due an hour after it; an appointment agreed later than the
 * arrival deadline becomes the deadline (docs/domain.md §1).
 */
export function onContact(
  sla: SlaSettings,
  repair: Pick<RepairRequest, 'emergency' | 'arriveDueAt'>,
  now: Date,
  appointmentAt: Date,
) {
  const due = repair.emergency ? repair.arriveDueAt : plus(now, sla.routineArriveMinutes);
  return { arriveDueAt: later(due, appointmentAt) };
}

export type ClockState = Pick<
  RepairRequest,
  | 'status'
  | 'acceptedAt'
  | 'acceptDueAt'
  | 'contactDueAt'
  | 'arriveDueAt'
  | 'feedbackDueAt'
  | 'escalationStep'
  | 'escalateDueAt'
  | 'contactedAt'
  | 'arrivedAt'
  | 'resolvedAt'
>;
export type Deadline = ClockDeadline<RepairClock>;

const BEFORE_CONTACT = new Set(['ACCEPTED', 'ASSIGNED']);
const BEFORE_ARRIVAL = new Set(['ACCEPTED', 'ASSIGNED', 'CONTACTED']);
const BEFORE_RESULT = new Set(['ACCEPTED', 'ASSIGNED', 'CONTACTED', 'ARRIVED']);

/**
 * The deadlines still running in a repair's state, earliest first. A deferred repair (缓办) runs on its
 * agreed plan, and a resolved, closed, returned or cancelled one on none.
 */
export function runningDeadlines(r: ClockState): Deadline[] {
  const out: Deadline[] = [];
  if (r.status === 'SUBMITTED') {
    const due = r.escalationStep === 0 ? r.acceptDueAt : r.escalateDueAt;
    if (due) out.push({ clock: 'ACCEPT', step: r.escalationStep, dueAt: due });
  }
  if (BEFORE_CONTACT.has(r.status) && !r.contactedAt && r.contactDueAt)
    out.push({ clock: 'CONTACT', step: 0, dueAt: r.contactDueAt });
  if (BEFORE_ARRIVAL.has(r.status) && !r.arrivedAt && r.arriveDueAt)
    out.push({ clock: 'ARRIVE', step: 0, dueAt: r.arriveDueAt });
  if (BEFORE_RESULT.has(r.status) && !r.resolvedAt && r.feedbackDueAt)
    out.push({ clock: 'FEEDBACK', step: 0, dueAt: r.feedbackDueAt });
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/**
 * What the sweep watches: the earliest running deadline. A deadline already recorded as missed may
 * be among them; the sweep then finds its breach recorded and moves on to the next.
 */
export const nextDueOf = (r: ClockState): Date | null => runningDeadlines(r)[0]?.dueAt ?? null;

/**
 * An urgent appeal (加急) is fed back the same Beijing day (docs/domain.md §1, seed 001: 诉求加急，当天反馈):
 * due at 23:59 of the day it was raised.
 */
export const urgentDueAt = (urgentAt: Date): Date => new Date(dayEnd(beijingDay(urgentAt)).getTime() - 60_000);

/**
 * How far ahead an appointment may be set at the contact (docs/domain.md §1, appointments): 14 days on the
 * technician's word; later only with the resident's agreement, and never beyond 90 days (a repair that
 * long away is a deferral, 缓办, with its plan).
 */
export const APPOINTMENT_DAYS = 14;
export const APPOINTMENT_AGREED_DAYS = 90;

export function checkAppointment(now: Date, appointmentAt: Date, agreed: boolean): void {
  const days = (appointmentAt.getTime() - now.getTime()) / 86_400_000;
  if (days > APPOINTMENT_AGREED_DAYS)
    throw new AppError('VALIDATION_FAILED', `预约时间不能晚于 ${APPOINTMENT_AGREED_DAYS} 天后；更长的请走缓办`);
  if (days > APPOINTMENT_DAYS && !agreed)
    throw new AppError('VALIDATION_FAILED', `预约时间须在 ${APPOINTMENT_DAYS} 天内；更晚须经住户同意并记录`);
}

/** The history's record of a phone agreement: what, when, and the staff member who took it. */
export const phoneAgreementNote = (appointmentAt: Date, staffName: string, what: string) =>
  `住户电话同意预约于 ${beijingMinute(appointmentAt)}（经办：${staffName}）：${what}`;

export const CLOCK_LABEL: Record<RepairClock, string> = {
  ACCEPT: '接收',
  CONTACT: '联系',
  ARRIVE: '上门',
  FEEDBACK: '反馈',
};
