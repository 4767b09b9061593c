import type { ApiClient } from './client';
import type { BindRequest, Building, Community, Items, LoginResult, Me, Page, Relation, StaffBindRequest, UnitSummary } from './types';

/** Every BFF endpoint the app calls, declared once. */
export function endpoints(api: ApiClient) {
  return {
    login: (code: string) => api.post<LoginResult>('/api/auth/login', { code }, { auth: false, silent: true }),
    logout: () => api.post<void>('/api/auth/logout'),
    bindPhone: (code: string) => api.post<{ phone: string }>('/api/auth/phone', { code }),
    me: () => api.get<Me>('/api/me'),
    communities: () => api.get<Items<Community>>('/api/communities'),
    buildings: (communityId: string) => api.get<Items<Building>>(`/api/communities/${communityId}/buildings`),
    units: (buildingId: string) => api.get<Items<UnitSummary>>(`/api/buildings/${buildingId}/units`),
    myBindRequests: () => api.get<Items<BindRequest>>('/api/units/bind-requests'),
    createBindRequest: (unitId: string, relation: Relation) => api.post<BindRequest>('/api/units/bind-requests', { unitId, relation }),
    staffBindRequests: (communityId: string, cursor?: string, status: 'PENDING' | 'VERIFIED' | 'REJECTED' = 'PENDING') =>
      api.get<Page<StaffBindRequest>>(`/api/staff/communities/${communityId}/bind-requests`, { query: { status, cursor } }),
    decideBindRequest: (id: string, decision: { decision: 'approve' } | { decision: 'reject'; reason: string }) =>
      api.post<BindRequest>(`/api/staff/bind-requests/${id}/decision`, decision),
  };
}

export type Endpoints = ReturnType<typeof endpoints>;
