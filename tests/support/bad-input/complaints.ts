import type { BadInputCases } from './types.js';
import { DEFAULT_COMPLAINT_SLA as sla } from '../../../bff/src/complaints/clocks.js';

/** Bad input for the complaints, return-visits and surveys routes (tests/bad-input.test.ts runs every module's). */
export const complaintsCases: BadInputCases = ({ uuid, site }) => {
  const good = { unitId: site.units[0]!.id, kind: 'COMPLAINT', category: '环境卫生', text: '垃圾两天没有清运' };
  const caller = { ...good, channel: 'PHONE', callerName: '张先生', callerPhone: '13800001234' };
  const staffPath = `/api/staff/communities/${uuid}/complaints`;
  const slaPath = `/api/staff/communities/${uuid}/complaint-sla`;
  const actions = `/api/complaints/${uuid}/actions`;
  const survey = {
    title: '满意度调查',
    questions: [{ type: 'stars', title: '总体满意度' }],
    opensAt: '2026-10-12T00:00:00.000Z',
    closesAt: '2026-10-26T00:00:00.000Z',
  };
  return {
    'POST /api/complaints': [
      { path: '/api/complaints', body: {} },
      { path: '/api/complaints', body: { ...good, kind: 'PRAISE' } },
      { path: '/api/complaints', body: { ...good, category: '别的' } },
      { path: '/api/complaints', body: { ...good, text: '短' } },
      { path: '/api/complaints', body: { ...good, text: 'a\u0000bcdefg' } },
      { path: '/api/complaints', body: { ...good, place: '东门' } },
      { path: '/api/complaints', body: { ...good, anonymous: 'yes' } },
      { path: '/api/complaints', body: { ...good, uploadIds: Array(10).fill(uuid) } },
      { path: '/api/complaints', body: { ...good, status: 'CLOSED' } },
    ],
    'GET /api/complaints': [{ path: '/api/complaints?status=LOST' }, { path: '/api/complaints?limit=1000' }],
    'GET /api/complaints/:id': [{ path: '/api/complaints/TS-1' }],
    'POST /api/complaints/:id/actions': [
      { path: actions, body: {} },
      { path: actions, body: { action: 'close' } },
      { path: actions, body: { action: 'triage', department: '财务部', assigneeId: uuid } },
      { path: actions, body: { action: 'triage', department: '工程部' } },
      { path: actions, body: { action: 'contact' } },
      { path: actions, body: { action: 'confirm', satisfied: 'yes' } },
      { path: actions, body: { action: 'confirm', satisfied: false, reason: '太脏了' } },
      { path: actions, body: { action: 'confirm', satisfied: true, reason: '处理太慢' } },
      { path: '/api/complaints/x/actions', body: { action: 'done', note: '好了' } },
    ],
    'POST /api/staff/communities/:communityId/complaints': [
      { path: staffPath, body: {} },
      { path: staffPath, body: { ...caller, channel: 'APP' } },
      { path: staffPath, body: { ...caller, callerPhone: 'call me' } },
      { path: staffPath, body: { ...caller, callerName: '' } },
      { path: '/api/staff/communities/1/complaints', body: caller },
    ],
    'GET /api/staff/communities/:communityId/complaint-sla': [{ path: '/api/staff/communities/1/complaint-sla' }],
    'PUT /api/staff/communities/:communityId/complaint-sla': [
      { path: slaPath, body: {} },
      { path: slaPath, body: { ...sla, triageMinutes: 0 } },
      { path: slaPath, body: { ...sla, contactHours: 1.5 } },
      { path: slaPath, body: { ...sla, autoCloseDays: 31 } },
      { path: slaPath, body: { ...sla, escalation: [{ label: '空', roles: [], userIds: [], minutes: 8 }] } },
      { path: slaPath, body: { ...sla, workStart: 480 } },
    ],
    'GET /api/staff/communities/:communityId/return-visits': [
      { path: '/api/staff/communities/1/return-visits' },
      { path: `/api/staff/communities/${uuid}/return-visits?status=LATE` },
      { path: `/api/staff/communities/${uuid}/return-visits?month=2026-1` },
    ],
    'GET /api/staff/communities/:communityId/return-visits/rate': [
      { path: `/api/staff/communities/${uuid}/return-visits/rate` },
      { path: `/api/staff/communities/${uuid}/return-visits/rate?month=2026-13` },
    ],
    'POST /api/staff/return-visits/:id': [
      { path: `/api/staff/return-visits/${uuid}`, body: {} },
      { path: `/api/staff/return-visits/${uuid}`, body: { result: 'HAPPY' } },
      { path: '/api/staff/return-visits/1', body: { result: 'SATISFIED' } },
    ],
    'POST /api/staff/return-visits/:id/reveal-phone': [
      { path: `/api/staff/return-visits/${uuid}/reveal-phone`, body: {} },
      { path: `/api/staff/return-visits/${uuid}/reveal-phone`, body: { reason: '\u200b\u200b\u200b' } },
      { path: `/api/staff/return-visits/${uuid}/reveal-phone`, body: { reason: '电话回访', field: 'ID_NUMBER' } },
      { path: '/api/staff/return-visits/1/reveal-phone', body: { reason: '电话回访' } },
    ],
    'POST /api/staff/communities/:communityId/surveys': [
      { path: `/api/staff/communities/${uuid}/surveys`, body: {} },
      { path: `/api/staff/communities/${uuid}/surveys`, body: { ...survey, questions: [] } },
      {
        path: `/api/staff/communities/${uuid}/surveys`,
        body: { ...survey, questions: [{ type: 'rank', title: '排序' }] },
      },
      {
        path: `/api/staff/communities/${uuid}/surveys`,
        body: { ...survey, questions: [{ type: 'single', title: '单选', options: ['一'] }] },
      },
      { path: `/api/staff/communities/${uuid}/surveys`, body: { ...survey, closesAt: survey.opensAt } },
      { path: '/api/staff/communities/1/surveys', body: survey },
    ],
    'GET /api/surveys': [],
    'GET /api/surveys/:id': [{ path: '/api/surveys/1' }],
    'POST /api/surveys/:id/responses': [
      { path: `/api/surveys/${uuid}/responses`, body: {} },
      { path: `/api/surveys/${uuid}/responses`, body: { unitId: uuid, answers: [] } },
      { path: `/api/surveys/${uuid}/responses`, body: { unitId: uuid, answers: [{ stars: 5 }] } },
      { path: '/api/surveys/1/responses', body: { unitId: uuid, answers: [5] } },
    ],
    'GET /api/staff/surveys/:id/results': [{ path: '/api/staff/surveys/1/results' }],
    'POST /api/committee/communities/:communityId/surveys': [
      { path: `/api/committee/communities/${uuid}/surveys`, body: {} },
      { path: `/api/committee/communities/${uuid}/surveys`, body: { ...survey, questions: [] } },
      { path: '/api/committee/communities/1/surveys', body: survey },
    ],
    'GET /api/committee/communities/:communityId/surveys': [
      { path: '/api/committee/communities/1/surveys' },
      { path: `/api/committee/communities/${uuid}/surveys?limit=0` },
    ],
    'GET /api/committee/surveys/:id/results': [{ path: '/api/committee/surveys/1/results' }],
    'POST /api/company/survey-templates': [
      { path: '/api/company/survey-templates', body: {} },
      { path: '/api/company/survey-templates', body: { surveyId: '1' } },
      { path: '/api/company/survey-templates', body: { surveyId: uuid, title: '' } },
      { path: '/api/company/survey-templates', body: { surveyId: uuid, extra: 1 } },
    ],
    'GET /api/staff/communities/:communityId/survey-templates': [{ path: '/api/staff/communities/1/survey-templates' }],
  };
};
