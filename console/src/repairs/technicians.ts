import { useCallback, useEffect, useState } from 'react';
import type { Technician } from '../../../bff/src/api-types';
import { api } from '../api';

/** The technicians the office may assign, with their open jobs (GET …/technicians). */
export function useTechnicians(communityId: string) {
  const [items, setItems] = useState<Technician[]>();
  const [error, setError] = useState<Error>();
  const load = useCallback(() => {
    setError(undefined);
    api
      .get<{ items: Technician[] }>(`/api/staff/communities/${communityId}/technicians`)
      .then((r) => setItems(r.items), setError);
  }, [communityId]);
  useEffect(load, [load]);
  return { items, error, reload: load };
}
