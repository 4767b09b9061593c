import type { Context } from 'koa';
import type { ApiName, SimState } from '../state.js';

/** WeChat's mini-program server API answers HTTP 200 with `{ errcode, errmsg }` even on errors. */
const MESSAGES: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40013: 'invalid appid',
  40029: 'invalid code',
  40125: 'invalid appsecret',
  40163: 'code been used',
  40226: 'high risk user',
  40003: 'invalid openid',
  40037: 'invalid template_id',
  41030: 'invalid page',
  40097: 'invalid args',
  40129: 'invalid scene',
  40169: 'invalid length for scene, or the data is not json string',
  43101: 'user refuse to accept the msg',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41008: 'missing code',
  42001: 'access_token expired',
  47001: 'data format error',
  61010: 'user is not active in the app for the last 2 hours',
  87014: 'risky content',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit, mustslower retry next minute',
};

export const wxError = (errcode: number) => ({ errcode, errmsg: `${MESSAGES[errcode] ?? 'error'} rid: sim` });

/**
 * The common start of every API that takes `?access_token=`: counts the call, serves an injected
 * fault, checks the token. Returns the token's appid, or null with the error already answered.
 */
export function tokenApi(state: SimState, api: ApiName, ctx: Context): string | null {
  state.count(api);
  const fault = state.takeFault(api);
  if (fault !== null) {
    ctx.body = wxError(fault);
    return null;
  }
  const token = typeof ctx.query.access_token === 'string' ? ctx.query.access_token : undefined;
  const tokenError = state.mp.checkToken(token);
  if (tokenError) {
    ctx.body = wxError(tokenError);
    return null;
  }
  return state.mp.tokens.get(token!)!.appid;
}
