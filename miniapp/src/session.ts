import Taro from '@tarojs/taro';
import { ApiError, createApiClient } from './api/client';
import { endpoints } from './api/endpoints';
import { storageTokens, taroTransport } from './api/taro-transport';

const DEMO_KEY = 'wyt.demo-openid';

function apiBase(): string {
  if (API_BASE) return API_BASE;
  // In the browser the app is served next to the BFF (the H5 server proxies /api).
  return process.env.TARO_ENV === 'h5' ? window.location.origin : '';
}

/** A file URL from the BFF: the local storage driver answers with paths on the BFF itself. */
export function fileUrl(url: string): string {
  return url.startsWith('/') ? `${apiBase()}${url}` : url;
}

export const api = createApiClient({
  baseUrl: apiBase(),
  transport: taroTransport,
  tokens: storageTokens,
  relogin: () => relogin(),
  toast: (message) => void Taro.showToast({ title: message, icon: 'none', duration: 2500 }),
});

export const bff = endpoints(api);

/** WeChat: wx.login gives a one-time code; the BFF exchanges it and answers with our session token. */
export async function loginWithWechat(): Promise<string> {
  const { code } = await Taro.login();
  const { token } = await bff.login(code);
  storageTokens.set(token);
  return token;
}

/** Development only: asks the WeChat simulator for what a phone would give (a login or phone code). */
async function mintAtSimulator(
  path: '/sim/login-code' | '/sim/phone-code',
  data: object,
  failure: string,
): Promise<string> {
  if (!DEV_LOGIN) throw new ApiError('DEV_LOGIN_DISABLED', '此版本未开启开发登录', 0);
  const res = await taroTransport({
    url: `${SIM_BASE || apiBase()}${path}`,
    method: 'POST',
    header: { 'content-type': 'application/json' },
    data,
  });
  if (res.statusCode !== 200) throw new ApiError('DEV_LOGIN_FAILED', failure, res.statusCode);
  return (res.data as { code: string }).code;
}

/** Development only: mints a login code for a demo user at the WeChat simulator, then logs in as usual. */
export async function loginAsDemo(openid: string): Promise<string> {
  const code = await mintAtSimulator('/sim/login-code', { openid }, '模拟器不可用，无法开发登录');
  const { token } = await bff.login(code);
  storageTokens.set(token);
  Taro.setStorageSync(DEMO_KEY, openid);
  return token;
}

/** Development only: a phone code for the number typed in, minted at the simulator. */
export function mintDemoPhoneCode(phoneNumber: string): Promise<string> {
  return mintAtSimulator('/sim/phone-code', { phoneNumber }, '手机号格式不正确或模拟器不可用');
}

async function relogin(): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') return loginWithWechat();
  const demo = Taro.getStorageSync(DEMO_KEY) as string;
  if (DEV_LOGIN && demo) return loginAsDemo(demo);
  throw new ApiError('SESSION_EXPIRED', '登录已失效，请重新登录', 401);
}

export function hasSession(): boolean {
  return storageTokens.get() !== null;
}

export async function logout() {
  await bff.logout().catch(() => undefined);
  storageTokens.set(null);
  Taro.removeStorageSync(DEMO_KEY);
}
