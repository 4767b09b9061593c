/** Shapes the BFF answers with (see bff/src/*). Kept by hand; the E2E suite checks them against the real BFF. */
export type Relation = 'OWNER' | 'CO_OWNER' | 'TENANT' | 'FAMILY';
export type MembershipStatus = 'PENDING' | 'VERIFIED' | 'REJECTED';
export type StaffRole = 'MANAGER' | 'TECHNICIAN' | 'CASHIER' | 'COMMITTEE_MEMBER' | 'COMPANY_ADMIN';

export type LoginResult = { token: string; expiresIn: number; user: { id: string; hasPhone: boolean } };

export type Me = {
  id: string;
  name: string | null;
  phone: string | null;
  hasPhone: boolean;
  units: {
    membershipId: string;
    unitId: string;
    number: string;
    building: { id: string; name: string };
    community: { id: string; name: string };
    relation: Relation;
    status: MembershipStatus;
  }[];
  staff: { community: { id: string; name: string }; roles: StaffRole[]; canRevealPii: boolean }[];
};

export type Community = { id: string; name: string; address: string; companyName: string };
export type Building = { id: string; name: string };
export type UnitSummary = { id: string; number: string; floor: number };

export type BindRequest = {
  id: string;
  unitId: string;
  unit: { number: string; building: string; community: { id: string; name: string } };
  relation: Relation;
  status: MembershipStatus;
  autoApproved: boolean;
  requestedAt: string;
  decidedAt: string | null;
  rejectReason: string | null;
};

export type StaffBindRequest = BindRequest & { requester: { userId: string; name: string | null; phone: string | null } };

export type Items<T> = { items: T[] };
export type { Page } from '../hooks/use-paged';
