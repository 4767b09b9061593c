import type { ApiClient } from '../../api/client';
import type { PushSubscriptions } from '../../api/types';

export type SubscribeResult = 'accept' | 'reject' | 'ban' | 'filter';

export function pushEndpoints(api: ApiClient) {
  return {
    pushSubscriptions: () => api.get<PushSubscriptions>('/api/push/subscriptions'),
    reportSubscriptions: (results: Record<string, SubscribeResult>) =>
      api.post<PushSubscriptions>('/api/push/subscriptions', { results }, { silent: true }),
  };
}
