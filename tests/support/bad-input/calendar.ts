import type { BadInputCases } from './types.js';

/** Bad input for the working calendar's routes. */
export const calendarCases: BadInputCases = ({ uuid }) => {
  const base = `/api/staff/communities/${uuid}/work-calendar`;
  return {
    'GET /api/staff/communities/:communityId/work-calendar': [{ path: '/api/staff/communities/x/work-calendar' }],
    'PUT /api/staff/communities/:communityId/work-calendar/:date': [
      { path: `${base}/2027-13-01`, body: { working: false, note: '元旦' } },
      { path: `${base}/20270101`, body: { working: false, note: '元旦' } },
      { path: `${base}/2027-01-01`, body: { working: 'no', note: '元旦' } },
      { path: `${base}/2027-01-01`, body: { working: false, note: '' } },
    ],
    'DELETE /api/staff/communities/:communityId/work-calendar/:date': [{ path: `${base}/tomorrow` }],
    'PUT /api/staff/communities/:communityId/work-calendar/years/:year': [
      { path: `${base}/years/next`, body: { days: [{ date: '2027-01-01', working: false, note: '元旦' }] } },
      { path: `${base}/years/2027`, body: { days: [] } },
      { path: `${base}/years/2027`, body: { days: [{ date: '20270101', working: false, note: '元旦' }] } },
      { path: `${base}/years/2027`, body: { days: [{ date: '2027-01-01', working: 'no', note: '元旦' }] } },
    ],
  };
};
