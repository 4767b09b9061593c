import type { ComplaintClock, ComplaintSlaSettings, ComplaintStatus } from '@prisma/client';
import { z } from 'zod';
import type { Db } from '../db.js';
import { ZEscalationStep, ZMinutes } from '../clocks/escalation.js';
import type { Deadline, SweptRow } from '../clocks/sweep.js';
import type { WorkCalendar, WorkingHours } from '../calendar/work-calendar.js';
import { urgentDueAt } from '../repairs/sla.js';

/**
 * A community's complaint clocks (docs/domain.md §8); every number is per-community configuration, as the
 * repair clocks are. Working hours are the community's repair working hours: one office, one day.
 */
export const ZComplaintSla = z
  .object({
    /** Triage (classify, assign a department and a person), in working minutes from filing. */
    triageMinutes: ZMinutes(8 * 60, '分派时限'),
    /** An urgent complaint is triaged on plain time, nights and holidays included. */
    urgentTriageMinutes: ZMinutes(8 * 60, '紧急分派时限'),
    /** First contact by the department, in hours counted on working days, from triage. */
    contactHours: z
      .number('联系时限须是小时数')
      .int('联系时限须是整数')
      .min(1, '联系时限至少 1 小时')
      .max(72, '联系时限最多 72 小时'),
    /** Done and not answered by the resident for this long: closed by itself. */
    autoCloseDays: z
      .number('自动办结天数须是数字')
      .int('自动办结天数须是整数')
      .min(1, '自动办结至少 1 天')
      .max(30, '自动办结最多 30 天'),
    /** Who hears of a missed triage, step by step (the repair chain's shape). */
    escalation: z.array(ZEscalationStep).max(5, '升级链最多 5 个环节'),
  })
  .strict();
export type ComplaintSla = z.infer<typeof ZComplaintSla>;

/** Seed 003 (docs/domain.md §2, §8): review within 1 hour, contact within 24 hours; ours: 7 days to answer. */
export const DEFAULT_COMPLAINT_SLA: ComplaintSla = {
  triageMinutes: 60,
  urgentTriageMinutes: 60,
  contactHours: 24,
  autoCloseDays: 7,
  escalation: [{ label: '物业公司督办', roles: ['COMPANY_ADMIN'], userIds: [], minutes: 60 }],
};

export function complaintSlaOf(row: ComplaintSlaSettings | null): ComplaintSla {
  if (!row) return DEFAULT_COMPLAINT_SLA;
  const { communityId: _community, updatedAt: _updated, ...settings } = row;
  return ZComplaintSla.parse(settings);
}

export const loadComplaintSla = async (db: Db, communityId: string) =>
  complaintSlaOf(await db.complaintSlaSettings.findUnique({ where: { communityId } }));

type Clocks = { sla: ComplaintSla; calendar: WorkCalendar; hours: WorkingHours };
const plus = (at: Date, min: number) => new Date(at.getTime() + min * 60_000);

/** The triage clock, from filing: working minutes, or plain minutes when urgent. */
export const triageDue = ({ sla, calendar, hours }: Clocks, urgent: boolean, now: Date): Date =>
  urgent ? plus(now, sla.urgentTriageMinutes) : calendar.addWorkingMinutes(now, sla.triageMinutes, hours);

/**
 * The first-contact clock, from triage (or a re-handling): hours on working days, or the same Beijing day
 * when urgent (as a repair's urgent appeal, seed 001: 当天反馈).
 */
export const contactDue = ({ sla, calendar }: Clocks, urgent: boolean, now: Date): Date =>
  urgent ? urgentDueAt(now) : calendar.addWorkingDayHours(now, sla.contactHours);

export type ComplaintClockState = {
  status: ComplaintStatus;
  triageDueAt: Date;
  contactDueAt: Date | null;
  contactedAt: Date | null;
  escalationStep: number;
  escalateDueAt: Date | null;
};

/** The deadlines running in a complaint's state, earliest first. */
export function complaintDeadlines(c: ComplaintClockState): Deadline<ComplaintClock>[] {
  const out: Deadline<ComplaintClock>[] = [];
  if (c.status === 'SUBMITTED') {
    const due = c.escalationStep === 0 ? c.triageDueAt : c.escalateDueAt;
    if (due) out.push({ clock: 'TRIAGE', step: c.escalationStep, dueAt: due });
  }
  if (c.status === 'TRIAGED' && !c.contactedAt && c.contactDueAt)
    out.push({ clock: 'CONTACT', step: 0, dueAt: c.contactDueAt });
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

export const nextComplaintDue = (c: ComplaintClockState): Date | null => complaintDeadlines(c)[0]?.dueAt ?? null;

export type SweptComplaint = SweptRow & ComplaintClockState;

export const COMPLAINT_CLOCK_LABEL: Record<ComplaintClock, string> = { TRIAGE: '分派', CONTACT: '联系' };
