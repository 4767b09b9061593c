import type { ApiClient } from '../../api/client';
import type { Items, RepairDetail, SnapshotDetail, UnitMember } from '../../api/types';

export type Channel = 'PHONE' | 'VISIT';
type Caller = { unitId: string; residentId: string; channel: Channel };

export type RepairOnBehalf = Caller & {
  faultType: RepairDetail['faultType'];
  part: string;
  phenomenon: string;
  emergency: boolean;
  description?: string;
  contactPhone?: string;
};
export type SnapshotOnBehalf = Caller & { kind: SnapshotDetail['kind']; text: string; place?: string };

/** 代客报修 / 代客登记: the office files for a resident who phoned or came in (docs/domain.md §1). */
export function onBehalfEndpoints(api: ApiClient) {
  return {
    unitMembers: (unitId: string) => api.get<Items<UnitMember>>(`/api/units/${unitId}/members`),
    fileRepairOnBehalf: (communityId: string, body: RepairOnBehalf) =>
      api.post<RepairDetail>(`/api/staff/communities/${communityId}/repairs/on-behalf`, body),
    fileSnapshotOnBehalf: (communityId: string, body: SnapshotOnBehalf) =>
      api.post<SnapshotDetail>(`/api/staff/communities/${communityId}/snapshots/on-behalf`, body),
  };
}
