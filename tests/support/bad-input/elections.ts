import type { BadInputCases } from './types.js';

/** Bad input for owners' votes and committee elections. */
export const electionsCases: BadInputCases = ({ uuid, site }) => {
  const c = `/api/committee/communities/${site.community.id}/elections`;
  const e = `/api/committee/elections/${uuid}`;
  const later = new Date(Date.now() + 86_400_000).toISOString();
  return {
    'GET /api/committee/communities/:communityId/elections': [
      { path: '/api/committee/communities/x/elections' },
      { path: c, expect: 404 },
    ],
    'POST /api/committee/communities/:communityId/elections': [
      { path: c, body: {} },
      { path: c, body: { title: '选举', kind: 'ELECTION', seats: 3, closesAt: later } },
      { path: c, body: { title: '第三届业委会选举', kind: 'VOTE', seats: 3, closesAt: later } },
      { path: c, body: { title: '第三届业委会选举', kind: 'ELECTION', seats: 2, closesAt: later } },
      { path: c, body: { title: '第三届业委会选举', kind: 'ELECTION', class: 'SPECIAL', seats: 3, closesAt: later } },
      { path: c, body: { title: '第三届业委会选举', kind: 'MATTER', seats: 3, closesAt: later } },
      { path: c, body: { title: '第三届业委会选举', kind: 'ELECTION', seats: 3, closesAt: 'tomorrow' } },
      { path: c, body: { title: '第三届业委会选举', kind: 'ELECTION', seats: 3, closesAt: later }, expect: 404 },
    ],
    'GET /api/committee/elections/:id': [{ path: '/api/committee/elections/1' }, { path: e, expect: 404 }],
    'POST /api/committee/elections/:id/candidates': [
      { path: `${e}/candidates`, body: {} },
      {
        path: `${e}/candidates`,
        body: { name: '张三', sex: '未知', age: 40, affiliation: '群众', occupation: '教师' },
      },
      { path: `${e}/candidates`, body: { name: '张三', sex: '男', age: 12, affiliation: '群众', occupation: '教师' } },
      {
        path: `${e}/candidates`,
        body: { name: '张三', sex: '男', age: 40, affiliation: '群众', occupation: '教师' },
        expect: 404,
      },
    ],
    'GET /api/committee/elections/:id/roster': [
      { path: '/api/committee/elections/1/roster' },
      { path: `${e}/roster`, expect: 404 },
    ],
    'POST /api/committee/elections/:id/roster/confirmation': [
      { path: '/api/committee/elections/1/roster/confirmation' },
      { path: `${e}/roster/confirmation`, expect: 404 },
    ],
    'PUT /api/committee/elections/:id/deadline': [
      { path: '/api/committee/elections/1/deadline', body: { closesAt: later } },
      { path: `${e}/deadline`, body: { closesAt: 'tomorrow' } },
      { path: `${e}/deadline`, body: { closesAt: later }, expect: 404 },
    ],
    'GET /api/committee/elections/:id/reviews': [
      { path: '/api/committee/elections/1/reviews' },
      { path: `${e}/reviews`, expect: 404 },
    ],
    'POST /api/committee/elections/:id/reviews/:reviewId/decision': [
      { path: `${e}/reviews/x/decision`, body: { approve: true } },
      { path: `${e}/reviews/${uuid}/decision`, body: { approve: 'yes' } },
      { path: `${e}/reviews/${uuid}/decision`, body: { approve: true }, expect: 404 },
    ],
    'DELETE /api/committee/elections/:id/candidates/:candidateId': [
      { path: `${e}/candidates/x` },
      { path: `${e}/candidates/${uuid}`, expect: 404 },
    ],
    'PUT /api/committee/elections/:id/roster/:unitId': [
      {
        path: `${e}/roster/${uuid}`,
        body: { area: '90.123', areaSource: 'SURVEYED', developerHeld: false, reason: '按实测面积更正' },
      },
      {
        path: `${e}/roster/${uuid}`,
        body: { area: '90.12', areaSource: 'GUESSED', developerHeld: false, reason: '按实测面积更正' },
      },
      {
        path: `${e}/roster/${uuid}`,
        body: { area: '90.12', areaSource: 'SURVEYED', developerHeld: false, reason: '更正' },
      },
      {
        path: `${e}/roster/${uuid}`,
        body: { area: '90.12', areaSource: 'SURVEYED', developerHeld: false, reason: '按实测面积更正' },
        expect: 404,
      },
    ],
    'POST /api/committee/elections/:id/steps/:step': [
      { path: `${e}/steps/restart` },
      { path: `${e}/steps/open`, expect: 404 },
    ],
    'POST /api/committee/elections/:id/paper-ballots': [
      { path: `${e}/paper-ballots`, body: {} },
      { path: `${e}/paper-ballots`, body: { unitId: uuid, channel: 'EMAIL', choices: [], evidenceUploadId: uuid } },
      {
        path: `${e}/paper-ballots`,
        body: { unitId: uuid, channel: 'PAPER', choices: [], evidenceUploadId: uuid },
        expect: 404,
      },
    ],
    'POST /api/committee/elections/:id/voters': [
      { path: `${e}/voters`, body: {} },
      { path: `${e}/voters`, body: { unitId: uuid, phone: 'abc', reason: '继承人参加表决', evidenceUploadId: uuid } },
      {
        path: `${e}/voters`,
        body: {
          unitId: uuid,
          kind: 'SUCCESSOR',
          phone: '13800138000',
          reason: '继承人参加表决',
          evidenceUploadId: uuid,
        },
        expect: 404,
      },
    ],
    'PUT /api/committee/notices/:id': [
      { path: '/api/committee/notices/x', body: { title: '更正公告', body: '<p>更正</p>', version: 1 } },
      { path: `/api/committee/notices/${uuid}`, body: { title: '更正公告', body: '<p>更正</p>' } },
      {
        path: `/api/committee/notices/${uuid}`,
        body: { title: '更正公告', body: '<p>更正</p>', version: 1 },
        expect: 404,
      },
    ],
    'POST /api/committee/notices/:id/withdraw': [
      { path: `/api/committee/notices/${uuid}/withdraw`, body: {} },
      { path: `/api/committee/notices/${uuid}/withdraw`, body: { reason: '公示有误' }, expect: 404 },
    ],
    'POST /api/committee/elections/:id/deliveries': [
      { path: `${e}/deliveries`, body: {} },
      { path: `${e}/deliveries`, body: { unitIds: ['x'] } },
      { path: `${e}/deliveries`, body: { unitIds: [uuid] }, expect: 404 },
    ],
    'POST /api/committee/elections/:id/reminders': [
      { path: '/api/committee/elections/x/reminders' },
      { path: `${e}/reminders`, expect: 404 },
    ],
    'GET /api/committee/elections/:id/export': [
      { path: '/api/committee/elections/x/export' },
      { path: `${e}/export`, expect: 404 },
    ],
    'GET /api/elections': [],
    'GET /api/elections/:id': [{ path: '/api/elections/x' }, { path: `/api/elections/${uuid}`, expect: 404 }],
    'POST /api/elections/:id/ballots': [
      { path: `/api/elections/${uuid}/ballots`, body: {} },
      { path: `/api/elections/${uuid}/ballots`, body: { choices: 'YES' } },
      { path: `/api/elections/${uuid}/ballots`, body: { choices: ['YES'] }, expect: 404 },
    ],
    'GET /api/elections/:id/receipts/:code': [
      { path: `/api/elections/${uuid}/receipts/abc` },
      { path: `/api/elections/${uuid}/receipts/AAAA-BBBB-CCCC`, expect: 404 },
    ],
  };
};
