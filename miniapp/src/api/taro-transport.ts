import Taro from '@tarojs/taro';
import type { TokenStore, Transport } from './client';

/**
 * Taro.request (and Taro.uploadFile for files) as the client's transport: resolves on any HTTP
 * status, rejects only on network failure.
 */
export const taroTransport: Transport = async (req) => {
  if (req.upload) {
    const { filePath, name, fileName } = req.upload;
    const res = await Taro.uploadFile({
      url: req.url,
      filePath,
      name,
      header: req.header,
      timeout: 60_000,
      ...(fileName ? { fileName, formData: { filename: fileName } } : {}),
    });
    // uploadFile hands back the body as text.
    let data: unknown = res.data;
    try {
      data = JSON.parse(res.data);
    } catch {
      // not JSON: the client turns the status into an error
    }
    return { statusCode: res.statusCode, data };
  }
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
