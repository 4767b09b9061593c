import { api } from '../../session';
import type { UploadView } from '../../api/types';
import type {
  ComplaintCategory,
  ComplaintList,
  ComplaintView,
  DissatisfiedReason,
  MySurvey,
  MySurveyList,
  SurveyAnswer,
  SurveyAnswered,
} from './types';

export type NewComplaint = {
  kind: 'COMPLAINT' | 'CONSULTATION';
  category: ComplaintCategory;
  text: string;
  anonymous: boolean;
  uploadIds: UploadView['id'][];
} & ({ unitId: string } | { communityId: string; place: string });

/**
 * The resident's complaints and surveys (docs/domain.md §8). Declared here, not in api/endpoints.ts: only
 * the voice subpackage calls them, so they stay out of the weapp main package.
 */
export const voice = {
  fileComplaint: (body: NewComplaint) => api.post<ComplaintView>('/api/complaints', body),
  myComplaints: () => api.get<ComplaintList>('/api/complaints'),
  complaint: (id: string) => api.get<ComplaintView>(`/api/complaints/${id}`),
  confirm: (id: string, satisfied: boolean, reason?: DissatisfiedReason) =>
    api.post<ComplaintView>(`/api/complaints/${id}/actions`, { action: 'confirm', satisfied, reason }),
  mySurveys: () => api.get<MySurveyList>('/api/surveys'),
  survey: (id: string) => api.get<MySurvey>(`/api/surveys/${id}`),
  answer: (id: string, unitId: string, answers: SurveyAnswer[]) =>
    api.post<SurveyAnswered>(`/api/surveys/${id}/responses`, { unitId, answers }),
};
