import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from './app.js';
import { listen } from '../../tests/support/listen.js';

/** The twin must behave like WeChat, or the BFF's tests prove nothing: its own rules, over HTTP. */
const app = { appid: 'wx_sim_test', secret: 'sim-secret' };
let base: string;
let close: () => Promise<void>;
let sim: ReturnType<typeof createSimulator>;

beforeAll(async () => {
  sim = createSimulator([app]);
  ({ url: base, close } = await listen(sim.app));
});
afterAll(() => close());

const post = async (path: string, body: unknown): Promise<any> =>
  (
    await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  ).json();
const stable = (force = false, secret = app.secret) =>
  post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: app.appid, secret, force_refresh: force });
const advance = (ms: number) => post('/sim/clock', { advanceMs: ms });

describe('stable_token', () => {
  it('returns the same token while valid, with the remaining lifetime', async () => {
    sim.state.reset();
    const a = await stable();
    await advance(60_000);
    const b = await stable();
    expect(b.access_token).toBe(a.access_token);
    expect(a.expires_in).toBe(7200);
    expect(b.expires_in).toBeGreaterThanOrEqual(7139); // whole seconds, and real milliseconds pass too
    expect(b.expires_in).toBeLessThanOrEqual(7140);
  });

  it('rotates in the last five minutes and keeps the old token valid until it expires', async () => {
    sim.state.reset();
    const old = await stable();
    await advance((7200 - 299) * 1000);
    const next = await stable();
    expect(next.access_token).not.toBe(old.access_token);
    expect(sim.state.mp.checkToken(old.access_token)).toBe(0);
    await advance(300 * 1000);
    expect(sim.state.mp.checkToken(old.access_token)).toBe(42001);
    expect(sim.state.mp.checkToken(next.access_token)).toBe(0);
  });

  it('invalidates earlier tokens on force_refresh and rate-limits it', async () => {
    sim.state.reset();
    const old = await stable();
    const forced = await stable(true);
    expect(sim.state.mp.checkToken(old.access_token)).toBe(40001);
    expect(forced.access_token).not.toBe(old.access_token);
    expect((await stable(true)).errcode).toBe(45011); // < 30 s apart
    await advance(31_000);
    expect((await stable(true)).access_token).toBeDefined();
  });

  it('rejects a wrong secret', async () => {
    expect((await stable(false, 'wrong')).errcode).toBe(40125);
  });
});

describe('jscode2session', () => {
  it('accepts a minted code once, and never after five minutes', async () => {
    sim.state.reset();
    const q = (code: string, secret = app.secret) =>
      fetch(
        `${base}/sns/jscode2session?${new URLSearchParams({ appid: app.appid, secret, js_code: code, grant_type: 'authorization_code' })}`,
      ).then((r) => r.json() as Promise<any>);
    const { code } = await post('/sim/login-code', { openid: 'o_1' });
    expect(await q(code, 'bad')).toMatchObject({ errcode: 40125 });
    expect(await q(code)).toMatchObject({ openid: 'o_1', session_key: expect.any(String) });
    expect(await q(code)).toMatchObject({ errcode: 40163 });
    const late = (await post('/sim/login-code', { openid: 'o_1' })).code;
    await advance(5 * 60_000 + 1);
    expect(await q(late)).toMatchObject({ errcode: 40029 });
  });
});

describe('getuserphonenumber', () => {
  it('needs a live access token and stamps our appid in the watermark', async () => {
    sim.state.reset();
    const { code } = await post('/sim/phone-code', { phoneNumber: '13900001111' });
    expect((await post('/wxa/business/getuserphonenumber?access_token=bogus', { code })).errcode).toBe(40001);
    const { access_token } = await stable();
    const ok = await post(`/wxa/business/getuserphonenumber?access_token=${access_token}`, { code });
    expect(ok.phone_info).toMatchObject({
      purePhoneNumber: '13900001111',
      countryCode: '86',
      watermark: { appid: app.appid },
    });
    expect((await post(`/wxa/business/getuserphonenumber?access_token=${access_token}`, { code })).errcode).toBe(40029);
  });
});

describe('the simulator as a web server (issue 6)', () => {
  it('answers malformed JSON and an absurd clock move with 400, not 500', async () => {
    const bad = await fetch(`${base}/sim/login-code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"openid":',
    });
    expect(bad.status).toBe(400);
    const absurd = await fetch(`${base}/sim/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 1e20 }),
    });
    expect(absurd.status).toBe(400);
    expect((await advance(0)).now).toMatch(/^\d{4}-/);
  });

  it('lets only the configured H5 dev origin call it from a browser', async () => {
    const own = createSimulator([app], { corsOrigins: ['http://127.0.0.1:10086'] });
    const server = await listen(own.app);
    try {
      const from = (origin: string) => fetch(`${server.url}/sim/stats`, { headers: { origin } });
      expect((await from('http://127.0.0.1:10086')).headers.get('access-control-allow-origin')).toBe(
        'http://127.0.0.1:10086',
      );
      expect((await from('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(`${server.url}/sim/login-code`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await server.close();
    }
  });
});

describe('WeChat Pay scaffold', () => {
  it('has its own platform key pair and a PUB_KEY_ID serial, made at start', async () => {
    const res = (await (await fetch(`${base}/sim/pay/public-key`)).json()) as {
      publicKeyId: string;
      publicKeyPem: string;
    };
    expect(res.publicKeyId).toMatch(/^PUB_KEY_ID_[0-9A-F]{32}$/);
    expect(res.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect(createSimulator([app]).state.pay.publicKeyId).not.toBe(res.publicKeyId);
    // WeChat Pay answers an unsigned request SIGN_ERROR, and signs even that answer.
    const unsigned = await fetch(`${base}/v3/pay/transactions/jsapi`, { method: 'POST' });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ code: 'SIGN_ERROR' });
    expect(unsigned.headers.get('wechatpay-serial')).toBe(res.publicKeyId);
  });
});
