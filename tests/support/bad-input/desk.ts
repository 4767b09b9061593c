import type { BadInputCases } from './types.js';

/** Bad input for the desk login routes (tests/bad-input.test.ts runs every module's). */
export const deskCases: BadInputCases = ({ uuid }) => {
  const unknown = 'A'.repeat(32);
  const malformed = ['short', 'x'.repeat(33), '%E4%BD%A0'.padEnd(32, 'a')];
  const perTicket = (suffix: string, expectUnknown: number) => [
    ...malformed.map((t) => ({ path: `/api/desk/tickets/${t}${suffix}` })),
    { path: `/api/desk/tickets/${unknown}${suffix}`, expect: expectUnknown },
  ];
  return {
    'POST /api/desk/tickets': [{ path: '/api/desk/tickets', raw: 'x', contentType: 'text/plain', expect: 415 }],
    // The desk side: a ticket without this browser's cookie is "not found".
    'GET /api/desk/tickets/:ticket': perTicket('', 404),
    'GET /api/desk/tickets/:ticket/code': perTicket('/code', 404),
    'POST /api/desk/tickets/:ticket/redeem': perTicket('/redeem', 404),
    // The phone side: an unknown ticket has expired as far as anyone can tell (and this caller is no staff).
    'POST /api/desk/tickets/:ticket/scan': perTicket('/scan', 403),
    'POST /api/desk/tickets/:ticket/confirm': perTicket('/confirm', 403),
    'POST /api/desk/tickets/:ticket/cancel': perTicket('/cancel', 410),
    'GET /api/desk/sessions': [],
    'POST /api/desk/sessions/:id/revoke': [
      { path: '/api/desk/sessions/not-a-uuid/revoke' },
      { path: `/api/desk/sessions/${uuid}/revoke`, expect: 404 },
    ],
  };
};
