import type { BadInputCases } from './types.js';

/** Bad input for the uploads module's routes (tests/bad-input.test.ts runs every module's). */
export const uploadsCases: BadInputCases = ({ uuid }) => ({
  'POST /api/uploads': [
    { path: '/api/uploads', body: { file: 'data:image/png;base64,AAAA' }, expect: 415 },
    {
      path: '/api/uploads',
      raw: '--x\r\ncontent-disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nhello\r\n--x--\r\n',
      contentType: 'multipart/form-data; boundary=x',
      expect: 415,
    },
    { path: '/api/uploads', raw: 'garbage', contentType: 'multipart/form-data' },
    { path: '/api/uploads', raw: '--x--\r\n', contentType: 'multipart/form-data; boundary=x' },
  ],
  'GET /api/uploads/:id': [{ path: '/api/uploads/not-an-id' }],
  'GET /files/*key': [
    { path: '/files/uploads/2026-11/x.jpg?expires=1&sig=abcdefghijkl' },
    { path: '/files/uploads/..%2f..%2fetc%2fpasswd?expires=1&sig=abcdefghijkl' },
    { path: `/files/uploads/2026-11/${uuid}.jpg` },
  ],
});
