import type { ApiClient } from '../../api/client';
import type { DeskLoginList, DeskRedeemed, DeskTicketView, PhoneTicketView } from '../../api/types';

/**
 * Desk login: the desk browser's ticket (its cookie proves it is the desk's — no session yet) and the
 * scanning phone's side of it.
 */
export function deskEndpoints(api: ApiClient) {
  const ticket = (id: string) => `/api/desk/tickets/${encodeURIComponent(id)}`;
  return {
    newDeskTicket: () => api.post<DeskTicketView>('/api/desk/tickets', {}, { auth: false, silent: true }),
    deskTicket: (id: string) => api.get<DeskTicketView>(ticket(id), { auth: false }),
    deskTicketCodePath: (id: string) => `${ticket(id)}/code`,
    redeemDeskTicket: (id: string) => api.post<DeskRedeemed>(`${ticket(id)}/redeem`, {}, { auth: false, silent: true }),
    scanDeskTicket: (id: string, scene: number) =>
      api.post<PhoneTicketView>(`${ticket(id)}/scan`, { scene }, { silent: true }),
    confirmDeskTicket: (id: string, scene: number, code: string) =>
      api.post<PhoneTicketView>(`${ticket(id)}/confirm`, { scene, code }),
    cancelDeskTicket: (id: string) => api.post<{ state: 'CANCELLED' }>(`${ticket(id)}/cancel`),
    deskLogins: () => api.get<DeskLoginList>('/api/desk/sessions'),
    revokeDeskLogin: (id: string) => api.post<{ id: string }>(`/api/desk/sessions/${id}/revoke`),
  };
}
