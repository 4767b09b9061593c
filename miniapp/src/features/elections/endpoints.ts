import type { ApiClient } from '../../api/client';
import type {
  BallotReceipt,
  CommitteeElection,
  CommitteeElectionList,
  ReceiptCheck,
  ResidentElection,
  ResidentElectionList,
} from '../../api/types';

export type NewElectionBody = {
  title: string;
  description?: string;
  kind: 'ELECTION' | 'MATTER';
  class?: 'ORDINARY' | 'SPECIAL';
  seats?: number;
  closesAt: string;
  allowChange?: boolean;
};
export type CandidateBody = {
  name: string;
  sex: '男' | '女';
  age: number;
  affiliation: string;
  occupation: string;
  statement?: string;
  photoUploadId?: string;
};
export type ElectionStep = 'publish' | 'open' | 'close' | 'tally' | 'publish-results' | 'archive';

/** Owners' votes: the committee runs them, owners vote and read the results. */
export function electionEndpoints(api: ApiClient) {
  return {
    committeeElections: (communityId: string) =>
      api.get<CommitteeElectionList>(`/api/committee/communities/${communityId}/elections`),
    createElection: (communityId: string, body: NewElectionBody) =>
      api.post<{ id: string }>(`/api/committee/communities/${communityId}/elections`, body),
    committeeElection: (id: string) => api.get<CommitteeElection>(`/api/committee/elections/${id}`),
    addCandidate: (id: string, body: CandidateBody) =>
      api.post<{ id: string }>(`/api/committee/elections/${id}/candidates`, body),
    electionStep: (id: string, step: ElectionStep) =>
      api.post<CommitteeElection>(`/api/committee/elections/${id}/steps/${step}`),
    enterPaperBallot: (
      id: string,
      body: { unitId: string; channel: 'PAPER' | 'PROXY'; choices: string[]; evidenceUploadId: string },
    ) => api.post<{ receipt: string; unit: string }>(`/api/committee/elections/${id}/paper-ballots`, body),
    setElectionDeadline: (id: string, closesAt: string) =>
      api.request<CommitteeElection>('PUT', `/api/committee/elections/${id}/deadline`, { body: { closesAt } }),
    confirmRoster: (id: string) => api.post<unknown>(`/api/committee/elections/${id}/roster/confirmation`),
    admitVoter: (
      id: string,
      body: {
        unitId: string;
        kind: 'SAME_OWNER' | 'SUCCESSOR';
        phone: string;
        reason: string;
        evidenceUploadId: string;
      },
    ) => api.post<{ unit: string }>(`/api/committee/elections/${id}/voters`, body),
    committeeRoster: (id: string) =>
      api.get<{ units: { unitId: string; unit: string; developerHeld: boolean }[] }>(
        `/api/committee/elections/${id}/roster`,
      ),
    withdrawCommitteeNotice: (id: string, reason: string) =>
      api.post<unknown>(`/api/committee/notices/${id}/withdraw`, { reason }),
    remindVoters: (id: string) =>
      api.post<{ owners: number; pushed: number }>(`/api/committee/elections/${id}/reminders`),
    elections: () => api.get<ResidentElectionList>('/api/elections'),
    election: (id: string) => api.get<ResidentElection>(`/api/elections/${id}`),
    castBallot: (id: string, choices: string[], ownerKey?: string) =>
      api.post<BallotReceipt>(`/api/elections/${id}/ballots`, { choices, ...(ownerKey ? { ownerKey } : {}) }),
    checkReceipt: (id: string, code: string) =>
      api.get<ReceiptCheck>(`/api/elections/${id}/receipts/${encodeURIComponent(code)}`),
  };
}
