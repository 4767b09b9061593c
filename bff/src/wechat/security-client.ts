import { z } from 'zod';
import { retryBusyOnce, wechatFailure, type WechatHttp } from './http.js';
import type { AccessTokenCache } from './access-token.js';

export type TextVerdict = { suggest: 'pass' | 'review' | 'risky'; label: number; traceId: string };

/** msg_sec_check's verdict (`result`) and trace id; the per-strategy `detail` is not read. */
const ZTextCheck = z.looseObject({
  trace_id: z.string().optional(),
  result: z.looseObject({ suggest: z.enum(['pass', 'review', 'risky']), label: z.coerce.number() }),
});

/** Scenes of msg_sec_check / media_check_async: 1 profile, 2 comment, 3 forum, 4 social log. */
export type SecurityScene = 1 | 2 | 3 | 4;

/**
 * Content security (内容安全). errcode 0 only means the call worked; the verdict is `result.suggest`.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/mediaCheckAsync.html
 */
export function createSecurityClient(http: WechatHttp, tokens: AccessTokenCache) {
  return {
    /** Text up to 2500 characters; the user must have opened the app in the last 2 hours (else 61010). */
    async checkText(openid: string, content: string, scene: SecurityScene): Promise<TextVerdict> {
      const path = '/wxa/msg_sec_check';
      const reply = await tokens.withToken((accessToken) =>
        retryBusyOnce(() => http.post(path, { access_token: accessToken }, { content, version: 2, scene, openid })),
      );
      const check = ZTextCheck.safeParse(reply);
      if (reply.errcode || !check.success) throw wechatFailure(reply, path);
      const { result, trace_id } = check.data;
      return { suggest: result.suggest, label: result.label, traceId: trace_id ?? '' };
    },
    /** Starts an image check; the verdict comes later to the message URL, matched by the trace id returned. */
    async checkImage(openid: string, mediaUrl: string, scene: SecurityScene): Promise<string> {
      const path = '/wxa/media_check_async';
      const reply = await tokens.withToken((accessToken) =>
        retryBusyOnce(() =>
          http.post(
            path,
            { access_token: accessToken },
            { media_url: mediaUrl, media_type: 2, version: 2, scene, openid },
          ),
        ),
      );
      if (reply.errcode || typeof reply.trace_id !== 'string') throw wechatFailure(reply, path);
      return reply.trace_id;
    },
  };
}

export type SecurityClient = ReturnType<typeof createSecurityClient>;
