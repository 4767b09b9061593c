import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AppError } from '../errors.js';
import type { Clock } from '../clock.js';
import { retryBusyOnce, wechatFailure, type WechatHttp, type WechatReply } from './http.js';

export type FetchedToken = { token: string; expiresInSeconds: number };
export type FetchToken = (forceRefresh: boolean) => Promise<FetchedToken>;

type Cached = { token: string; expiresAt: number };

const INVALID_TOKEN_ERRCODES = new Set([40001, 42001]);

/**
 * The server access token, shared by every BFF instance through Redis (docs/wechat.md §2).
 * - cached with its expiry; refreshed `marginSeconds` before it, which is when WeChat rotates a
 *   stable token (old and new both valid then), so no caller ever holds a dead token;
 * - one refresh at a time across instances: a Redis lock (SET NX PX); the others wait for the cache;
 * - on 40001/42001 the caller gets one retry with a fresh token; `force_refresh` (rate-limited,
 *   invalidates the old token for everyone) is used only when a plain fetch returns the same dead token.
 */
export class AccessTokenCache {
  private readonly key: string;
  private readonly lockKey: string;

  constructor(
    private readonly redis: Redis,
    private readonly fetchToken: FetchToken,
    private readonly clock: Clock,
    private readonly opts: {
      appid: string;
      marginSeconds?: number;
      lockTtlMs?: number;
      waitMs?: number;
      pollMs?: number;
    },
  ) {
    this.key = `wx:access-token:${opts.appid}`;
    this.lockKey = `wx:access-token-lock:${opts.appid}`;
  }

  private get marginMs() {
    return (this.opts.marginSeconds ?? 300) * 1000;
  }

  private async readFresh(): Promise<string | null> {
    const raw = await this.redis.get(this.key);
    if (!raw) return null;
    const cached = JSON.parse(raw) as Cached;
    return cached.expiresAt - this.marginMs > this.clock.now().getTime() ? cached.token : null;
  }

  private async store(fetched: FetchedToken) {
    const expiresAt = this.clock.now().getTime() + fetched.expiresInSeconds * 1000;
    const value: Cached = { token: fetched.token, expiresAt };
    await this.redis.set(this.key, JSON.stringify(value), 'PX', Math.max(1000, fetched.expiresInSeconds * 1000));
  }

  /** Runs `work` holding the refresh lock, or returns null when another instance holds it. */
  private async underLock<T>(work: () => Promise<T>): Promise<T | null> {
    const owner = randomUUID();
    const got = await this.redis.set(this.lockKey, owner, 'PX', this.opts.lockTtlMs ?? 10_000, 'NX');
    if (got !== 'OK') return null;
    try {
      return await work();
    } finally {
      // Release only our own lock: it may have expired and been taken by another instance.
      if ((await this.redis.get(this.lockKey)) === owner) await this.redis.del(this.lockKey);
    }
  }

  /** Waits for another instance's refresh: its token, or null when its lock went without one. */
  private async waitForOther(isGood: (token: string) => boolean): Promise<string | null> {
    const deadline = Date.now() + (this.opts.waitMs ?? 5000);
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, this.opts.pollMs ?? 25));
      const token = await this.readFresh();
      if (token && isGood(token)) return token;
      if (!(await this.redis.exists(this.lockKey))) return null;
    }
    throw new AppError('WECHAT_UNAVAILABLE', '微信接口凭证获取超时，请稍后再试');
  }

  async get(): Promise<string> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const cached = await this.readFresh();
      if (cached) return cached;
      const refreshed = await this.underLock(async () => {
        const again = await this.readFresh();
        if (again) return again;
        const fetched = await this.fetchToken(false);
        await this.store(fetched);
        return fetched.token;
      });
      if (refreshed) return refreshed;
      const waited = await this.waitForOther(() => true);
      if (waited) return waited;
    }
    throw new AppError('WECHAT_UNAVAILABLE', '微信接口凭证获取失败，请稍后再试');
  }

  /** WeChat said `stale` is invalid or expired: get a different one, forcing a refresh only if needed. */
  async replace(stale: string): Promise<string> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const cached = await this.readFresh();
      if (cached && cached !== stale) return cached;
      const replaced = await this.underLock(async () => {
        const again = await this.readFresh();
        if (again && again !== stale) return again;
        let fetched = await this.fetchToken(false);
        if (fetched.token === stale) fetched = await this.fetchToken(true);
        await this.store(fetched);
        return fetched.token;
      });
      if (replaced) return replaced;
      const waited = await this.waitForOther((t) => t !== stale);
      if (waited) return waited;
    }
    throw new AppError('WECHAT_UNAVAILABLE', '微信接口凭证刷新失败，请稍后再试');
  }

  /** Calls a token-taking API; on 40001/42001 retries it once with a replaced token. */
  async withToken(call: (token: string) => Promise<WechatReply>): Promise<WechatReply> {
    const token = await this.get();
    const reply = await call(token);
    if (!reply.errcode || !INVALID_TOKEN_ERRCODES.has(reply.errcode)) return reply;
    return call(await this.replace(token));
  }
}

/** The stable_token fetcher (POST /cgi-bin/stable_token): several instances can share its token. */
export function stableTokenFetcher(http: WechatHttp, appid: string, secret: string): FetchToken {
  return async (forceRefresh) => {
    const path = '/cgi-bin/stable_token';
    const reply = await retryBusyOnce(() =>
      http.post(path, {}, { grant_type: 'client_credential', appid, secret, force_refresh: forceRefresh }),
    );
    if (reply.errcode || typeof reply.access_token !== 'string' || typeof reply.expires_in !== 'number') {
      throw wechatFailure(reply, path);
    }
    return { token: reply.access_token, expiresInSeconds: reply.expires_in };
  };
}
