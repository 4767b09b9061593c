import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { noBillFaults, type BillFaults } from './trade-bill.js';

/** A merchant as the merchant platform knows it: the public key of its API certificate and its APIv3 key. */
export type Merchant = { mchid: string; appid: string; serialNo: string; publicKeyPem: string; apiV3Key: string };

export type TradeState = 'NOTPAY' | 'USERPAYING' | 'SUCCESS' | 'CLOSED' | 'REFUND';

export type SimOrder = {
  mchid: string;
  appid: string;
  outTradeNo: string;
  description: string;
  totalFen: number;
  openid: string;
  notifyUrl: string;
  timeExpire: string;
  attach?: string;
  prepayId: string;
  /** The request body that created it: the same number with different content is OUT_TRADE_NO_USED. */
  fingerprint: string;
  state: TradeState;
  transactionId?: string;
  successTime?: string;
  refundedFen: number;
  /** When the merchant closed it (simulator clock, ms): a payer already in the password step has a short window. */
  closedAt?: number;
  /**
   * A 免充值 (merchant-funded) coupon the payer used: the payer paid total − coupon, the merchant is
   * settled that much (应结订单金额), and each refund gives the coupon back its share.
   */
  couponFen?: number;
};

export type SimRefund = {
  mchid: string;
  outTradeNo: string;
  transactionId: string;
  outRefundNo: string;
  refundId: string;
  /** What the merchant asked to refund (申请退款金额, `amount.refund`). */
  refundFen: number;
  /** The 免充值 coupon's share of it (非充值代金券退款金额): the payer gets refundFen − this back. */
  couponRefundFen: number;
  /** The order's 免充值 coupon, for `payer_total` in the refund's answers. */
  orderCouponFen?: number;
  totalFen: number;
  status: 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL';
  createTime: string;
  successTime?: string;
  /** When it became CLOSED or ABNORMAL (WeChat's answers do not show it; its trade bill's 退款状态 depends on it). */
  closeTime?: string;
  /**
   * Where the money goes (the answers' channel and user_received_account): ORIGINAL to 支付用户零钱 by
   * default; a refund to a bank card names the card; 发起异常退款 changes both (docs/wechat.md §5, Refunds).
   */
  channel?: 'ORIGINAL' | 'BALANCE' | 'OTHER_BALANCE' | 'OTHER_BANKCARD';
  account?: string;
  /** How it ends instead of SUCCESS (a `refundOutcomes` fault). */
  outcome?: 'CLOSED' | 'ABNORMAL';
  notifyUrl?: string;
};

/** Faults for the next notifications (each consumed by one event) or the next prepay calls. */
export type NotifyFault =
  | { kind: 'drop' }
  | { kind: 'duplicate'; copies: number }
  | { kind: 'delay'; ms: number }
  | { kind: 'badSignature' }
  | { kind: 'staleTimestamp' }
  | { kind: 'outOfOrder' };

/** A delivery attempt as WeChat logged it: tests read what was sent and what our server answered. */
export type Delivery = {
  eventId: string;
  eventType: string;
  outTradeNo: string;
  attempt: number;
  status: number | null;
  at: number;
};

/** WeChat's retry schedule for unacknowledged notifications (docs/wechat.md §5), in seconds. */
export const NOTIFY_RETRY_SECONDS = [
  15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600,
];

/**
 * WeChat Pay's side (v3): the platform's own RSA key pair with its public-key id (`PUB_KEY_ID_…`, the
 * serial in `Wechatpay-Serial` of signed answers and notifications), registered merchants, orders,
 * refunds, notification deliveries and the faults tests inject.
 */
export class PayState {
  readonly publicKeyId: string;
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
  readonly merchants = new Map<string, Merchant>();
  readonly orders = new Map<string, SimOrder>();
  readonly refunds = new Map<string, SimRefund>();
  readonly deliveries: Delivery[] = [];
  notifyFaults: NotifyFault[] = [];
  /** A notification held back by an `outOfOrder` fault: sent right after the next one. */
  heldBack: (() => void) | null = null;
  /** How the next refunds end, one each, instead of SUCCESS: accepted (PROCESSING), then CLOSED or ABNORMAL. */
  refundOutcomes: ('CLOSED' | 'ABNORMAL')[] = [];
  /** Closes that answer 202 USER_PAYING (the payer is entering the password): the order is left USERPAYING. */
  closeUserPaying = 0;
  /** Closes that answer 500 SYSTEM_ERROR (closing nothing). */
  closeSystemErrors = 0;
  /** Prepay calls that answer 500 SYSTEM_ERROR (after recording nothing). */
  prepaySystemErrors = 0;
  /** The next prepay answer is held this long after the order is recorded (a slow network back to the merchant). */
  prepayAnswerDelayMs = 0;
  /** Multiplies the retry schedule: tests compress 24 hours into seconds. */
  retryScale = 1;
  /** Switches for the trade bills WeChat writes (differences, broken files). */
  billFaults: BillFaults = noBillFaults();
  /** Download tokens of trade bills: short-lived, as WeChat's (30 s to 5 min). */
  readonly downloads = new Map<string, { content: string | { path: string }; expiresAt: number }>();
  /** Volume tests: a day's bill written to a file beforehand (WeChat's format), served instead of one made from the records. */
  readonly billFiles = new Map<string, string>();
  /** Refunds succeed after this long (ms of real time): WeChat answers PROCESSING first. */
  refundDelayMs = 50;
  /** The merchant's fee rate in hundredths of a percent (60 = 0.60%, WeChat's standard; 54 = 0.54%…). */
  feeRateBp = 60;
  private seq = 0;

  constructor() {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    this.publicKeyId = `PUB_KEY_ID_${randomBytes(16).toString('hex').toUpperCase()}`;
  }

  /** WeChat's ids: 28 digits for transactions, 29 for refunds, `wx…` for prepay ids. */
  nextId(kind: 'transaction' | 'refund' | 'prepay'): string {
    this.seq += 1;
    const n = `${Date.now()}${String(this.seq).padStart(6, '0')}`;
    if (kind === 'prepay') return `wx${n}${randomBytes(4).toString('hex')}`;
    return kind === 'transaction' ? `4200${n}`.padEnd(28, '0').slice(0, 28) : `5030${n}`.padEnd(29, '0').slice(0, 29);
  }

  orderByPrepayId(prepayId: string): SimOrder | undefined {
    for (const o of this.orders.values()) if (o.prepayId === prepayId) return o;
    return undefined;
  }

  reset() {
    this.orders.clear();
    this.refunds.clear();
    this.deliveries.length = 0;
    this.notifyFaults = [];
    this.heldBack = null;
    this.billFaults = noBillFaults();
    this.downloads.clear();
    this.billFiles.clear();
    this.prepaySystemErrors = 0;
    this.closeUserPaying = 0;
    this.closeSystemErrors = 0;
    this.refundOutcomes = [];
    this.prepayAnswerDelayMs = 0;
    this.retryScale = 1;
    this.feeRateBp = 60;
  }
}
