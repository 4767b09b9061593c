import type { ApiClient } from '../../api/client';
import type {
  ArrearsPage,
  ArrearsReminderPage,
  ArrearsReminderResult,
  CollectionReport,
  CommunitiesCollection,
  TakingsReport,
  BillingConflicts,
  BillingPreview,
  BillingRunList,
  BillingRunResult,
  UndoneBillingRun,
  BillListPage,
  BillSummary,
  CounterReceipt,
  CreatedPayOrder,
  ReconcileRunView,
  FeeItemList,
  PayOrderView,
} from '../../api/types';

export type BillingRequest = { period: string; feeItemIds?: string[] };

/** Bills and WeChat Pay: my units' bills, an order for some of them, the order (and its receipt). */
export function feeEndpoints(api: ApiClient) {
  return {
    billSummary: () => api.get<BillSummary>('/api/bills/summary'),
    unitBills: (unitId: string, status: 'unpaid' | 'paid', cursor?: string) =>
      api.get<BillListPage>('/api/bills', { query: { unitId, status, cursor } }),
    createPayOrder: (billIds: string[]) => api.post<CreatedPayOrder>('/api/pay/orders', { billIds }),
    payOrder: (id: string) => api.get<PayOrderView>(`/api/pay/orders/${id}`),
    staffUnitBills: (communityId: string, unitId: string, status: 'unpaid' | 'paid', cursor?: string) =>
      api.get<BillListPage>(`/api/staff/communities/${communityId}/bills`, { query: { unitId, status, cursor } }),
    refundBill: (billId: string, amountFen: number, reason: string) =>
      api.post<{ id: string; state: string }>(`/api/staff/bills/${billId}/refunds`, { amountFen, reason }),
    waiveBill: (billId: string, reason: string) =>
      api.post<{ id: string; state: string }>(`/api/staff/bills/${billId}/waive`, { reason }),
    takeCounterPayment: (
      communityId: string,
      body: {
        unitId: string;
        channel: 'CASH' | 'TRANSFER' | 'POS';
        amountFen: number;
        payerName?: string;
        payer?: 'OWNER' | 'DEVELOPER';
      },
    ) => api.post<CounterReceipt>(`/api/staff/communities/${communityId}/counter-payments`, body),
    counterPayment: (id: string) => api.get<CounterReceipt>(`/api/staff/counter-payments/${id}`),
    requestVoid: (id: string, reason: string) =>
      api.post<CounterReceipt>(`/api/staff/counter-payments/${id}/void`, { reason }),
    approveVoid: (id: string) => api.post<CounterReceipt>(`/api/staff/counter-payments/${id}/void/approve`, {}),
    reconcile: (day: string) => api.post<ReconcileRunView>('/api/staff/reconciliation/runs', { day }),
    reconcileRun: (day: string) => api.get<ReconcileRunView>(`/api/staff/reconciliation/runs/${day}`),
    resolveDifference: (id: string, note: string) =>
      api.post<{ id: string }>(`/api/staff/reconciliation/differences/${id}/resolve`, { note }),
    feeItems: (communityId: string) => api.get<FeeItemList>(`/api/staff/communities/${communityId}/fee-items`),
    previewBilling: (communityId: string, body: BillingRequest) =>
      api.post<BillingPreview>(`/api/staff/communities/${communityId}/billing/preview`, body),
    runBilling: (communityId: string, body: BillingRequest) =>
      api.post<BillingRunResult>(`/api/staff/communities/${communityId}/billing/runs`, body),
    billingRuns: (communityId: string, cursor?: string) =>
      api.get<BillingRunList>(`/api/staff/communities/${communityId}/billing/runs`, { query: { cursor } }),
    undoBillingRun: (communityId: string, runId: string, reason: string) =>
      api.post<UndoneBillingRun>(`/api/staff/communities/${communityId}/billing/runs/${runId}/undo`, { reason }),
    billingConflicts: (communityId: string, period: string) =>
      api.get<BillingConflicts>(`/api/staff/communities/${communityId}/billing/conflicts`, { query: { period } }),
    takings: (communityId: string, from: string, to: string) =>
      api.get<TakingsReport>(`/api/staff/communities/${communityId}/reports/takings`, { query: { from, to } }),
    collection: (communityId: string, period: string) =>
      api.get<CollectionReport>(`/api/staff/communities/${communityId}/reports/collection`, { query: { period } }),
    communitiesCollection: (period: string) =>
      api.get<CommunitiesCollection>('/api/staff/reports/collection', { query: { period } }),
    arrears: (communityId: string, minMonths: number, cursor?: string) =>
      api.get<ArrearsPage>(`/api/staff/communities/${communityId}/arrears`, {
        query: { minMonths: String(minMonths), cursor },
      }),
    sendReminders: (communityId: string, unitIds: string[], payBy: string) =>
      api.post<ArrearsReminderResult>(`/api/staff/communities/${communityId}/arrears/reminders`, { unitIds, payBy }),
    reminders: (communityId: string, cursor?: string) =>
      api.get<ArrearsReminderPage>(`/api/staff/communities/${communityId}/arrears/reminders`, { query: { cursor } }),
  };
}
