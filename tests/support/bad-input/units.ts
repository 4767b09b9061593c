import type { BadInputCases } from './types.js';

/** Bad input for the units module's routes (tests/bad-input.test.ts runs every module's). */
export const unitsCases: BadInputCases = ({ uuid, site }) => ({
  'GET /api/communities': [],
  'GET /api/communities/:communityId/buildings': [{ path: '/api/communities/not-a-uuid/buildings' }],
  'GET /api/buildings/:buildingId/units': [{ path: "/api/buildings/1'%20OR%201=1/units" }],
  'POST /api/units/bind-requests': [
    { path: '/api/units/bind-requests', body: {} },
    { path: '/api/units/bind-requests', body: { unitId: 'x', relation: 'OWNER' } },
    { path: '/api/units/bind-requests', body: { unitId: site.units[0]!.id, relation: 'LANDLORD' } },
    { path: '/api/units/bind-requests', body: { unitId: site.units[0]!.id } },
  ],
  'GET /api/units/bind-requests': [],
  'GET /api/units/:unitId/members': [{ path: '/api/units/123/members' }],
  'GET /api/units/:unitId/household': [{ path: '/api/units/x/household' }],
  'POST /api/units/:unitId/household/:membershipId/decision': [
    { path: `/api/units/${uuid}/household/nope/decision`, body: { decision: 'approve' } },
    { path: `/api/units/${uuid}/household/${uuid}/decision`, body: { decision: 'yes' } },
    { path: `/api/units/${uuid}/household/${uuid}/decision`, body: { decision: 'reject', reason: ' ' } },
  ],
  'POST /api/units/:unitId/household/:membershipId/removal': [
    { path: `/api/units/nope/household/${uuid}/removal`, body: {} },
    { path: `/api/units/${uuid}/household/${uuid}/removal`, body: { reason: 'x'.repeat(201) } },
    { path: `/api/units/${uuid}/household/${uuid}/removal`, body: { why: '搬走' } },
  ],
  'POST /api/staff/units/:unitId/transfers': [
    { path: '/api/staff/units/nope/transfers', body: {} },
    { path: `/api/staff/units/${uuid}/transfers`, body: {} },
    {
      path: `/api/staff/units/${uuid}/transfers`,
      body: { owners: [], onDate: '2026-01-01', reason: '买卖', evidence: '产权证' },
    },
    {
      path: `/api/staff/units/${uuid}/transfers`,
      body: { owners: [{ name: '甲', phone: '12345' }], onDate: '2026-01-01', reason: '买卖', evidence: '产权证' },
    },
    {
      path: `/api/staff/units/${uuid}/transfers`,
      body: {
        owners: [
          { name: '甲', phone: '13912345678' },
          { name: '乙', phone: '+8613912345678' },
        ],
        onDate: '2026-01-01',
        reason: '买卖',
        evidence: '产权证',
      },
    },
    {
      path: `/api/staff/units/${uuid}/transfers`,
      body: {
        owners: [{ name: '甲', phone: '13912345678' }],
        onDate: '2026-13-01',
        reason: '买卖',
        evidence: '产权证',
      },
    },
    {
      path: `/api/staff/units/${uuid}/transfers`,
      body: { owners: [{ name: '甲', phone: '13912345678' }], onDate: '2026-01-01', reason: '买卖' },
    },
  ],
  'GET /api/staff/communities/:communityId/transfers': [
    { path: '/api/staff/communities/x/transfers' },
    { path: `/api/staff/communities/${uuid}/transfers?limit=0` },
    { path: `/api/staff/communities/${uuid}/transfers?sort=unit` },
  ],
  'GET /api/staff/communities/:communityId/bind-requests': [
    { path: '/api/staff/communities/abc/bind-requests' },
    { path: `/api/staff/communities/${uuid}/bind-requests?status=ALL` },
    { path: `/api/staff/communities/${uuid}/bind-requests?limit=0` },
    { path: `/api/staff/communities/${uuid}/bind-requests?limit=many` },
    { path: `/api/staff/communities/${uuid}/bind-requests?limit=101` },
    { path: `/api/staff/communities/${uuid}/bind-requests?sort=name` },
  ],
  'POST /api/staff/bind-requests/:id/decision': [
    { path: '/api/staff/bind-requests/nope/decision', body: { decision: 'approve' } },
    { path: `/api/staff/bind-requests/${uuid}/decision`, body: { decision: 'maybe' } },
    { path: `/api/staff/bind-requests/${uuid}/decision`, body: { decision: 'reject' } },
    { path: `/api/staff/bind-requests/${uuid}/decision`, body: { decision: 'reject', reason: '   ' } },
    { path: `/api/staff/bind-requests/${uuid}/decision`, body: { decision: 'reject', reason: 'a\u0000b' } },
  ],
});
