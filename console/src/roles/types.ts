import type { Wire } from '../../../bff/src/http/wire';
import type { confirmInvitation, inviteToRole, listInvitations } from '../../../bff/src/roles/invite';
import type { listPeople, placesOf } from '../../../bff/src/roles/people';
import type { listAudit } from '../../../bff/src/roles/audit-log';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any service's arguments
type Answer<F extends (...args: any[]) => Promise<unknown>> = Wire<Awaited<ReturnType<F>>>;

/** The BFF's answers of people, roles and the audit log (bff/src/roles/), as the console receives them. */
export type Places = Answer<typeof placesOf>;
export type Place = Places['items'][number];
export type People = Answer<typeof listPeople>;
export type Person = People['items'][number];
export type Invitations = Answer<typeof listInvitations>;
export type InvitationRow = Invitations['items'][number];
export type InvitationMade = Answer<typeof inviteToRole>;
export type Confirmed = Answer<typeof confirmInvitation>;
export type AuditPage = Answer<typeof listAudit>;
export type AuditRow = AuditPage['items'][number];

/** A place as the URL keeps it: a community's id, or `company:<id>`. */
export const placeKey = (p: Place) => p.communityId ?? `company:${p.companyId}`;
/** The query naming a place to the BFF. */
export const placeQuery = (p: Place): Record<string, string> =>
  p.communityId ? { communityId: p.communityId } : { companyId: p.companyId };

export const ROLE_LABELS: Record<string, string> = {
  MANAGER: '小区经理',
  TECHNICIAN: '维修工',
  CASHIER: '收银员',
  COMPANY_ADMIN: '公司管理员',
};

export const INVITATION_STATE: Record<string, string> = {
  PENDING: '待接受',
  AWAITING_CONFIRMATION: '待第二位管理员确认',
  ACCEPTED: '已接受',
  REVOKED: '已撤回',
  EXPIRED: '已过期',
};
