import type { ApiClient } from '../../api/client';
import type { BillListPage, BillSummary, CreatedPayOrder, PayOrderView } from '../../api/types';

/** Bills and WeChat Pay: my units' bills, an order for some of them, the order (and its receipt). */
export function feeEndpoints(api: ApiClient) {
  return {
    billSummary: () => api.get<BillSummary>('/api/bills/summary'),
    unitBills: (unitId: string, status: 'unpaid' | 'paid', cursor?: string) => api.get<BillListPage>('/api/bills', { query: { unitId, status, cursor } }),
    createPayOrder: (billIds: string[]) => api.post<CreatedPayOrder>('/api/pay/orders', { billIds }),
    payOrder: (id: string) => api.get<PayOrderView>(`/api/pay/orders/${id}`),
  };
}
