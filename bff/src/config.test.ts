import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const minimal = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/x',
  REDIS_URL: 'redis://127.0.0.1:6379',
  WECHAT_APPID: 'wx123',
  WECHAT_SECRET: 's3cret',
};

describe('loadConfig', () => {
  it('applies defaults around the required values', () => {
    const c = loadConfig(minimal);
    expect(c).toMatchObject({ port: 3000, env: 'development', redisKeyPrefix: 'wyt:', wechat: { apiBase: 'https://api.weixin.qq.com', appid: 'wx123' } });
  });

  it('listens on loopback and trusts no proxy unless told (issue 6)', () => {
    expect(loadConfig(minimal)).toMatchObject({ host: '127.0.0.1', trustProxy: false });
    expect(loadConfig({ ...minimal, HOST: '0.0.0.0', TRUST_PROXY: 'true' })).toMatchObject({ host: '0.0.0.0', trustProxy: true });
  });

  it('caps the rolling TTL by the absolute session lifetime', () => {
    expect(loadConfig(minimal).session).toEqual({ ttlSeconds: 7 * 86400, maxAgeSeconds: 30 * 86400 });
    expect(loadConfig({ ...minimal, SESSION_MAX_AGE_SECONDS: '3600' }).session).toEqual({ ttlSeconds: 3600, maxAgeSeconds: 3600 });
  });

  it('lists every missing or bad value at once', () => {
    try {
      loadConfig({ REDIS_URL: 'http://nope', PORT: 'eighty' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems;
      expect(problems).toEqual(
        expect.arrayContaining([
          'DATABASE_URL is missing',
          'WECHAT_APPID is missing',
          'WECHAT_SECRET is missing',
          expect.stringMatching(/^REDIS_URL: /),
          expect.stringMatching(/^PORT: /),
        ]),
      );
      expect((err as Error).message).toContain('DATABASE_URL is missing');
    }
  });

  it('has no default for secrets', () => {
    expect(() => loadConfig({ ...minimal, WECHAT_SECRET: '' })).toThrow(/WECHAT_SECRET is missing/);
  });

  it('refuses the in-process Redis fallback in production', () => {
    expect(() => loadConfig({ ...minimal, NODE_ENV: 'production', REDIS_URL: 'memory://' })).toThrow(/not allowed in production/);
    expect(loadConfig({ ...minimal, REDIS_URL: 'memory://' }).redisUrl).toBe('memory://');
  });

  it('strips a trailing slash from the WeChat base URL so paths join cleanly', () => {
    expect(loadConfig({ ...minimal, WECHAT_API_BASE: 'http://127.0.0.1:3900/' }).wechat.apiBase).toBe('http://127.0.0.1:3900');
  });
});
