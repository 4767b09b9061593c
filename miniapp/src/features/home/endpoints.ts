import type { ApiClient } from '../../api/client';

/** What waits for a staff member in one community; null where their roles do not open that list (bff/src/me/waiting.ts). */
export type WaitingCounts = {
  bindRequests: number | null;
  repairsToAccept: number | null;
  moderation: number | null;
  myJobs: number | null;
  /** A company admin's: the community's committee term once its 60-day reminder went out (docs/roles.md §The committee). */
  committeeTermEnding: { endsOn: string; daysLeft: number } | null;
  complaintsToTriage: number | null;
  returnVisitsDue: number | null;
  myComplaints: number | null;
};

export function homeEndpoints(api: ApiClient) {
  return {
    waitingCounts: (communityId: string) => api.get<WaitingCounts>(`/api/staff/communities/${communityId}/waiting`),
  };
}
