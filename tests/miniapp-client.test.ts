import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient, type TokenStore, type Transport } from '../miniapp/src/api/client.js';
import { endpoints } from '../miniapp/src/api/endpoints.js';
import { useHarness } from './support/use-harness.js';
import { multipart, phonePhoto } from './support/images.js';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The mini-program's API client against the real BFF; only Taro.request is swapped for fetch. */
const h = useHarness();

const fetchTransport: Transport = async (req) => {
  if (req.upload) {
    // What Taro.uploadFile does with a chosen photo: read the local file, send it as multipart.
    const form = multipart(await readFile(req.upload.filePath), { name: req.upload.name });
    const res = await fetch(req.url, {
      method: 'POST',
      headers: { ...req.header, 'content-type': form.contentType },
      body: form.body,
    });
    return { statusCode: res.status, data: JSON.parse(await res.text()) };
  }
  const res = await fetch(req.url, {
    method: req.method,
    headers: req.header,
    body: req.data === undefined ? undefined : JSON.stringify(req.data),
  });
  const text = await res.text();
  return { statusCode: res.status, data: text ? JSON.parse(text) : undefined };
};

function memoryTokens(initial: string | null = null): TokenStore & { value: string | null } {
  return {
    value: initial,
    get() {
      return this.value;
    },
    set(t) {
      this.value = t;
    },
  };
}

function client(openid: string, overrides: Partial<Parameters<typeof createApiClient>[0]> = {}) {
  const toasts: string[] = [];
  const tokens = memoryTokens();
  let relogins = 0;
  const api = createApiClient({
    baseUrl: h.url,
    transport: fetchTransport,
    tokens,
    toast: (m) => toasts.push(m),
    relogin: async () => {
      relogins += 1;
      const token = await h.loginAs(openid);
      tokens.set(token);
      return token;
    },
    ...overrides,
  });
  return { api, bff: endpoints(api), toasts, tokens, relogins: () => relogins };
}

describe('api client', () => {
  it('sends the session token and returns typed data', async () => {
    const c = client('o_client_1');
    c.tokens.set(await h.loginAs('o_client_1'));
    const me = await c.bff.me();
    expect(me.hasPhone).toBe(false);
    expect(c.relogins()).toBe(0);
  });

  it('turns { code, message } into an ApiError and a toast; silent calls do not toast', async () => {
    const c = client('o_client_2');
    c.tokens.set(await h.loginAs('o_client_2'));
    const err = await c.bff.createBindRequest('not-a-uuid', 'OWNER').catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    // The error table's words (features/errors/human-errors.ts), never the server's own message.
    expect(c.toasts).toEqual(['填写的内容不完整或格式不对，请检查后再提交一次']);
    const quiet = await c.bff.login('used-or-unknown').catch((e) => e);
    expect(quiet.code).toBe('WECHAT_CODE_INVALID');
    expect(c.toasts).toHaveLength(1);
  });

  it('logs in again once on an expired session and repeats the request; concurrent calls share it', async () => {
    const c = client('o_client_3');
    c.tokens.set('expired-token-that-the-bff-does-not-know-1234');
    const results = await Promise.all([c.bff.me(), c.bff.me(), c.bff.myBindRequests()]);
    expect(results[0].id).toBe(results[1].id);
    expect(c.relogins()).toBe(1);
    expect(c.toasts).toEqual([]);
  });

  it('clears the token and reports when logging in again fails', async () => {
    const c = client('o_client_4', {
      relogin: async () => {
        throw new ApiError('WECHAT_CODE_INVALID', '登录凭证无效或已过期，请重新登录', 400);
      },
    });
    c.tokens.set('another-expired-token-abcdefghijklmnopqrstu');
    const err = await c.bff.me().catch((e) => e);
    expect(err.code).toBe('WECHAT_CODE_INVALID');
    expect(c.tokens.get()).toBeNull();
  });

  it('reports a network failure as NETWORK: a read silently (its page shows it), an action with a toast', async () => {
    const c = client('o_client_5', { baseUrl: 'http://127.0.0.1:1' });
    const read = await c.bff.communities().catch((e) => e);
    expect(read).toMatchObject({ code: 'NETWORK', status: 0 });
    expect(c.toasts).toEqual([]);
    const action = await c.bff.createBindRequest(crypto.randomUUID(), 'OWNER').catch((e) => e);
    expect(action).toMatchObject({ code: 'NETWORK', status: 0 });
    expect(c.toasts).toEqual(['网络连接不上，请检查网络后重试']);
  });

  it('uploads a chosen photo with the session, and logs in again first when the session expired', async () => {
    const c = client('o_client_6');
    c.tokens.set('expired-token-for-the-upload-abcdefghijklmnop');
    const path = join(tmpdir(), `wyt-client-photo-${process.pid}.jpg`);
    await writeFile(path, await phonePhoto({ width: 200, height: 150 }));
    const photo = await c.bff.uploadPhoto(path);
    expect(photo).toMatchObject({ contentType: 'image/jpeg', width: 200, height: 150 });
    expect(c.relogins()).toBe(1);
    expect((await c.bff.photo(photo.id)).id).toBe(photo.id);
    await writeFile(path, 'plain text, not a photo');
    const refused = await c.bff.uploadPhoto(path).catch((e) => e);
    expect(refused).toMatchObject({ code: 'IMAGE_TYPE_UNSUPPORTED', status: 415 });
    expect(c.toasts).toEqual(['不支持这种图片格式，请直接拍照，或选择相册里的普通照片']); // the error table's words
  });
});
