import type { BadInputCases } from './types.js';

/** Bad input for people, roles and the audit log (tests/bad-input.test.ts runs every module's). */
export const rolesCases: BadInputCases = ({ uuid, site }) => {
  const c = site.community.id;
  return {
    'GET /api/company/places': [{ path: '/api/company/places?x=1' }],
    'GET /api/company/people': [
      { path: '/api/company/people' },
      { path: `/api/company/people?communityId=${c}&companyId=${site.companyId}` },
      { path: '/api/company/people?communityId=nope' },
      // Not the caller's community: it does not exist for them.
      { path: `/api/company/people?communityId=${c}`, expect: 404 },
      { path: `/api/company/people?companyId=${uuid}`, expect: 404 },
    ],
    'DELETE /api/company/roles/:id': [
      { path: '/api/company/roles/nope' },
      { path: `/api/company/roles/${uuid}?reason=${'长'.repeat(201)}` },
      { path: `/api/company/roles/${uuid}?reason=%E2%80%8B` },
      { path: `/api/company/roles/${uuid}?other=1` },
      { path: `/api/company/roles/${uuid}`, expect: 404 },
    ],
    'POST /api/company/invitations': [
      { path: '/api/company/invitations', body: {} },
      { path: '/api/company/invitations', body: { phone: '123', role: 'CASHIER', communityId: c } },
      { path: '/api/company/invitations', body: { phone: '13912345678', role: 'OWNER', communityId: c } },
      { path: '/api/company/invitations', body: { phone: '13912345678', role: 'COMMITTEE_MEMBER', communityId: c } },
      // A company admin is invited into the company, any other role into a community.
      { path: '/api/company/invitations', body: { phone: '13912345678', role: 'COMPANY_ADMIN', communityId: c } },
      { path: '/api/company/invitations', body: { phone: '13912345678', role: 'CASHIER', companyId: site.companyId } },
      { path: '/api/company/invitations', body: { phone: 13912345678, role: 'CASHIER', communityId: c } },
      { path: '/api/company/invitations', body: { phone: '13912345678', role: 'CASHIER', communityId: c, x: 1 } },
      { path: '/api/company/invitations', raw: '{"phone":', contentType: 'application/json' },
      {
        path: '/api/company/invitations',
        body: { phone: '13912345678', role: 'CASHIER', communityId: c },
        expect: 404,
      },
    ],
    'GET /api/company/invitations': [
      { path: '/api/company/invitations' },
      { path: `/api/company/invitations?communityId=${c}&state=open` },
      { path: `/api/company/invitations?communityId=${c}&limit=1000` },
      { path: `/api/company/invitations?communityId=${c}&limit=0` },
      { path: `/api/company/invitations?communityId=${c}`, expect: 404 },
    ],
    'POST /api/company/invitations/:id/confirm': [
      { path: '/api/company/invitations/nope/confirm' },
      { path: `/api/company/invitations/${uuid}/confirm`, body: { x: 1 } },
      { path: `/api/company/invitations/${uuid}/confirm`, expect: 404 },
    ],
    'POST /api/company/invitations/:id/revoke': [
      { path: '/api/company/invitations/nope/revoke' },
      { path: `/api/company/invitations/${uuid}/revoke`, expect: 404 },
    ],
    'GET /api/company/audit': [
      { path: '/api/company/audit' },
      { path: `/api/company/audit?companyId=${site.companyId}&from=2026-13-01` },
      { path: `/api/company/audit?companyId=${site.companyId}&from=2026-12-02&to=2026-12-01` },
      { path: `/api/company/audit?companyId=${site.companyId}&kind=role removed` },
      { path: `/api/company/audit?companyId=${site.companyId}&personId=x` },
      { path: `/api/company/audit?companyId=${site.companyId}`, expect: 404 },
    ],
    'GET /api/company/audit/export': [
      { path: `/api/company/audit/export?companyId=${site.companyId}&format=pdf` },
      { path: `/api/company/audit/export?companyId=${site.companyId}&cursor=x` },
      { path: `/api/company/audit/export?companyId=${site.companyId}`, expect: 404 },
    ],
  };
};
