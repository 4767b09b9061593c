import { api } from '../../session';
import type { Wire } from '../../../../bff/src/http/wire';
import type { listOfficeComplaints } from '../../../../bff/src/complaints/office-list';
import type { listReturnVisits, returnVisitRate } from '../../../../bff/src/return-visits/visits';
import type { ComplaintAction, FileForCaller } from '../../../../bff/src/complaints/schema';
import type { CommunityStaffMember } from '../../api/types';
import type { ComplaintView } from './types';

export type StaffComplaintPage = Wire<Awaited<ReturnType<typeof listOfficeComplaints>>>;
export type StaffComplaint = StaffComplaintPage['items'][number];
export type VisitList = Wire<Awaited<ReturnType<typeof listReturnVisits>>>;
export type Visit = VisitList['items'][number];
export type VisitRate = Wire<Awaited<ReturnType<typeof returnVisitRate>>>;
export type VisitResult = 'SATISFIED' | 'BASICALLY_SATISFIED' | 'UNSATISFIED';
/** The phone's filters: 处理中 is the BFF's HANDLING (assigned or contacted). */
export type StaffComplaintFilter = 'SUBMITTED' | 'HANDLING' | 'DONE' | 'CLOSED';
export type { ComplaintAction, FileForCaller };

const q = (params: Record<string, string | undefined>) => {
  const s = Object.entries(params)
    .flatMap(([k, v]) => (v ? [`${k}=${encodeURIComponent(v)}`] : []))
    .join('&');
  return s ? `?${s}` : '';
};

/**
 * The staff side of complaints and return visits on the phone (#31), the same API as the desk console's
 * (docs/console.md §Voice). Declared here, not in api/endpoints.ts: only the staff subpackage calls them.
 */
export const staffVoice = {
  complaints: (communityId: string, status: StaffComplaintFilter | undefined, cursor?: string) =>
    api.get<StaffComplaintPage>(
      `/api/staff/communities/${communityId}/complaints${q({ status, cursor, limit: '20' })}`,
    ),
  complaint: (id: string) => api.get<ComplaintView>(`/api/staff/complaints/${id}`),
  act: (id: string, action: ComplaintAction) => api.post<ComplaintView>(`/api/staff/complaints/${id}/actions`, action),
  staff: (communityId: string) =>
    api.get<{ items: CommunityStaffMember[] }>(`/api/staff/communities/${communityId}/staff`),
  fileForCaller: (communityId: string, body: FileForCaller) =>
    api.post<ComplaintView>(`/api/staff/communities/${communityId}/complaints`, body),
  returnVisits: (communityId: string, status: 'OPEN' | 'DONE') =>
    api.get<VisitList>(`/api/staff/communities/${communityId}/return-visits${q({ status, limit: '100' })}`),
  visitRate: (communityId: string, month: string) =>
    api.get<VisitRate>(`/api/staff/communities/${communityId}/return-visits/rate${q({ month })}`),
  recordVisit: (id: string, result: VisitResult, note: string) =>
    api.post<{ id: string; done: boolean }>(`/api/staff/return-visits/${id}`, { result, note }),
  /**
   * The repair's contact phone in full, to phone the visit: the BFF's audited reveal with the visit as its basis
   * (docs/domain.md §6) — the number the resident gave for the repair, not their account's.
   */
  revealVisitPhone: (visitId: string, reason: string) =>
    api.post<{ value: string | null }>(`/api/staff/return-visits/${visitId}/reveal-phone`, { reason }),
};
