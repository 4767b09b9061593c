import { api } from '../api';
import { useLoad } from '../lib/use-load';
import { placeKey, type Places } from './types';

/**
 * Where the caller manages people (GET /api/company/places) and the one chosen: the URL's `place`,
 * else the community the console is on, else the first.
 */
export function usePlaces(chosen: string | null, communityId: string) {
  const places = useLoad(() => api.get<Places>('/api/company/places'), 'places');
  const items = places.data?.items ?? [];
  const place =
    items.find((p) => placeKey(p) === chosen) ?? items.find((p) => p.communityId === communityId) ?? items[0];
  return { ...places, items, place };
}
