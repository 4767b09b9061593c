import { AppError } from '../errors.js';
import { retryBusyOnce, wechatFailure, type WechatHttp } from './http.js';

export type WechatSession = { openid: string; sessionKey: string; unionid?: string };

/** code2Session (docs/wechat.md §1). The session_key it returns is a secret kept on the server. */
export function createLoginClient(http: WechatHttp, appid: string, secret: string) {
  return {
    async code2Session(code: string): Promise<WechatSession> {
      const path = '/sns/jscode2session';
      const reply = await retryBusyOnce(() =>
        http.get(path, { appid, secret, js_code: code, grant_type: 'authorization_code' }),
      );
      if (!reply.errcode && typeof reply.openid === 'string' && typeof reply.session_key === 'string') {
        return {
          openid: reply.openid,
          sessionKey: reply.session_key,
          unionid: typeof reply.unionid === 'string' ? reply.unionid : undefined,
        };
      }
      switch (reply.errcode) {
        case 40029:
          throw new AppError('WECHAT_CODE_INVALID', '登录凭证无效或已过期，请重新登录');
        case 40163:
          throw new AppError('WECHAT_CODE_USED', '登录凭证已被使用，请重新登录');
        case 45011:
          throw new AppError('WECHAT_RATE_LIMITED', '登录过于频繁，请稍后再试');
        case 40226:
          throw new AppError('WECHAT_USER_BLOCKED', '该微信账号存在安全风险，暂时无法登录');
        default:
          throw wechatFailure(reply, path);
      }
    },
  };
}

export type LoginClient = ReturnType<typeof createLoginClient>;
