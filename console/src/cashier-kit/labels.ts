/** The words the cashier screens show for the BFF's states and channels (one place, so they agree). */
export const CHANNEL: Record<string, string> = { WECHAT: '微信支付', CASH: '现金', TRANSFER: '转账', POS: '刷卡' };

export const BILL_STATE: Record<string, string> = {
  UNPAID: '未缴',
  PAYING: '支付中',
  PAID: '已缴',
  PARTIALLY_REFUNDED: '部分退款',
  REFUNDED: '已退款',
  WAIVED: '已减免',
};

export const PAYMENT_STATE: Record<string, string> = {
  RECORDED: '有效',
  VOID_REQUESTED: '待审批作废',
  VOIDED: '已作废',
};

/** Refund states (docs/wechat.md §5, Refunds). */
export const REFUND_STATE: Record<string, string> = {
  PENDING: '待提交',
  PROCESSING: '处理中',
  SUCCESS: '已退款',
  ABNORMAL: '退款异常',
  CLOSED: '已关闭',
  TO_MERCHANT: '退回商户账户',
};

export const RECONCILE_KIND: Record<string, string> = {
  ONLY_WECHAT: '微信有、我方无',
  ONLY_OURS: '我方有、微信无',
  AMOUNT_MISMATCH: '金额不符',
  STATUS_MISMATCH: '状态不符',
};

/** A day in Beijing as YYYY-MM-DD, `days` from today (the desk's own zone does not matter). */
export function beijingDay(days = 0, from = new Date()) {
  const parts = new Intl.DateTimeFormat('en', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(from.getTime() + days * 86_400_000));
  const part = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}
