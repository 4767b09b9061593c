import type { BadInputCases } from './types.js';

/** Bad input for fee standards, billing and residents' bills. */
export const feesCases: BadInputCases = ({ uuid, site }) => {
  const c = `/api/staff/communities/${site.community.id}`;
  const item = { kind: 'PROPERTY', name: '物业服务费', amountFen: 235, cycle: 'MONTH' };
  return {
    'GET /api/bills/summary': [],
    'GET /api/bills': [
      { path: '/api/bills' },
      { path: `/api/bills?unitId=${uuid}&status=open` },
      { path: '/api/bills?unitId=1' },
    ],
    'GET /api/staff/communities/:communityId/bills': [
      { path: `${c}/bills` },
      { path: `${c}/bills?unitId=${uuid}&status=all` },
    ],
    'GET /api/staff/communities/:communityId/arrears': [
      { path: `${c}/arrears?minMonths=-1` },
      { path: `${c}/arrears?cursor=abc` },
      { path: `${c}/arrears?buildingId=1` },
    ],
    'GET /api/staff/communities/:communityId/arrears/export': [
      { path: `${c}/arrears/export` },
      { path: `${c}/arrears/export?format=pdf` },
    ],
    'POST /api/staff/communities/:communityId/arrears/reminders': [
      { path: `${c}/arrears/reminders`, body: {} },
      { path: `${c}/arrears/reminders`, body: { unitIds: [] } },
      { path: `${c}/arrears/reminders`, body: { unitIds: ['x'] } },
      { path: `${c}/arrears/reminders`, body: { unitIds: Array.from({ length: 201 }, () => uuid) } },
      { path: `${c}/arrears/reminders`, body: { unitIds: [uuid], payBy: '12/15' } },
    ],
    'GET /api/staff/communities/:communityId/arrears/reminders': [
      { path: `${c}/arrears/reminders?cursor=x` },
      { path: `${c}/arrears/reminders?unitId=1` },
    ],
    'GET /api/staff/communities/:communityId/reports/takings': [
      { path: `${c}/reports/takings` },
      { path: `${c}/reports/takings?from=2026-11-01` },
      { path: `${c}/reports/takings?from=2026-13-01&to=2026-13-02` },
      { path: `${c}/reports/takings?from=2026-11-02&to=2026-11-01` },
      { path: `${c}/reports/takings?from=2025-01-01&to=2026-11-01` },
    ],
    'GET /api/staff/communities/:communityId/reports/takings/export': [
      { path: `${c}/reports/takings/export?from=2026-11-01&to=2026-11-02` },
      { path: `${c}/reports/takings/export?from=2026-11-01&to=2026-11-02&format=pdf` },
    ],
    'GET /api/staff/communities/:communityId/reports/collection': [
      { path: `${c}/reports/collection` },
      { path: `${c}/reports/collection?period=2026-13` },
      { path: `${c}/reports/collection?period=2026-Q5` },
    ],
    'GET /api/staff/communities/:communityId/reports/collection/export': [
      { path: `${c}/reports/collection/export?period=2026-11` },
      { path: `${c}/reports/collection/export?period=2026-11&format=doc` },
    ],
    'GET /api/staff/reports/collection': [
      { path: '/api/staff/reports/collection' },
      { path: '/api/staff/reports/collection?period=11' },
    ],
    'GET /api/staff/communities/:communityId/fee-items': [{ path: '/api/staff/communities/x/fee-items' }],
    'POST /api/staff/communities/:communityId/fee-items': [
      { path: `${c}/fee-items`, body: {} },
      { path: `${c}/fee-items`, body: { ...item, amountFen: 2.35 } },
      { path: `${c}/fee-items`, body: { ...item, amountFen: -1 } },
      { path: `${c}/fee-items`, body: { ...item, amountFen: '235' } },
      { path: `${c}/fee-items`, body: { ...item, cycle: undefined } },
      { path: `${c}/fee-items`, body: { ...item, kind: 'SHARED' } },
      { path: `${c}/fee-items`, body: { ...item, kind: 'PARKING', buildingType: '高层' } },
      { path: `${c}/fee-items`, body: { ...item, name: 'x'.repeat(41) } },
    ],
    'POST /api/staff/communities/:communityId/fee-items/:itemId/retire': [
      { path: `${c}/fee-items/1/retire`, body: {} },
    ],
    'GET /api/staff/communities/:communityId/fee-settings': [{ path: '/api/staff/communities/x/fee-settings' }],
    'PUT /api/staff/communities/:communityId/fee-settings': [
      { path: `${c}/fee-settings`, body: {} },
      {
        path: `${c}/fee-settings`,
        body: { lateFeeEnabled: true, lateFeeBpsPerDay: 0, lateFeeCapBps: 1000, lateFeeGraceDays: 0 },
      },
      {
        path: `${c}/fee-settings`,
        body: { lateFeeEnabled: true, lateFeeBpsPerDay: 5, lateFeeCapBps: 5000, lateFeeGraceDays: 0 },
      },
      {
        path: `${c}/fee-settings`,
        body: { lateFeeEnabled: true, lateFeeBpsPerDay: 0.5, lateFeeCapBps: 1000, lateFeeGraceDays: 0 },
      },
    ],
    'POST /api/staff/communities/:communityId/billing/preview': [
      { path: `${c}/billing/preview`, body: {} },
      { path: `${c}/billing/preview`, body: { period: '2026-13' } },
      { path: `${c}/billing/preview`, body: { period: '2026-Q5' } },
      { path: `${c}/billing/preview`, body: { period: '2026', feeItemIds: ['x'] } },
    ],
    'POST /api/staff/communities/:communityId/billing/runs': [
      { path: `${c}/billing/runs`, body: { period: 202612 } },
      { path: `${c}/billing/runs`, body: { period: '2026-1' } },
      { path: `${c}/billing/runs`, body: { period: '2026', feeItemIds: Array(51).fill(uuid) } },
    ],
    'GET /api/staff/communities/:communityId/billing/runs': [
      { path: `${c}/billing/runs?limit=0` },
      { path: `${c}/billing/runs?limit=x` },
    ],
    'POST /api/staff/communities/:communityId/billing/runs/:runId/undo': [
      { path: `${c}/billing/runs/x/undo`, body: { reason: '数据有误重新生成' } },
      { path: `${c}/billing/runs/${uuid}/undo`, body: {} },
      { path: `${c}/billing/runs/${uuid}/undo`, body: { reason: '错' } },
    ],
    'GET /api/staff/communities/:communityId/billing/conflicts': [
      { path: `${c}/billing/conflicts` },
      { path: `${c}/billing/conflicts?period=2026-13` },
    ],
    'POST /api/staff/communities/:communityId/counter-payments': [
      { path: `${c}/counter-payments`, body: {} },
      { path: `${c}/counter-payments`, body: { unitId: uuid, channel: 'WECHAT', amountFen: 100 } },
      { path: `${c}/counter-payments`, body: { unitId: uuid, channel: 'CASH', amountFen: 1.5 } },
      { path: `${c}/counter-payments`, body: { unitId: uuid, channel: 'CASH', amountFen: 100, billIds: [] } },
      { path: `${c}/counter-payments`, body: { unitId: uuid, channel: 'CASH', amountFen: 100, payer: 'TENANT' } },
    ],
    'GET /api/staff/communities/:communityId/counter/units': [
      { path: `${c}/counter/units` },
      { path: `${c}/counter/units?q=%20%20` },
      { path: `${c}/counter/units?q=${'王'.repeat(41)}` },
    ],
    'GET /api/staff/communities/:communityId/counter-payments': [
      { path: `${c}/counter-payments?unitId=1` },
      { path: `${c}/counter-payments?state=PAID` },
      { path: `${c}/counter-payments?limit=101` },
    ],
    'GET /api/staff/counter-payments/:id': [{ path: '/api/staff/counter-payments/x' }],
    'POST /api/staff/counter-payments/:id/void': [
      { path: `/api/staff/counter-payments/${uuid}/void`, body: { reason: '错' } },
    ],
    'POST /api/staff/counter-payments/:id/void/approve': [
      { path: '/api/staff/counter-payments/x/void/approve', body: {} },
    ],
    'POST /api/staff/counter-payments/:id/void/reject': [
      { path: `/api/staff/counter-payments/${uuid}/void/reject`, body: {} },
      { path: `/api/staff/counter-payments/${uuid}/void/reject`, body: { reason: '不' } },
      { path: '/api/staff/counter-payments/x/void/reject', body: { reason: '金额无误，不予作废' } },
    ],
    'POST /api/staff/bills/:id/waive': [
      { path: `/api/staff/bills/${uuid}/waive`, body: {} },
      { path: `/api/staff/bills/${uuid}/waive`, body: { reason: '减免' } },
      { path: '/api/staff/bills/x/waive', body: { reason: '疫情期间减免' } },
    ],
  };
};
