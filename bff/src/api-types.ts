/**
 * The BFF's answers as clients receive them, for the mini-program to import type-only
 * (`import type … from '@bff/api-types'`). Derived from the services themselves: change a service's
 * answer and the mini-program's typecheck sees it.
 */
import type { Wire } from './http/wire.js';
import type { login } from './auth/login.js';
import type { bindPhone } from './auth/bind-phone.js';
import type { getMe } from './me/get-me.js';
import type { listBuildings, listCommunities, listUnits } from './units/directory.js';
import type { BindRequestView } from './units/shape.js';
import type { listBindRequestQueue } from './units/list-bind-request-queue.js';
import type { listUnitMembers } from './units/members.js';
import type { viewUpload } from './uploads/view.js';
import type { listResidentNotices, readNotice } from './notices/resident-notices.js';
import type { listStaffNotices } from './notices/list-staff-notices.js';
import type { getStaffNotice, listUnreadUnits } from './notices/get-staff-notice.js';
import type { StaffNoticeView } from './notices/shape.js';
import type { listCredits } from './push/credits.js';
import type { getRepair } from './repairs/get-repair.js';
import type { listCommunityRepairs, listMyRepairs, listTechnicians } from './repairs/list-repairs.js';

import type { overdueBoard, serviceLevel } from './repairs/service-level.js';
import type { getSnapshot, listCommunitySnapshots, listMySnapshots, praiseWall } from './snapshots/snapshots.js';
import type { billSummary, listUnitBills } from './fees/resident-bills.js';
import type { OrderView } from './pay/order-view.js';
import type { createPayOrder } from './pay/create-order.js';
import type { listFeeItems } from './fees/fee-items.js';
import type { generateBills, previewBills } from './fees/generate-bills.js';
import type { getCounterPayment } from './fees/counter-payments.js';
import type { runView } from './reconcile/run-view.js';
import type { deskView, listDeskLogins, redeemTicket, scanTicket } from './desk/desk-login.js';
import type { listModeration } from './moderation/queue.js';
import type { calendarView } from './calendar/view.js';

type Answer<F extends (...args: any[]) => Promise<unknown>> = Wire<Awaited<ReturnType<F>>>;

export type LoginResult = Answer<typeof login>;
export type PhoneResult = Answer<typeof bindPhone>;
export type Me = Answer<typeof getMe>;
export type Community = Answer<typeof listCommunities>[number];
export type Building = Answer<typeof listBuildings>[number];
export type UnitSummary = Answer<typeof listUnits>[number];
export type BindRequest = Wire<BindRequestView>;
export type BindRequestQueuePage = Answer<typeof listBindRequestQueue>;
export type StaffBindRequest = BindRequestQueuePage['items'][number];
export type UnitMember = Answer<typeof listUnitMembers>[number];
export type UploadView = Answer<typeof viewUpload>;
export type Relation = BindRequest['relation'];
export type MembershipStatus = BindRequest['status'];
export type StaffRole = Me['staff'][number]['roles'][number];
export type NoticeListPage = Answer<typeof listResidentNotices>;
export type NoticeListItem = NoticeListPage['items'][number];
export type NoticeDetail = Answer<typeof readNotice>;
export type NoticeCategory = NoticeDetail['category'];
export type StaffNotice = Wire<StaffNoticeView>;
export type StaffNoticeListPage = Answer<typeof listStaffNotices>;
export type StaffNoticeDetail = Answer<typeof getStaffNotice>;
export type UnreadUnit = Answer<typeof listUnreadUnits>[number];
export type PushSubscriptions = Answer<typeof listCredits>;
export type RepairDetail = Answer<typeof getRepair>;
export type RepairListPage = Answer<typeof listMyRepairs>;
export type StaffRepairListPage = Answer<typeof listCommunityRepairs>;
export type Technician = Answer<typeof listTechnicians>[number];
export type { RepairAction } from './repairs/schema.js';
export type ServiceLevel = Answer<typeof serviceLevel>;
export type OverdueBoard = Answer<typeof overdueBoard>;
export type SnapshotDetail = Answer<typeof getSnapshot>;
export type SnapshotListPage = Answer<typeof listMySnapshots>;
export type StaffSnapshotListPage = Answer<typeof listCommunitySnapshots>;
export type PraiseWallPage = Answer<typeof praiseWall>;
export type ModerationQueue = Answer<typeof listModeration>;
export type WorkCalendarView = Answer<typeof calendarView>;
export type { SnapshotAction } from './snapshots/schema.js';
export type BillSummary = Answer<typeof billSummary>;
export type BillListPage = Answer<typeof listUnitBills>;
export type BillView = BillListPage['items'][number];
export type PayOrderView = Wire<OrderView>;
export type CreatedPayOrder = Answer<typeof createPayOrder>;
export type RequestPaymentParams = NonNullable<CreatedPayOrder['payment']>;
export type FeeItemList = Answer<typeof listFeeItems>;
export type BillingPreview = Answer<typeof previewBills>;
export type BillingRunResult = Answer<typeof generateBills>;
export type CounterReceipt = Answer<typeof getCounterPayment>;
export type ReconcileRunView = Answer<typeof runView>;
export type DeskTicketView = Wire<ReturnType<typeof deskView>>;
export type PhoneTicketView = Answer<typeof scanTicket>;
export type DeskRedeemed = Answer<typeof redeemTicket>;
export type DeskLoginList = Answer<typeof listDeskLogins>;
