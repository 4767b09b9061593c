import { z } from 'zod';
import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { ZCommunityParams, ZId, ZIdParams, ZText } from '../http/params.js';
import { notFound } from '../errors.js';
import { createPayOrder } from './create-order.js';
import { handleNotify } from './notify.js';
import { orderInclude, shapeOrder } from './order-view.js';
import { createRefund } from './refunds.js';
import { listRefunds, ZRefundListQuery } from './refund-list.js';
import { syncOrder } from './sync-order.js';

export const NOTIFY_PATHS = ['/wechat/pay/notify', '/wechat/pay/refund-notify'];
const NOTIFY_MAX_BYTES = 64 * 1024;

const ZCreateOrder = z.object({
  billIds: z.array(ZId, '请选择要缴的账单').min(1, '请至少选择一笔账单').max(24, '一次最多缴 24 笔账单'),
});
const ZRefundRequest = z.object({
  amountFen: z.number('退款金额必须是数字（单位：分）').int('退款金额必须是整数分').min(1, '退款金额必须大于 0'),
  reason: ZText({ min: 2, max: 80, label: '退款原因' }),
});

/** The raw bytes, as signed: the notification's signature covers them, never a re-serialised object. */
async function rawBody(req: NodeJS.ReadableStream): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > NOTIFY_MAX_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** WeChat Pay's fixed notification paths: no session, answered 204 or `{ code: 'FAIL', message }`. */
export function payNotifyRoutes(deps: Deps) {
  const router = createRouter('/wechat/pay');
  for (const [path, kind] of [
    ['/notify', 'transaction'],
    ['/refund-notify', 'refund'],
  ] as const) {
    router.post(path, async (ctx) => {
      const raw = await rawBody(ctx.req);
      const answer = raw
        ? await handleNotify(deps, ctx.headers as Record<string, string | undefined>, raw, kind)
        : ({ status: 400, message: '通知内容过大' } as const);
      ctx.status = answer.status;
      if (answer.status !== 204) {
        ctx.state.log.warn({ reason: answer.message }, 'pay notification refused');
        ctx.body = { code: 'FAIL', message: answer.message };
      }
    });
  }
  return router;
}

/** Between two page polls the BFF asks WeChat at most once a second per order. */
const POLL_QUERY_GAP_MS = 1000;

export function payRoutes(deps: Deps) {
  const router = createRouter('/api');
  router.use(requireSession(deps.sessions));
  router.post('/pay/orders', async (ctx) => {
    const { billIds } = ZCreateOrder.parse(ctx.request.body);
    ctx.status = 201;
    ctx.body = await createPayOrder(deps, userIdOf(ctx), billIds);
  });
  // The page polls this after requestPayment: if no notify has come, the BFF asks WeChat itself.
  router.get('/pay/orders/:id', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    const pending = await deps.db.payOrder.findFirst({ where: { id, userId: userIdOf(ctx) } });
    if (!pending) throw notFound('订单');
    if (pending.state === 'PENDING' && pending.prepayId && deps.wechat.pay) {
      const first = await deps.redis.set(`pay:poll:${id}`, '1', 'PX', POLL_QUERY_GAP_MS, 'NX');
      if (first)
        await syncOrder(deps, pending, { close: false }).catch((err) =>
          ctx.state.log.warn({ err: (err as Error).message }, 'order query failed'),
        );
    }
    const order = await deps.db.payOrder.findUniqueOrThrow({ where: { id }, include: orderInclude });
    ctx.body = shapeOrder(order);
  });
  router.get('/staff/communities/:communityId/refunds', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await listRefunds(deps, userIdOf(ctx), communityId, ZRefundListQuery.parse(ctx.query));
  });
  router.post('/staff/bills/:id/refunds', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    const input = ZRefundRequest.parse(ctx.request.body);
    ctx.status = 201;
    ctx.body = await createRefund(deps, userIdOf(ctx), id, input);
  });
  return router;
}
