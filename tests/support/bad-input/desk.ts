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
    'POST /api/desk/tickets/:ticket/abandon': perTicket('/abandon', 404),
    // The phone side: this caller is no staff, so no ticket exists for them (docs/wechat.md §6).
    'POST /api/desk/tickets/:ticket/scan': [
      ...perTicket('/scan', 400),
      { path: `/api/desk/tickets/${unknown}/scan`, body: { scene: 1047 }, expect: 404 },
      { path: `/api/desk/tickets/${unknown}/scan`, body: { scene: '1047' } },
      { path: `/api/desk/tickets/${unknown}/scan`, body: { scene: 1047, extra: 1 } },
    ],
    'POST /api/desk/tickets/:ticket/confirm': [
      ...perTicket('/confirm', 400),
      { path: `/api/desk/tickets/${unknown}/confirm`, body: { scene: 1047, code: '42' }, expect: 404 },
      { path: `/api/desk/tickets/${unknown}/confirm`, body: { scene: 1047 } },
      { path: `/api/desk/tickets/${unknown}/confirm`, body: { scene: 1047, code: '4x' } },
      { path: `/api/desk/tickets/${unknown}/confirm`, body: { scene: 1.5, code: '42' } },
    ],
    'POST /api/desk/tickets/:ticket/cancel': perTicket('/cancel', 404),
    'GET /api/desk/sessions': [],
    'POST /api/desk/sessions/:id/revoke': [
      { path: '/api/desk/sessions/not-a-uuid/revoke' },
      { path: `/api/desk/sessions/${uuid}/revoke`, expect: 404 },
    ],
  };
};
