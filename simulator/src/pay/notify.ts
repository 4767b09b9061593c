import { randomUUID } from 'node:crypto';
import type { SimState } from '../state.js';
import { encryptResource, signedHeaders } from './crypto.js';
import { NOTIFY_RETRY_SECONDS, type Merchant } from './state.js';

export type NotifyEvent = {
  id: string;
  eventType: 'TRANSACTION.SUCCESS' | 'REFUND.SUCCESS' | 'REFUND.ABNORMAL' | 'REFUND.CLOSED';
  url: string;
  merchant: Merchant;
  outTradeNo: string;
  associatedData: 'transaction' | 'refund';
  resource: object;
};

/** The envelope's `summary`, as WeChat words it per event. */
const NOTIFY_SUMMARY: Record<string, string> = {
  'TRANSACTION.SUCCESS': '支付成功',
  'REFUND.SUCCESS': '退款成功',
  'REFUND.ABNORMAL': '退款异常',
  'REFUND.CLOSED': '退款关闭',
};

/** How a notification can be spoiled: tests post these to our server to see them refused. */
export type Tamper = 'signature' | 'stale' | 'serial' | 'signtest' | 'ciphertext' | 'algorithm';

export function notifyEvent(
  merchant: Merchant,
  url: string,
  eventType: NotifyEvent['eventType'],
  outTradeNo: string,
  resource: object,
): NotifyEvent {
  return {
    id: randomUUID(),
    eventType,
    url,
    merchant,
    outTradeNo,
    associatedData: eventType.startsWith('REFUND') ? 'refund' : 'transaction',
    resource,
  };
}

/** The notification exactly as WeChat sends it: JSON body with an encrypted resource, signed headers. */
export function buildNotification(
  state: SimState,
  event: NotifyEvent,
  tamper?: Tamper,
): { headers: Record<string, string>; body: string } {
  const plaintext = JSON.stringify(event.resource);
  const resource = encryptResource(event.merchant.apiV3Key, plaintext, event.associatedData);
  if (tamper === 'ciphertext') {
    // GCM encrypts like a stream cipher: flipping a ciphertext bit flips the same plaintext bit. Flip
    // the lowest bit of the amount's first digit (2 ↔ 3…): still valid JSON, a different amount —
    // only the authentication tag can tell.
    const at = Buffer.byteLength(plaintext.slice(0, plaintext.indexOf('"total":') + '"total":'.length));
    const bytes = Buffer.from(resource.ciphertext, 'base64');
    bytes[at] = bytes[at]! ^ 0x01;
    resource.ciphertext = bytes.toString('base64');
  }
  if (tamper === 'algorithm') resource.algorithm = 'AEAD_AES_128_GCM';
  const body = JSON.stringify({
    id: event.id,
    create_time: new Date(state.now()).toISOString().replace('Z', '+00:00'),
    resource_type: 'encrypt-resource',
    event_type: event.eventType,
    summary: NOTIFY_SUMMARY[event.eventType] ?? '支付成功',
    resource: { ...resource, original_type: event.associatedData },
  });
  const at = tamper === 'stale' ? state.now() - 10 * 60_000 : state.now();
  const headers = signedHeaders(state.pay, body, at);
  if (tamper === 'signature')
    headers['Wechatpay-Signature'] = signedHeaders(state.pay, `${body} `, at)['Wechatpay-Signature']!;
  if (tamper === 'signtest') headers['Wechatpay-Signature'] = `WECHATPAY/SIGNTEST/${headers['Wechatpay-Signature']}`;
  if (tamper === 'serial') headers['Wechatpay-Serial'] = 'PUB_KEY_ID_0000000000000000000000000000UNKNOWN';
  return { headers: { 'content-type': 'application/json', ...headers }, body };
}

async function post(state: SimState, event: NotifyEvent, attempt: number, tamper?: Tamper): Promise<boolean> {
  const { headers, body } = buildNotification(state, event, tamper);
  let status: number | null;
  try {
    const res = await fetch(event.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(5000) });
    status = res.status;
    await res.arrayBuffer();
  } catch {
    status = null; // no answer within 5 s counts as not acknowledged
  }
  state.pay.deliveries.push({
    eventId: event.id,
    eventType: event.eventType,
    outTradeNo: event.outTradeNo,
    attempt,
    status,
    at: state.now(),
  });
  return status !== null && status >= 200 && status < 300;
}

/**
 * Delivers a notification as WeChat does: at once, then again on its retry schedule until a 2xx
 * answer (about 15 times over 24 hours, compressed by `retryScale` in tests). The next injected fault
 * applies to this event's first attempt: dropped for good, sent as several copies at once, delayed,
 * held back until the next event has been sent (out of order), or sent with a bad signature or an old
 * timestamp (later attempts are sound).
 */
export function deliverNotification(state: SimState, event: NotifyEvent): void {
  const fault = state.pay.notifyFaults.shift();
  if (fault?.kind === 'drop') {
    state.pay.deliveries.push({
      eventId: event.id,
      eventType: event.eventType,
      outTradeNo: event.outTradeNo,
      attempt: 0,
      status: null,
      at: state.now(),
    });
    return;
  }
  const firstTamper =
    fault?.kind === 'badSignature' ? 'signature' : fault?.kind === 'staleTimestamp' ? 'stale' : undefined;
  const copies = fault?.kind === 'duplicate' ? fault.copies : 1;
  const run = async () => {
    const first = await Promise.all(Array.from({ length: copies }, () => post(state, event, 0, firstTamper)));
    if (first.some(Boolean)) return;
    for (let i = 0; i < NOTIFY_RETRY_SECONDS.length; i++) {
      await new Promise((r) => setTimeout(r, NOTIFY_RETRY_SECONDS[i]! * 1000 * state.pay.retryScale));
      if (await post(state, event, i + 1)) return;
    }
  };
  if (fault?.kind === 'outOfOrder') {
    state.pay.heldBack = () => void run();
    return;
  }
  const held = state.pay.heldBack;
  state.pay.heldBack = null;
  setTimeout(
    () => {
      void run().then(() => held?.());
    },
    fault?.kind === 'delay' ? fault.ms : 0,
  );
}
