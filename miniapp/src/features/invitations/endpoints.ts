import type { ApiClient } from '../../api/client';
import type { InvitationAccepted, InvitationPreview } from '../../api/types';

/** A staff invitation (docs/import.md §Starting a company): the token in the body, never in a URL a log keeps. */
export function invitationEndpoints(api: ApiClient) {
  return {
    previewInvitation: (token: string) =>
      api.post<InvitationPreview>('/api/invitations/preview', { token }, { silent: true }),
    acceptInvitation: (token: string) =>
      api.post<InvitationAccepted>('/api/invitations/accept', { token }, { silent: true }),
  };
}
