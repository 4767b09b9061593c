/** WeChat's own servers (docs/production.md, Production refuses development settings). */
export const WECHAT_API_ORIGIN = 'https://api.weixin.qq.com';
export const WECHATPAY_API_ORIGIN = 'https://api.mch.weixin.qq.com';

/**
 * What production refuses because it can only be a development setting: every one at once, each
 * naming its variable. A simulator stands behind any other WeChat base URL; a plain-http public URL
 * would hand WeChat (payment notifies, image checks) an address it refuses or that anyone can read.
 */
export function developmentSettings(c: {
  REDIS_URL: string;
  TARO_APP_DEV_LOGIN?: string | undefined;
  WECHAT_API_BASE: string;
  WECHATPAY_API_BASE: string;
  PUBLIC_BASE_URL?: string | undefined;
}): string[] {
  const problems: string[] = [];
  if (c.REDIS_URL.startsWith('memory://'))
    problems.push('REDIS_URL: memory:// is a single-instance fallback and not allowed in production');
  if (c.TARO_APP_DEV_LOGIN !== undefined && !['', '0', 'false'].includes(c.TARO_APP_DEV_LOGIN))
    problems.push('TARO_APP_DEV_LOGIN: the development login (demo users) is not allowed in production');
  const origin = (url: string) => url.replace(/\/+$/, '');
  if (origin(c.WECHAT_API_BASE) !== WECHAT_API_ORIGIN)
    problems.push(`WECHAT_API_BASE: must be ${WECHAT_API_ORIGIN} in production (a simulator is development only)`);
  if (origin(c.WECHATPAY_API_BASE) !== WECHATPAY_API_ORIGIN)
    problems.push(
      `WECHATPAY_API_BASE: must be ${WECHATPAY_API_ORIGIN} in production (a simulator is development only)`,
    );
  if (!c.PUBLIC_BASE_URL) problems.push('PUBLIC_BASE_URL is missing: production needs the https:// URL WeChat reaches');
  else if (!c.PUBLIC_BASE_URL.startsWith('https://'))
    problems.push('PUBLIC_BASE_URL: must be an https:// URL in production');
  return problems;
}
