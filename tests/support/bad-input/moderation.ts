import type { BadInputCases } from './types.js';

/** Bad input for content safety: the moderation queue and WeChat's message URL. */
export const moderationCases: BadInputCases = ({ uuid }) => {
  const wrongSignature = `signature=${'0'.repeat(40)}&timestamp=1700000000&nonce=abc`;
  return {
    'GET /api/wechat/message': [
      { path: '/api/wechat/message' },
      { path: '/api/wechat/message?signature=xyz&timestamp=1&nonce=a&echostr=1' },
      { path: `/api/wechat/message?${wrongSignature}&echostr=hi`, expect: 403 },
    ],
    'POST /api/wechat/message': [
      { path: '/api/wechat/message', body: { Event: 'wxa_media_check', trace_id: 't' } },
      { path: `/api/wechat/message?${wrongSignature}`, body: { Event: 'wxa_media_check', trace_id: 't' }, expect: 403 },
    ],
    'GET /api/staff/communities/:communityId/moderation': [
      { path: '/api/staff/communities/x/moderation' },
      { path: `/api/staff/communities/${uuid}/moderation?status=ALL` },
    ],
    'POST /api/staff/moderation/:id/decision': [
      { path: `/api/staff/moderation/${uuid}/decision`, body: {} },
      { path: `/api/staff/moderation/${uuid}/decision`, body: { approve: 'yes' } },
      { path: '/api/staff/moderation/1/decision', body: { approve: true } },
    ],
  };
};
