import { z } from 'zod';
import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { phoneUserOf, requireSession } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import { TICKET_ID } from './tickets.js';
import {
  abandonTicket,
  cancelTicket,
  confirmTicket,
  createTicket,
  deskView,
  listDeskLogins,
  redeemTicket,
  revokeDeskLogin,
  scanTicket,
  ticketCode,
  tickets,
} from './desk-login.js';

/** The desk browser's proof that a ticket is its own: HttpOnly, never readable by scripts. */
const NONCE_COOKIE = 'wyt_desk';
const ZTicket = z.object({ ticket: z.string().regex(TICKET_ID, '二维码无效') });
const ZId = z.object({ id: z.uuid('记录不存在') });
/** WeChat's launch scene of the page, as the mini-program read it (docs/wechat.md §6). */
const ZScene = z.number('缺少进入场景').int('进入场景不正确').min(1000, '进入场景不正确').max(9999, '进入场景不正确');
const ZScan = z.object({ scene: ZScene }).strict();
const ZConfirm = z
  .object({
    scene: ZScene,
    code: z.string('请输入电脑屏幕上的两位数字').regex(/^\d{2}$/, '请输入电脑屏幕上的两位数字'),
  })
  .strict();

const nonceOf = (ctx: AppContext) => ctx.cookies.get(NONCE_COOKIE) ?? undefined;

/** A phone's own session: a desk session cannot sign in further desks or end them. */
const phoneOnly = (ctx: AppContext) => phoneUserOf(ctx, '请在手机微信中操作');

/**
 * Desk login by scanning a mini-program code (docs/wechat.md §6). The desk side (no session yet)
 * proves itself by the nonce cookie set with its ticket; the phone side by its WeChat session.
 */
export function deskRoutes(deps: Deps) {
  const router = createRouter('/api/desk');
  const session = requireSession(deps.sessions);

  router.post('/tickets', async (ctx) => {
    const { nonce, ticket } = await createTicket(deps, { ip: ctx.ip, userAgent: ctx.get('user-agent') });
    ctx.cookies.set(NONCE_COOKIE, nonce, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/api/desk',
      secure: ctx.secure,
      maxAge: 10 * 60_000,
      overwrite: true,
    });
    ctx.status = 201;
    ctx.body = deskView(ticket);
  });
  router.get('/tickets/:ticket', async (ctx) => {
    const { ticket } = ZTicket.parse(ctx.params);
    ctx.set('cache-control', 'no-store');
    ctx.body = deskView(await tickets(deps).readAtDesk(ticket, nonceOf(ctx)));
  });
  router.get('/tickets/:ticket/code', async (ctx) => {
    const { ticket } = ZTicket.parse(ctx.params);
    const { image, type } = await ticketCode(deps, ticket, nonceOf(ctx));
    ctx.set('cache-control', 'private, max-age=180');
    ctx.type = type;
    ctx.body = image;
  });
  router.post('/tickets/:ticket/redeem', async (ctx) => {
    const { ticket } = ZTicket.parse(ctx.params);
    ctx.body = await redeemTicket(deps, ticket, nonceOf(ctx));
  });
  router.post('/tickets/:ticket/abandon', async (ctx) => {
    const { ticket } = ZTicket.parse(ctx.params);
    ctx.body = await abandonTicket(deps, ticket, nonceOf(ctx));
  });

  router.post('/tickets/:ticket/scan', session, async (ctx) => {
    const { ticket } = ZTicket.parse(ctx.params);
    ctx.body = await scanTicket(deps, ticket, phoneOnly(ctx), ZScan.parse(ctx.request.body));
  });
  router.post('/tickets/:ticket/confirm', session, async (ctx) => {
    const { ticket } = ZTicket.parse(ctx.params);
    ctx.body = await confirmTicket(deps, ticket, phoneOnly(ctx), ZConfirm.parse(ctx.request.body));
  });
  router.post('/tickets/:ticket/cancel', session, async (ctx) => {
    const { ticket } = ZTicket.parse(ctx.params);
    ctx.body = await cancelTicket(deps, ticket, phoneOnly(ctx));
  });

  router.get('/sessions', session, async (ctx) => {
    ctx.body = await listDeskLogins(deps, phoneOnly(ctx));
  });
  router.post('/sessions/:id/revoke', session, async (ctx) => {
    const { id } = ZId.parse(ctx.params);
    ctx.body = await revokeDeskLogin(deps, phoneOnly(ctx), id);
  });
  return router;
}
