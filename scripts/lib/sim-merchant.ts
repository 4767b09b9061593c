import { generateKeyPairSync, randomBytes } from 'node:crypto';

/**
 * A WeChat Pay merchant for development and tests: its API key pair and APIv3 key are made here (no
 * secret is committed), registered with the simulator, and the simulator's platform public key comes
 * back as the BFF's verification key (public-key mode, docs/wechat.md §5).
 */
export type SimMerchant = {
  mchid: string;
  serialNo: string;
  privateKeyPem: string;
  publicKeyPem: string;
  apiV3Key: string;
};

let cached: SimMerchant | undefined;

/** One per process: RSA key generation takes a moment and tests start many stacks. */
export function simMerchant(): SimMerchant {
  if (!cached) {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    cached = {
      mchid: '1900000109',
      serialNo: randomBytes(20).toString('hex').toUpperCase(),
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      apiV3Key: randomBytes(16).toString('hex'),
    };
  }
  return cached;
}

/** Registers the merchant at the simulator and returns the BFF's WECHATPAY_* environment for it. */
export async function registerSimMerchant(simUrl: string, appid: string): Promise<Record<string, string>> {
  const m = simMerchant();
  const res = await fetch(`${simUrl}/sim/pay/merchants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      mchid: m.mchid,
      appid,
      serialNo: m.serialNo,
      publicKeyPem: m.publicKeyPem,
      apiV3Key: m.apiV3Key,
    }),
  });
  if (!res.ok) throw new Error(`simulator refused the merchant: ${res.status} ${await res.text()}`);
  const platform = (await (await fetch(`${simUrl}/sim/pay/public-key`)).json()) as {
    publicKeyId: string;
    publicKeyPem: string;
  };
  return {
    WECHATPAY_MCHID: m.mchid,
    WECHATPAY_API_BASE: simUrl,
    WECHATPAY_MERCHANT_SERIAL: m.serialNo,
    WECHATPAY_PRIVATE_KEY: m.privateKeyPem,
    WECHATPAY_APIV3_KEY: m.apiV3Key,
    WECHATPAY_PUBLIC_KEY_ID: platform.publicKeyId,
    WECHATPAY_PUBLIC_KEY: platform.publicKeyPem,
  };
}
