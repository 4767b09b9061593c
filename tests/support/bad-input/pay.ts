import type { BadInputCases } from './types.js';

/** Bad input for WeChat Pay orders, refunds and the notification endpoints. */
export const payCases: BadInputCases = ({ uuid, site }) => ({
  'POST /api/pay/orders': [
    { path: '/api/pay/orders', body: {} },
    { path: '/api/pay/orders', body: { billIds: [] } },
    { path: '/api/pay/orders', body: { billIds: ['x'] } },
    { path: '/api/pay/orders', body: { billIds: Array(25).fill(uuid) } },
    { path: '/api/pay/orders', body: { billIds: uuid } },
  ],
  'GET /api/pay/orders/:id': [{ path: '/api/pay/orders/x' }],
  'POST /api/staff/bills/:id/refunds': [
    { path: `/api/staff/bills/${uuid}/refunds`, body: {} },
    { path: `/api/staff/bills/${uuid}/refunds`, body: { amountFen: 0, reason: '多收退回' } },
    { path: `/api/staff/bills/${uuid}/refunds`, body: { amountFen: 1.5, reason: '多收退回' } },
    { path: `/api/staff/bills/${uuid}/refunds`, body: { amountFen: 100, reason: '' } },
  ],
  'GET /api/staff/communities/:communityId/refunds': [
    { path: `/api/staff/communities/${site.community.id}/refunds?state=DONE` },
    { path: `/api/staff/communities/${site.community.id}/refunds?limit=0` },
    { path: '/api/staff/communities/x/refunds' },
  ],
  // WeChat's endpoints answer `{ code: 'FAIL', message }` so WeChat retries what is not for us.
  'POST /wechat/pay/notify': [
    { path: '/wechat/pay/notify', body: {} },
    { path: '/wechat/pay/notify', raw: 'not json' },
  ],
  'POST /wechat/pay/refund-notify': [{ path: '/wechat/pay/refund-notify', body: { id: 'x' } }],
  'POST /api/staff/reconciliation/runs': [
    { path: '/api/staff/reconciliation/runs', body: {} },
    { path: '/api/staff/reconciliation/runs', body: { day: '2026/11/28' } },
  ],
  'GET /api/staff/reconciliation/runs': [
    { path: '/api/staff/reconciliation/runs' },
    { path: '/api/staff/reconciliation/runs?from=2026-11-30&to=2026-11-01' },
    { path: '/api/staff/reconciliation/runs?from=2026-01-01&to=2026-11-30' },
  ],
  'GET /api/staff/reconciliation/runs/:day': [{ path: '/api/staff/reconciliation/runs/yesterday' }],
  'POST /api/staff/reconciliation/differences/:id/resolve': [
    { path: `/api/staff/reconciliation/differences/${uuid}/resolve`, body: {} },
    { path: '/api/staff/reconciliation/differences/x/resolve', body: { note: '已核实' } },
  ],
});
