import type { ApiClient } from './client';
import { authEndpoints } from '../features/auth/endpoints';
import { unitEndpoints } from '../features/units/endpoints';
import { uploadEndpoints } from '../features/uploads/endpoints';
import { noticeEndpoints } from '../features/notices/endpoints';
import { pushEndpoints } from '../features/push/endpoints';
import { repairEndpoints } from '../features/repairs/endpoints';
import { snapshotEndpoints } from '../features/snapshots/endpoints';
import { moderationEndpoints } from '../features/moderation/endpoints';
import { feeEndpoints } from '../features/fees/endpoints';
import { deskEndpoints } from '../features/desk/endpoints';
import { electionEndpoints } from '../features/elections/endpoints';
import { invitationEndpoints } from '../features/invitations/endpoints';
import { onBehalfEndpoints } from '../features/on-behalf/endpoints';
import { homeEndpoints } from '../features/home/endpoints';

/** Every BFF endpoint the app calls, declared once in its feature (src/features/<domain>/endpoints.ts). */
export function endpoints(api: ApiClient) {
  return {
    ...authEndpoints(api),
    ...unitEndpoints(api),
    ...uploadEndpoints(api),
    ...noticeEndpoints(api),
    ...pushEndpoints(api),
    ...repairEndpoints(api),
    ...snapshotEndpoints(api),
    ...moderationEndpoints(api),
    ...feeEndpoints(api),
    ...deskEndpoints(api),
    ...electionEndpoints(api),
    ...invitationEndpoints(api),
    ...onBehalfEndpoints(api),
    ...homeEndpoints(api),
  };
}

export type Endpoints = ReturnType<typeof endpoints>;
