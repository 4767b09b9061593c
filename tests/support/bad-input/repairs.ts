import type { BadInputCases } from './types.js';
import { DEFAULT_SLA as sla } from '../../../bff/src/repairs/sla.js';

/** Bad input for the repairs module's routes (tests/bad-input.test.ts runs every module's). */
export const repairsCases: BadInputCases = ({ uuid, site }) => {
  const good = { unitId: site.units[0]!.id, faultType: 'WATER', part: '水龙头', phenomenon: '漏水', emergency: false };
  return {
    'POST /api/repairs': [
      { path: '/api/repairs', body: {} },
      { path: '/api/repairs', body: { ...good, faultType: 'FIRE' } },
      { path: '/api/repairs', body: { ...good, emergency: 'yes' } },
      { path: '/api/repairs', body: { ...good, part: '\u200b' } },
      { path: '/api/repairs', body: { ...good, phenomenon: 'a\u0000b' } },
      { path: '/api/repairs', body: { ...good, unitId: undefined } },
      { path: '/api/repairs', body: { ...good, commonArea: '东门' } },
      { path: '/api/repairs', body: { ...good, uploadIds: Array(10).fill(uuid) } },
      { path: '/api/repairs', body: { ...good, status: 'CLOSED' } },
    ],
    'GET /api/repairs': [{ path: '/api/repairs?status=DONE' }, { path: '/api/repairs?limit=1000' }],
    'GET /api/repairs/jobs': [{ path: '/api/repairs/jobs?cursor=nope' }],
    'GET /api/repairs/:id': [{ path: '/api/repairs/BX20261123-0001' }],
    'POST /api/repairs/:id/actions': [
      { path: `/api/repairs/${uuid}/actions`, body: {} },
      { path: `/api/repairs/${uuid}/actions`, body: { action: 'explode' } },
      { path: `/api/repairs/${uuid}/actions`, body: { action: 'assign' } },
      { path: `/api/repairs/${uuid}/actions`, body: { action: 'return', reason: 'BUSY' } },
      { path: `/api/repairs/${uuid}/actions`, body: { action: 'extend', days: 15, reason: '等配件' } },
      { path: `/api/repairs/${uuid}/actions`, body: { action: 'propose', appointmentAt: '明天上午' } },
      { path: `/api/repairs/${uuid}/actions`, body: { action: 'propose', appointmentAt: '2026-12-20T01:00:00.000Z' } },
      { path: `/api/repairs/${uuid}/actions`, body: { action: 'rate', attitude: 6, quality: 5 } },
      { path: `/api/repairs/${uuid}/actions`, body: { action: 'defer', plan: '下周处理主管', residentAgreed: false } },
      { path: '/api/repairs/x/actions', body: { action: 'accept' } },
    ],
    'POST /api/repairs/:id/appointment-answer': [
      { path: `/api/repairs/${uuid}/appointment-answer`, body: {} },
      { path: `/api/repairs/${uuid}/appointment-answer`, body: { agree: 'yes' } },
      { path: '/api/repairs/x/appointment-answer', body: { agree: true } },
    ],
    'GET /api/staff/communities/:communityId/repairs/overdue': [{ path: '/api/staff/communities/1/repairs/overdue' }],
    'GET /api/staff/communities/:communityId/repair-sla': [{ path: '/api/staff/communities/1/repair-sla' }],
    'PUT /api/staff/communities/:communityId/repair-sla': [
      { path: `/api/staff/communities/${uuid}/repair-sla`, body: {} },
      { path: `/api/staff/communities/${uuid}/repair-sla`, body: { ...sla, acceptMinutes: 0 } },
      { path: `/api/staff/communities/${uuid}/repair-sla`, body: { ...sla, workStart: 1000, workEnd: 600 } },
      { path: `/api/staff/communities/${uuid}/repair-sla`, body: { ...sla, feedbackDays: 4.5 } },
      {
        path: `/api/staff/communities/${uuid}/repair-sla`,
        body: { ...sla, escalation: [{ label: '空', roles: [], userIds: [], minutes: 8 }] },
      },
      {
        path: `/api/staff/communities/${uuid}/repair-sla`,
        body: { ...sla, escalation: [{ label: '老板', roles: ['BOSS'], minutes: 8 }] },
      },
      {
        path: `/api/staff/communities/${uuid}/repair-sla`,
        body: { ...sla, escalation: Array(6).fill(sla.escalation[0]) },
      },
      {
        path: `/api/staff/communities/${uuid}/repair-sla`,
        body: { ...sla, emergencyEscalation: [{ label: '空', roles: [], userIds: [], minutes: 8 }] },
      },
    ],
    'GET /api/communities/:communityId/repair-service': [{ path: '/api/communities/abc/repair-service' }],
    'GET /api/staff/communities/:communityId/technicians': [{ path: '/api/staff/communities/nope/technicians' }],
    'GET /api/staff/communities/:communityId/staff': [{ path: '/api/staff/communities/nope/staff' }],
    'GET /api/staff/communities/:communityId/repairs': [
      { path: '/api/staff/communities/x/repairs' },
      { path: `/api/staff/communities/${uuid}/repairs?status=OPEN` },
    ],
  };
};
