import { useEffect, useState } from 'react';
import type { CommunityStaffMember } from '../../../bff/src/api-types';
import { api } from '../api';

/** The community's staff a complaint may be assigned to (GET …/staff, the people the BFF accepts). */
export function useStaff(communityId: string) {
  const [staff, setStaff] = useState<CommunityStaffMember[]>([]);
  useEffect(() => {
    api.get<{ items: CommunityStaffMember[] }>(`/api/staff/communities/${communityId}/staff`).then(
      (r) => setStaff(r.items),
      () => setStaff([]),
    );
  }, [communityId]);
  return staff;
}
