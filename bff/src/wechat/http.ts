import { z } from 'zod';
import { AppError } from '../errors.js';

/**
 * Every answer of the mini-program server API carries `errcode` (0 or absent on success), HTTP 200 even
 * on errors; the rest is each API's own, read by its client.
 */
export const ZWechatReply = z.looseObject({ errcode: z.number().optional(), errmsg: z.string().optional() });
export type WechatReply = z.infer<typeof ZWechatReply>;

export type WechatHttp = {
  get(path: string, query: Record<string, string>): Promise<WechatReply>;
  post(path: string, query: Record<string, string>, body: unknown): Promise<WechatReply>;
};

/** A tiny JSON client for api.weixin.qq.com (or the simulator standing in for it). */
export function createWechatHttp(apiBase: string, timeoutMs: number): WechatHttp {
  async function call(method: 'GET' | 'POST', path: string, query: Record<string, string>, body?: unknown) {
    const url = `${apiBase}${path}?${new URLSearchParams(query).toString()}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      // The URL may hold the AppSecret or an access token: report the path only.
      throw new AppError('WECHAT_UNAVAILABLE', '微信服务暂时无法访问，请稍后再试', {
        path,
        cause: (err as Error).name,
      });
    }
    if (!res.ok) {
      throw new AppError('WECHAT_UNAVAILABLE', '微信服务暂时无法访问，请稍后再试', { path, status: res.status });
    }
    const reply = ZWechatReply.safeParse(await res.json().catch(() => undefined));
    if (!reply.success) throw new AppError('WECHAT_UNAVAILABLE', '微信服务返回了无法识别的数据', { path });
    return reply.data;
  }
  return {
    get: (path, query) => call('GET', path, query),
    post: (path, query, body) => call('POST', path, query, body),
  };
}

/** -1 is "system busy": WeChat asks callers to retry (docs/wechat.md §1). One retry, no more. */
export async function retryBusyOnce(call: () => Promise<WechatReply>): Promise<WechatReply> {
  const first = await call();
  return first.errcode === -1 ? call() : first;
}

export function wechatFailure(reply: WechatReply, path: string): AppError {
  if (reply.errcode === -1)
    return new AppError('WECHAT_UNAVAILABLE', '微信服务繁忙，请稍后再试', { path, errcode: -1 });
  if (reply.errcode === 40013 || reply.errcode === 40125 || reply.errcode === 40164) {
    return new AppError('WECHAT_MISCONFIGURED', '服务配置有误，请联系管理员', { path, errcode: reply.errcode });
  }
  return new AppError('WECHAT_UNAVAILABLE', '微信服务返回错误，请稍后再试', {
    path,
    errcode: reply.errcode,
    errmsg: reply.errmsg,
  });
}
