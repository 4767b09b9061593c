/** The BFF's answer types, imported type-only from the BFF itself (zero bytes in the bundle). */
export type {
  BindRequest,
  BindRequestQueuePage,
  Building,
  Community,
  LoginResult,
  Me,
  MembershipStatus,
  PhoneResult,
  Relation,
  StaffBindRequest,
  StaffRole,
  UnitMember,
  UnitSummary,
  UploadView,
  NoticeListPage,
  NoticeListItem,
  NoticeDetail,
  NoticeCategory,
  StaffNotice,
  StaffNoticeListPage,
  StaffNoticeDetail,
  UnreadUnit,
  PushSubscriptions,
  RepairDetail,
  RepairListPage,
  Technician,
  RepairAction,
} from '../../../bff/src/api-types';

export type Items<T> = { items: T[] };
export type { Page } from '../hooks/use-paged';
