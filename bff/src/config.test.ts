import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, type KeyObject, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    expect(c).toMatchObject({
      port: 3000,
      env: 'development',
      redisKeyPrefix: 'wyt:',
      wechat: { apiBase: 'https://api.weixin.qq.com', appid: 'wx123' },
    });
  });

  it('drains for 6 s on SIGTERM in production only, unless told (docs/production.md, Scale out)', () => {
    expect(loadConfig(minimal).shutdownDrainMs).toBe(0);
    const production = { ...minimal, NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://wyt.example.com' };
    expect(loadConfig(production).shutdownDrainMs).toBe(6000);
    expect(loadConfig({ ...production, SHUTDOWN_DRAIN_MS: '2500' }).shutdownDrainMs).toBe(2500);
  });

  it('listens on loopback and trusts no proxy unless told (issue 6)', () => {
    expect(loadConfig(minimal)).toMatchObject({ host: '127.0.0.1', trustProxy: false });
    expect(loadConfig({ ...minimal, HOST: '0.0.0.0', TRUST_PROXY: 'true' })).toMatchObject({
      host: '0.0.0.0',
      trustProxy: true,
    });
  });

  it('caps the rolling TTL by the absolute session lifetime', () => {
    expect(loadConfig(minimal).session).toEqual({ ttlSeconds: 7 * 86400, maxAgeSeconds: 30 * 86400 });
    expect(loadConfig({ ...minimal, SESSION_MAX_AGE_SECONDS: '3600' }).session).toEqual({
      ttlSeconds: 3600,
      maxAgeSeconds: 3600,
    });
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
    expect(() => loadConfig({ ...minimal, NODE_ENV: 'production', REDIS_URL: 'memory://' })).toThrow(
      /not allowed in production/,
    );
    expect(loadConfig({ ...minimal, REDIS_URL: 'memory://' }).redisUrl).toBe('memory://');
  });

  describe('production refuses the development settings it can detect (docs/production.md)', () => {
    const production = { ...minimal, NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://wyt.example.com' };
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        return (err as ConfigError).problems;
      }
      return [];
    };

    it("starts with WeChat's own servers, a real Redis and an https public URL", () => {
      expect(problems(production)).toEqual([]);
      expect(loadConfig(production)).toMatchObject({ env: 'production', metrics: { host: '127.0.0.1', port: 9464 } });
    });

    it('names the variable of each development setting, all at once', () => {
      expect(
        problems({
          ...production,
          REDIS_URL: 'memory://',
          TARO_APP_DEV_LOGIN: '1',
          WECHAT_API_BASE: 'http://127.0.0.1:3900',
          WECHATPAY_API_BASE: 'http://127.0.0.1:3900/',
          PUBLIC_BASE_URL: 'http://wyt.example.com',
        }),
      ).toEqual([
        expect.stringMatching(/^REDIS_URL: memory:\/\/ .*not allowed in production/),
        expect.stringMatching(/^TARO_APP_DEV_LOGIN: the development login .*not allowed in production/),
        'WECHAT_API_BASE: must be https://api.weixin.qq.com in production (a simulator is development only)',
        'WECHATPAY_API_BASE: must be https://api.mch.weixin.qq.com in production (a simulator is development only)',
        'PUBLIC_BASE_URL: must be an https:// URL in production',
      ]);
    });

    it('one setting at a time, and the public URL may not be left to the http://HOST:PORT default', () => {
      expect(problems({ ...production, WECHAT_API_BASE: 'https://sim.example.com' })).toEqual([
        expect.stringMatching(/^WECHAT_API_BASE: /),
      ]);
      expect(problems({ ...production, TARO_APP_DEV_LOGIN: 'true' })).toEqual([
        expect.stringMatching(/^TARO_APP_DEV_LOGIN: /),
      ]);
      expect(problems({ ...production, TARO_APP_DEV_LOGIN: '0' })).toEqual([]);
      const { PUBLIC_BASE_URL: _unset, ...noPublicUrl } = production;
      expect(problems(noPublicUrl)).toEqual([expect.stringMatching(/^PUBLIC_BASE_URL is missing/)]);
    });

    it('development keeps all of them', () => {
      expect(
        problems({
          ...minimal,
          REDIS_URL: 'memory://',
          TARO_APP_DEV_LOGIN: '1',
          WECHAT_API_BASE: 'http://127.0.0.1:3900',
        }),
      ).toEqual([]);
    });
  });

  it('strips a trailing slash from the WeChat base URL so paths join cleanly', () => {
    expect(loadConfig({ ...minimal, WECHAT_API_BASE: 'http://127.0.0.1:3900/' }).wechat.apiBase).toBe(
      'http://127.0.0.1:3900',
    );
  });
});

describe('WeChat Pay configuration (docs/wechat.md §5)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = (k: KeyObject, type: 'spki' | 'pkcs8') => k.export({ type, format: 'pem' }).toString();
  const merchant = {
    WECHATPAY_MCHID: '1900000109',
    WECHATPAY_MERCHANT_SERIAL: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
    WECHATPAY_PRIVATE_KEY: pem(privateKey, 'pkcs8').replace(/\n/g, '\\n'),
    WECHATPAY_APIV3_KEY: 'a'.repeat(32),
  };

  it('is off without a merchant id, and all or nothing with one', () => {
    expect(loadConfig(minimal).pay).toBeNull();
    try {
      loadConfig({ ...minimal, WECHATPAY_MCHID: '1900000109' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).problems).toEqual([
        'WECHATPAY_MERCHANT_SERIAL is missing (WECHATPAY_MCHID is set)',
        'WECHATPAY_PRIVATE_KEY is missing (WECHATPAY_MCHID is set)',
        'WECHATPAY_APIV3_KEY is missing (WECHATPAY_MCHID is set)',
        'WECHATPAY_PUBLIC_KEY_ID or WECHATPAY_PLATFORM_CERTS is missing (WECHATPAY_MCHID is set)',
      ]);
    }
  });

  it('public-key mode: the key is known by its PUB_KEY_ID; escaped newlines in the PEM are read as newlines', () => {
    const c = loadConfig({
      ...minimal,
      ...merchant,
      WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0114232134912410000000000000',
      WECHATPAY_PUBLIC_KEY: pem(publicKey, 'spki'),
    });
    expect(Object.keys(c.pay!.verifyKeys)).toEqual(['PUB_KEY_ID_0114232134912410000000000000']);
    expect(c.pay!.privateKeyPem).toContain('-----BEGIN PRIVATE KEY-----\n');
    expect(c.pay!.notifyUrl).toBe('http://127.0.0.1:3000/wechat/pay/notify');
  });

  it('certificate mode: each platform certificate is known by its serial', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wyt-cert-'));
    const made = spawnSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      join(dir, 'k.pem'),
      '-out',
      join(dir, 'c.pem'),
      '-days',
      '1',
      '-subj',
      '/CN=Tenpay.com Root CA',
    ]);
    expect(made.status).toBe(0);
    const certPem = readFileSync(join(dir, 'c.pem'), 'utf8');
    const serial = new X509Certificate(certPem).serialNumber.toUpperCase();
    const c = loadConfig({ ...minimal, ...merchant, WECHATPAY_PLATFORM_CERTS: certPem });
    expect(Object.keys(c.pay!.verifyKeys)).toEqual([serial]);
    expect(c.pay!.verifyKeys[serial]).toContain('BEGIN PUBLIC KEY');
  });
});
