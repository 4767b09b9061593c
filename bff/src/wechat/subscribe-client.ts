import type { AccessTokenCache } from './access-token.js';
import { ZWechatReply } from './http.js';

/** What became of one send, as far as we can know. */
export type SendOutcome =
  | { kind: 'sent' }
  /** 43101: the user refused, or has no one-time credit left. */
  | { kind: 'refused'; errcode: number; errmsg: string }
  /** WeChat refused the message itself (47003 data, 40037 template, 40003 openid, 41030 page): final. */
  | { kind: 'invalid'; errcode: number; errmsg: string }
  /** Not delivered, and WeChat said so or never saw it (5xx, -1, connection refused): try again later. */
  | { kind: 'retry'; reason: string }
  /** The request may have reached WeChat but no answer came: never resend. */
  | { kind: 'unknown'; reason: string };

const BEFORE_SENDING = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * subscribeMessage.send (docs/wechat.md §4), POST /cgi-bin/message/subscribe/send. WeChat has no
 * idempotency key for it, so the outcome is classified for the outbox: retry only when the message
 * certainly was not delivered.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 */
export function createSubscribeClient(
  apiBase: string,
  timeoutMs: number,
  tokens: AccessTokenCache,
  miniprogramState: string,
) {
  async function post(token: string, body: unknown): Promise<SendOutcome | { errcode: number; errmsg: string }> {
    let res: Response;
    try {
      res = await fetch(`${apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const code = (err as { cause?: { code?: string } }).cause?.code;
      if (code && BEFORE_SENDING.has(code)) return { kind: 'retry', reason: `connect ${code}` };
      return { kind: 'unknown', reason: `no answer: ${(err as Error).name}` };
    }
    if (res.status >= 500) return { kind: 'retry', reason: `HTTP ${res.status}` };
    const reply = ZWechatReply.safeParse(await res.json().catch(() => null)).data;
    if (!reply) return { kind: 'unknown', reason: `unreadable answer (HTTP ${res.status})` };
    return { errcode: reply.errcode ?? 0, errmsg: reply.errmsg ?? '' };
  }

  return {
    async send(message: {
      openid: string;
      templateId: string;
      page: string;
      data: Record<string, string>;
    }): Promise<SendOutcome> {
      const body = {
        touser: message.openid,
        template_id: message.templateId,
        page: message.page,
        data: Object.fromEntries(Object.entries(message.data).map(([k, value]) => [k, { value }])),
        miniprogram_state: miniprogramState,
        lang: 'zh_CN',
      };
      const token = await tokens.get();
      let outcome = await post(token, body);
      // A token WeChat no longer accepts was certainly not used to deliver: one retry with a new one.
      if ('errcode' in outcome && (outcome.errcode === 40001 || outcome.errcode === 42001))
        outcome = await post(await tokens.replace(token), body);
      if (!('errcode' in outcome)) return outcome;
      const { errcode, errmsg } = outcome;
      if (errcode === 0) return { kind: 'sent' };
      if (errcode === 43101) return { kind: 'refused', errcode, errmsg };
      if (errcode === -1 || errcode === 45009 || errcode === 40001 || errcode === 42001)
        return { kind: 'retry', reason: `errcode ${errcode}` };
      return { kind: 'invalid', errcode, errmsg };
    },
  };
}

export type SubscribeClient = ReturnType<typeof createSubscribeClient>;
