import { createSign, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import Pay from 'wechatpay-node-v3';
import { z } from 'zod';
import type { PayConfig } from '../config.js';
import { AppError } from '../errors.js';
import { verifyWechatSignature } from './pay-signature.js';
import { ZRefundAnswer, ZTransaction, type RefundAnswer, type Transaction } from './pay-resources.js';

export type { RefundAnswer, Transaction } from './pay-resources.js';

export type RequestPaymentParams = {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
};

/** A v3 error answer: `code` is WeChat's (PARAM_ERROR, ORDERPAID, SYSTEM_ERROR…); null when nothing (trustworthy) came back. */
export class PayApiError extends Error {
  constructor(
    readonly status: number | null,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'PayApiError';
  }
  /** Worth retrying with the same numbers: no answer, a 5xx, SYSTEM_ERROR or a rate limit. */
  get retryable(): boolean {
    return (
      this.status === null || this.status >= 500 || this.code === 'SYSTEM_ERROR' || this.code === 'FREQUENCY_LIMITED'
    );
  }
}

export type PayClient = ReturnType<typeof createPayClient>;

const WECHAT_HOST = 'https://api.mch.weixin.qq.com';

const ZBillAnswer = z.looseObject({ hash_type: z.string(), hash_value: z.string(), download_url: z.url() });
const ZErrorAnswer = z.looseObject({ code: z.string().optional(), message: z.string().optional() });

/**
 * wechatpay-node-v3 signs our requests and the `requestPayment` parameters; its HTTP goes through
 * our service (pay.createHttp) so it reaches the configured base URL (the simulator in development
 * and tests — signatures cover only the path, so they stay valid) and so every answer's signature is
 * verified, which the SDK does not do (docs/toolchain.md). An answer that fails verification is treated as
 * no answer at all.
 */
export function createPayClient(config: PayConfig, timeoutMs: number) {
  const sdk = new Pay({
    appid: config.appid,
    mchid: config.mchid,
    serial_no: config.merchantSerial,
    // The SDK reads the merchant certificate only to find its serial, which we give it directly.
    publicKey: Buffer.from('serial given'),
    privateKey: Buffer.from(config.privateKeyPem),
    key: config.apiV3Key,
  });

  async function send(method: 'GET' | 'POST', url: string, headers: Record<string, string>, params?: object) {
    const body = params === undefined ? undefined : JSON.stringify(params); // the very string the SDK signed
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${config.apiBase}${url.slice(WECHAT_HOST.length)}`, {
        method,
        headers: { ...headers, 'Accept-Encoding': 'identity' },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await res.text();
    } catch (err) {
      return { status: undefined as unknown as number, error: { code: null, message: (err as Error).name } };
    }
    const signed = verifyWechatSignature(
      config.verifyKeys,
      {
        timestamp: res.headers.get('wechatpay-timestamp') ?? '',
        nonce: res.headers.get('wechatpay-nonce') ?? '',
        signature: res.headers.get('wechatpay-signature') ?? '',
        serial: res.headers.get('wechatpay-serial') ?? '',
      },
      text,
    );
    if (!signed)
      return {
        status: undefined as unknown as number,
        error: { code: null, message: `unsigned answer (HTTP ${res.status})` },
      };
    const json = text ? JSON.parse(text) : undefined;
    return res.ok ? { status: res.status, data: json } : { status: res.status, error: json };
  }
  sdk.createHttp({
    get: (url: string, headers: Record<string, string>) => send('GET', url, headers),
    post: (url: string, params: Record<string, unknown>, headers: Record<string, string>) =>
      send('POST', url, headers, params),
    upload: () => Promise.reject(new Error('not used')),
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- wechatpay-node-v3 types its answers as any
  function check(out: { status: number; data?: any; error?: any }, what: string) {
    if (out.status >= 200 && out.status < 300) return out.data;
    const err = typeof out.error === 'object' && out.error ? out.error : {};
    throw new PayApiError(out.status ?? null, err.code ?? null, `${what}: ${err.message ?? 'no valid answer'}`);
  }

  /** A signed 2xx answer of the shape WeChat documents; any other is treated as no answer (retryable). */
  function answer<T>(schema: z.ZodType<T>, out: { status: number; data?: unknown; error?: unknown }, what: string): T {
    const parsed = schema.safeParse(check(out, what));
    if (parsed.success) return parsed.data;
    throw new PayApiError(null, null, `${what}: unexpected answer (${z.prettifyError(parsed.error)})`);
  }

  /** The parameters for `Taro.requestPayment`, signed here (the client's signType defaults to MD5, so it is explicit). */
  function paymentParams(prepayId: string): RequestPaymentParams {
    const timeStamp = String(Math.floor(Date.now() / 1000));
    const nonceStr = randomBytes(16).toString('hex');
    const pkg = `prepay_id=${prepayId}`;
    const paySign = createSign('RSA-SHA256')
      .update(`${config.appid}\n${timeStamp}\n${nonceStr}\n${pkg}\n`)
      .sign(config.privateKeyPem, 'base64');
    return { timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign };
  }

  /** Our request signature (docs/wechat.md §5), for the one call the SDK cannot make for us: a streamed download. */
  function authorization(method: string, pathWithQuery: string): string {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(16).toString('hex');
    const signature = createSign('RSA-SHA256')
      .update(`${method}\n${pathWithQuery}\n${timestamp}\n${nonce}\n\n`)
      .sign(config.privateKeyPem, 'base64');
    return `WECHATPAY2-SHA256-RSA2048 mchid="${config.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${config.merchantSerial}"`;
  }

  return {
    config,
    paymentParams,
    /**
     * The day's trade bill (bill_type ALL): WeChat's signed answer gives the SHA-1 and a short-lived
     * URL; the file itself is not signed — its SHA-1 is the check — and comes back as a stream.
     */
    async tradeBill(day: string): Promise<{ sha1: string; body: Readable }> {
      const out = await sdk.tradebill({ bill_date: day, bill_type: 'ALL' });
      const { hash_value, download_url } = answer(ZBillAnswer, out, 'tradebill');
      const url = new URL(download_url);
      const path = `${url.pathname}${url.search}`;
      let res: Response;
      try {
        res = await fetch(`${config.apiBase}${path}`, {
          headers: { Authorization: authorization('GET', path), Accept: '*/*' },
          signal: AbortSignal.timeout(timeoutMs * 6),
        });
      } catch (err) {
        throw new PayApiError(null, null, `bill download: ${(err as Error).name}`);
      }
      if (!res.ok || !res.body) {
        const err = ZErrorAnswer.catch({}).parse(await res.json().catch(() => ({})));
        throw new PayApiError(res.status, err.code ?? null, `bill download: ${err.message ?? res.status}`);
      }
      return {
        sha1: hash_value.toLowerCase(),
        body: Readable.fromWeb(res.body as import('node:stream/web').ReadableStream),
      };
    },
    async prepay(input: {
      outTradeNo: string;
      description: string;
      totalFen: number;
      openid: string;
      timeExpire: string;
      attach?: string;
    }): Promise<{ prepayId: string }> {
      const out = await sdk.transactions_jsapi({
        description: input.description,
        out_trade_no: input.outTradeNo,
        time_expire: input.timeExpire,
        ...(input.attach ? { attach: input.attach } : {}),
        notify_url: config.notifyUrl,
        amount: { total: input.totalFen, currency: 'CNY' },
        payer: { openid: input.openid },
      });
      const data = check(out, 'prepay');
      // The SDK already turned the answer into requestPayment parameters: the prepay id is in `package`.
      return { prepayId: String(data.package).replace(/^prepay_id=/, '') };
    },
    /** null: WeChat does not know the order (ORDER_NOT_EXIST). */
    async query(outTradeNo: string): Promise<Transaction | null> {
      const out = await sdk.query({ out_trade_no: outTradeNo });
      if (out.status === 404) return null;
      return answer(ZTransaction, out, 'query');
    },
    /**
     * 关闭订单 (https://pay.weixin.qq.com/doc/v3/merchant/4012556398; docs/wechat.md §5, Query and close):
     * 204 closed; 400 ORDER_CLOSED already closed (so closed); 202 USER_PAYING the payer is entering the
     * password — not closed ('paying'); ORDERPAID, a v2 code kept as a defence, paid meanwhile ('paid').
     * Anything else throws.
     */
    async close(outTradeNo: string): Promise<'closed' | 'paid' | 'paying'> {
      const out = await sdk.close(outTradeNo);
      if (out.status === 400 && out.error?.code === 'ORDERPAID') return 'paid';
      if (out.status === 400 && out.error?.code === 'ORDER_CLOSED') return 'closed';
      if (out.status === 202) return 'paying';
      check(out, 'close');
      if (out.status !== 204 && out.status !== 200)
        throw new PayApiError(out.status, null, `close: unexpected HTTP ${out.status}`);
      return 'closed';
    },
    async refund(input: {
      outTradeNo: string;
      outRefundNo: string;
      refundFen: number;
      totalFen: number;
      reason: string;
    }): Promise<RefundAnswer> {
      const out = await sdk.refunds({
        out_trade_no: input.outTradeNo,
        out_refund_no: input.outRefundNo,
        reason: input.reason.slice(0, 80),
        notify_url: config.refundNotifyUrl,
        amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
      } as never);
      return answer(ZRefundAnswer, out as never, 'refund');
    },
    async queryRefund(outRefundNo: string): Promise<RefundAnswer | null> {
      const out = await sdk.find_refunds(outRefundNo);
      if ((out as { status: number }).status === 404) return null;
      return answer(ZRefundAnswer, out as never, 'refund query');
    },
  };
}

/** Payments are configured per deployment: an endpoint that needs them says so clearly when they are not. */
export function requirePay(pay: PayClient | null): PayClient {
  if (!pay) throw new AppError('PAYMENT_UNAVAILABLE', '在线缴费暂未开通，请到物业服务中心缴费');
  return pay;
}
