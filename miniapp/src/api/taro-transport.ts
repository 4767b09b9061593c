import Taro from '@tarojs/taro';
import type { TokenStore, Transport } from './client';

/** Taro.request as the client's transport: resolves on any HTTP status, rejects only on network failure. */
export const taroTransport: Transport = async (req) => {
  const res = await Taro.request({
    url: req.url,
    method: req.method as 'GET' | 'POST',
    header: req.header,
    data: req.data as Record<string, unknown> | undefined,
    dataType: 'json',
    timeout: 15_000,
  });
  return { statusCode: res.statusCode, data: res.data };
};

const TOKEN_KEY = 'wyt.session';

export const storageTokens: TokenStore = {
  get: () => (Taro.getStorageSync(TOKEN_KEY) as string) || null,
  set: (token) => (token ? Taro.setStorageSync(TOKEN_KEY, token) : Taro.removeStorageSync(TOKEN_KEY)),
};
