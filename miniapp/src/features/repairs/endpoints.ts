import type { ApiClient } from '../../api/client';
import type {
  CommunityStaffMember,
  Items,
  OverdueBoard,
  RepairAction,
  RepairDetail,
  RepairListPage,
  RepairSlaView,
  ServiceLevel,
  StaffRepairListPage,
  Technician,
  WorkCalendarView,
} from '../../api/types';

export type NewRepair = {
  unitId?: string;
  communityId?: string;
  commonArea?: string;
  faultType: RepairDetail['faultType'];
  part: string;
  phenomenon: string;
  emergency: boolean;
  description?: string;
  uploadIds: string[];
};

/** Repairs: filing, my repairs, my jobs, the office's inbox, one endpoint for every action. */
export function repairEndpoints(api: ApiClient) {
  return {
    fileRepair: (body: NewRepair) => api.post<RepairDetail>('/api/repairs', body),
    myRepairs: (cursor?: string) => api.get<RepairListPage>('/api/repairs', { query: { cursor } }),
    myJobs: (cursor?: string) => api.get<RepairListPage>('/api/repairs/jobs', { query: { cursor } }),
    repair: (id: string) => api.get<RepairDetail>(`/api/repairs/${id}`),
    actOnRepair: (id: string, action: RepairAction) => api.post<RepairDetail>(`/api/repairs/${id}/actions`, action),
    answerAppointment: (id: string, agree: boolean) =>
      api.post<RepairDetail>(`/api/repairs/${id}/appointment-answer`, { agree }),
    communityRepairs: (communityId: string, cursor?: string, status?: string) =>
      api.get<StaffRepairListPage>(`/api/staff/communities/${communityId}/repairs`, { query: { cursor, status } }),
    serviceLevel: (communityId: string) => api.get<ServiceLevel>(`/api/communities/${communityId}/repair-service`),
    overdueRepairs: (communityId: string) =>
      api.get<OverdueBoard>(`/api/staff/communities/${communityId}/repairs/overdue`),
    workCalendar: (communityId: string) =>
      api.get<WorkCalendarView>(`/api/staff/communities/${communityId}/work-calendar`),
    confirmWorkCalendarYear: (
      communityId: string,
      year: number,
      days: { date: string; working: boolean; note: string }[],
    ) =>
      api.request<WorkCalendarView>('PUT', `/api/staff/communities/${communityId}/work-calendar/years/${year}`, {
        body: { days },
      }),
    technicians: (communityId: string) =>
      api.get<Items<Technician>>(`/api/staff/communities/${communityId}/technicians`),
    communityStaff: (communityId: string) =>
      api.get<Items<CommunityStaffMember>>(`/api/staff/communities/${communityId}/staff`),
    repairSla: (communityId: string) => api.get<RepairSlaView>(`/api/staff/communities/${communityId}/repair-sla`),
    putRepairSla: (communityId: string, settings: RepairSlaView['settings']) =>
      api.request<RepairSlaView>('PUT', `/api/staff/communities/${communityId}/repair-sla`, { body: settings }),
  };
}
