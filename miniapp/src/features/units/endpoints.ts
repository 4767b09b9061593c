import type { ApiClient } from '../../api/client';
import type {
  BindRequest,
  BindRequestQueuePage,
  Building,
  Community,
  Items,
  Relation,
  UnitSummary,
} from '../../api/types';

/** The address directory, bind requests (the resident's and the office's side). */
export function unitEndpoints(api: ApiClient) {
  return {
    communities: () => api.get<Items<Community>>('/api/communities'),
    buildings: (communityId: string) => api.get<Items<Building>>(`/api/communities/${communityId}/buildings`),
    units: (buildingId: string) => api.get<Items<UnitSummary>>(`/api/buildings/${buildingId}/units`),
    myBindRequests: () => api.get<Items<BindRequest>>('/api/units/bind-requests'),
    createBindRequest: (unitId: string, relation: Relation) =>
      api.post<BindRequest>('/api/units/bind-requests', { unitId, relation }),
    staffBindRequests: (
      communityId: string,
      cursor?: string,
      status: 'PENDING' | 'VERIFIED' | 'REJECTED' = 'PENDING',
    ) =>
      api.get<BindRequestQueuePage>(`/api/staff/communities/${communityId}/bind-requests`, {
        query: { status, cursor },
      }),
    decideBindRequest: (id: string, decision: { decision: 'approve' } | { decision: 'reject'; reason: string }) =>
      api.post<BindRequest>(`/api/staff/bind-requests/${id}/decision`, decision),
  };
}
