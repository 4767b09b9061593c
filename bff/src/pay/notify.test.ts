import { createCipheriv, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { createMetrics } from '../metrics.js';
import type { Deps } from '../deps.js';
import { WECHAT_DOC_PAYMENT_RESOURCE } from '../wechat/samples/payment-resource.js';
import { handleNotify } from './notify.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const SERIAL = 'PUB_KEY_ID_TEST';
const API_V3_KEY = randomBytes(16).toString('hex'); // 32 characters, as WeChat's APIv3 key

/** Just what handleNotify touches, with WeChat's sample merchant so the sample is ours to credit. */
function fakeDeps() {
  const sql = { query: vi.fn(async () => ({ rows: [{ communityId: 'c1', settleFromMs: Date.now() }] })) };
  const logger = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };
  const deps = {
    config: {
      pay: {
        mchid: '1230000109',
        appid: 'wxd678efh567hg6787',
        apiV3Key: API_V3_KEY,
        verifyKeys: { [SERIAL]: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
      },
    },
    clock: { now: () => new Date() },
    sql,
    logger,
    jobs: { send: vi.fn(async () => 'job') },
    metrics: createMetrics(),
  } as unknown as Deps;
  return { deps, sql, logger };
}

/** A notification as WeChat sends it: the resource encrypted with the APIv3 key, the body signed. */
function notification(resource: string) {
  const nonce = randomBytes(6).toString('hex');
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(API_V3_KEY), Buffer.from(nonce));
  cipher.setAAD(Buffer.from('transaction'));
  const ciphertext = Buffer.concat([cipher.update(resource, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  const body = JSON.stringify({
    id: 'EV-2018022511223320873',
    create_time: '2015-05-20T13:29:35+08:00',
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: {
      original_type: 'transaction',
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: ciphertext.toString('base64'),
      associated_data: 'transaction',
      nonce,
    },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headerNonce = randomBytes(16).toString('hex');
  const signature = createSign('RSA-SHA256')
    .update(`${timestamp}\n${headerNonce}\n${body}\n`)
    .sign(privateKey, 'base64');
  const headers = {
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': headerNonce,
    'wechatpay-signature': signature,
    'wechatpay-serial': SERIAL,
  };
  return { headers, raw: Buffer.from(body) };
}

describe('handleNotify: the decrypted payment resource', () => {
  it("credits WeChat's documented sample: amount in fen, WeChat's transaction id, its payment time", async () => {
    const { deps, sql } = fakeDeps();
    const { headers, raw } = notification(WECHAT_DOC_PAYMENT_RESOURCE);
    expect(await handleNotify(deps, headers, raw, 'transaction')).toEqual({ status: 204 });
    expect(sql.query).toHaveBeenCalledOnce();
    expect(sql.query.mock.calls[0]).toMatchObject([
      {
        name: 'apply-transaction',
        values: ['2018-06-08T02:34:56.000Z', '1217752501201407033233368018', '1217752501201407033233368018', 100],
      },
    ]);
  });

  it('refuses one without a required field (400, so WeChat retries), logs it and credits nothing', async () => {
    const { deps, sql, logger } = fakeDeps();
    const { success_time: _, ...withoutTime } = JSON.parse(WECHAT_DOC_PAYMENT_RESOURCE);
    const { headers, raw } = notification(JSON.stringify({ ...withoutTime, out_trade_no: 'WY-missing-time' }));
    expect(await handleNotify(deps, headers, raw, 'transaction')).toEqual({
      status: 400,
      message: '通知资源内容不完整',
    });
    expect(sql.query).not.toHaveBeenCalled();
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ event: 'TRANSACTION.SUCCESS', issues: expect.stringContaining('success_time') }),
      'pay notification resource does not match its schema',
    );
  });
});
