import type { ApiClient } from '../../api/client';
import type { LoginResult, Me, PhoneResult } from '../../api/types';

/** Signing in, the verified phone, and the signed-in user. */
export function authEndpoints(api: ApiClient) {
  return {
    login: (code: string) => api.post<LoginResult>('/api/auth/login', { code }, { auth: false, silent: true }),
    logout: () => api.post<void>('/api/auth/logout'),
    bindPhone: (code: string) => api.post<PhoneResult>('/api/auth/phone', { code }),
    me: () => api.get<Me>('/api/me'),
  };
}
