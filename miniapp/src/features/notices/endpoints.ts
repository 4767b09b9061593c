import type { ApiClient } from '../../api/client';
import type {
  Items,
  NoticeCategory,
  NoticeDetail,
  NoticeListPage,
  StaffNotice,
  StaffNoticeDetail,
  StaffNoticeListPage,
  UnreadUnit,
} from '../../api/types';

export type NoticeDraft = {
  title: string;
  body: string;
  category: NoticeCategory;
  communityIds: string[];
  allCommunities?: boolean;
  pinned: boolean;
  contactName?: string;
  contactPhone?: string;
  effectiveUntil?: string;
  uploadIds?: string[];
  removeUploadIds?: string[];
};

export type EventPushes = {
  counts: Partial<Record<'QUEUED' | 'SENDING' | 'SENT' | 'NO_CREDIT' | 'REFUSED' | 'FAILED' | 'UNKNOWN', number>>;
};

/** Notices: the resident's list and detail; the office's list, editor, publish and withdraw. */
export function noticeEndpoints(api: ApiClient) {
  return {
    notices: (communityId: string, cursor?: string, category?: NoticeCategory) =>
      api.get<NoticeListPage>('/api/notices', { query: { communityId, cursor, category } }),
    notice: (id: string) => api.get<NoticeDetail>(`/api/notices/${id}`),
    staffNotices: (communityId: string, cursor?: string) =>
      api.get<StaffNoticeListPage>(`/api/staff/communities/${communityId}/notices`, { query: { cursor } }),
    staffNotice: (id: string) => api.get<StaffNoticeDetail>(`/api/staff/notices/${id}`),
    createNotice: (draft: NoticeDraft) => api.post<StaffNotice>('/api/staff/notices', draft),
    updateNotice: (id: string, version: number, draft: NoticeDraft) =>
      api.request<StaffNotice>('PUT', `/api/staff/notices/${id}`, { body: { ...draft, version } }),
    publishNotice: (id: string) => api.post<StaffNotice>(`/api/staff/notices/${id}/publish`),
    withdrawNotice: (id: string, reason: string) =>
      api.post<StaffNotice>(`/api/staff/notices/${id}/withdraw`, { reason }),
    unreadUnits: (id: string) => api.get<Items<UnreadUnit>>(`/api/staff/notices/${id}/unread-units`),
    noticePushes: (communityId: string, noticeId: string) =>
      api.get<EventPushes>(`/api/staff/communities/${communityId}/pushes`, {
        query: { kind: 'notice.published', id: noticeId },
      }),
  };
}
