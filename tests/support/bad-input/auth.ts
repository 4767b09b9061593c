import type { BadInputCases } from './types.js';

/** Bad input for the auth module's routes (tests/bad-input.test.ts runs every module's). */
export const authCases: BadInputCases = () => ({
  'POST /api/auth/login': [
    { path: '/api/auth/login', body: {} },
    { path: '/api/auth/login', body: { code: '' } },
    { path: '/api/auth/login', body: { code: 42 } },
    { path: '/api/auth/login', body: { code: 'x'.repeat(500) } },
    { path: '/api/auth/login', body: { code: 'abc', admin: true } },
    { path: '/api/auth/login', body: ['code'] },
    { path: '/api/auth/login', raw: '{"code": ' },
    { path: '/api/auth/login', raw: 'code=abc', contentType: 'application/x-www-form-urlencoded', expect: 415 },
    { path: '/api/auth/login', raw: '{"code":"abc"}', contentType: 'text/plain', expect: 415 },
    { path: '/api/auth/login', raw: JSON.stringify({ code: 'y'.repeat(300_000) }), expect: 413 },
  ],
  'POST /api/auth/logout': [],
  'POST /api/auth/phone': [
    { path: '/api/auth/phone', body: {} },
    { path: '/api/auth/phone', body: { code: null } },
  ],
});
