import type { ApiClient } from '../../api/client';
import type { ModerationQueue } from '../../api/types';

/** The staff moderation queue (content safety). */
export function moderationEndpoints(api: ApiClient) {
  return {
    moderationQueue: (communityId: string, status = 'PENDING') =>
      api.get<ModerationQueue>(`/api/staff/communities/${communityId}/moderation`, { query: { status } }),
    decideModeration: (id: string, approve: boolean) =>
      api.post<{ id: string; status: string }>(`/api/staff/moderation/${id}/decision`, { approve }),
  };
}
