import type { ApiClient } from '../../api/client';
import type {
  PraiseWallPage,
  SnapshotAction,
  SnapshotDetail,
  SnapshotListPage,
  StaffSnapshotListPage,
} from '../../api/types';

export type NewSnapshot = {
  communityId: string;
  kind: SnapshotDetail['kind'];
  text: string;
  place?: string;
  uploadIds: string[];
  wallConsent: boolean;
};

/** 随手拍: posting, mine, one, its actions, the office's inbox, the praise wall. */
export function snapshotEndpoints(api: ApiClient) {
  return {
    postSnapshot: (body: NewSnapshot) => api.post<SnapshotDetail>('/api/snapshots', body),
    mySnapshots: (cursor?: string) => api.get<SnapshotListPage>('/api/snapshots', { query: { cursor } }),
    snapshot: (id: string) => api.get<SnapshotDetail>(`/api/snapshots/${id}`),
    actOnSnapshot: (id: string, action: SnapshotAction) =>
      api.post<SnapshotDetail>(`/api/snapshots/${id}/actions`, action),
    communitySnapshots: (communityId: string, cursor?: string, status?: string) =>
      api.get<StaffSnapshotListPage>(`/api/staff/communities/${communityId}/snapshots`, { query: { cursor, status } }),
    praiseWall: (communityId: string, cursor?: string) =>
      api.get<PraiseWallPage>(`/api/communities/${communityId}/praise-wall`, { query: { cursor } }),
  };
}
