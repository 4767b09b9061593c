import { generateKeyPairSync, randomBytes } from 'node:crypto';

/**
 * WeChat Pay's side (v3), scaffold: the platform's own RSA key pair, generated at start, with its
 * public-key id (`PUB_KEY_ID_…`, the serial in `Wechatpay-Serial` of signed answers and notifications
 * in public-key mode — wechat-spec.md §5). Orders, notifications, refunds and bills come with the
 * payments issue.
 */
export class PayState {
  readonly publicKeyId: string;
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;

  constructor() {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    this.publicKeyId = `PUB_KEY_ID_${randomBytes(16).toString('hex').toUpperCase()}`;
  }

  reset() {}
}
