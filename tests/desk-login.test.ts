import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { makeCommunity } from './support/factories/index.js';

/**
 * Desk login (#10, docs/wechat.md §6): a desk browser's ticket, shown as a mini-program code, scanned
 * and confirmed on a staff member's phone, redeemed once by that browser for a short desk session.
 */
const clock = new ManualClock(atBeijing('2026-11-20', 10 * 60)); // a fixed instant, not today
const h = useHarness({ clock });
let A: Awaited<ReturnType<typeof makeCommunity>>;
let cashier: Actor;
let owner: Actor;

const DESK_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';

/** A desk browser: it keeps the cookie the BFF sets with its ticket, as a browser would. */
function deskBrowser() {
  let cookie = '';
  return {
    async call(method: string, path: string) {
      const res = await h.call(method, path, { headers: { 'user-agent': DESK_UA, ...(cookie ? { cookie } : {}) } });
      const set = res.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0]!;
      return res;
    },
    get cookie() {
      return cookie;
    },
  };
}

async function newTicket(desk = deskBrowser()) {
  const res = await desk.call('POST', '/api/desk/tickets');
  expect(res.status).toBe(201);
  return { desk, ticket: res.body.ticket as string };
}

/** What a phone does after scanning: open the page (scan), then confirm. */
async function scanAndConfirm(who: Actor, ticket: string) {
  expect((await who.call('POST', `/api/desk/tickets/${ticket}/scan`)).status).toBe(200);
  expect((await who.call('POST', `/api/desk/tickets/${ticket}/confirm`)).status).toBe(200);
}

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 1 });
  cashier = await staff(h, 'CASHIER', { id: A.community.id, companyId: A.companyId }, { name: '王收银' });
  owner = await resident(h, A.units[0]!);
});

describe('desk login', () => {
  it('a ticket is bound to its browser by an HttpOnly cookie and shows a mini-program code WeChat made for it', async () => {
    const { desk, ticket } = await newTicket();
    expect(ticket).toMatch(/^[0-9A-Za-z]{32}$/);
    const created = await h.call('POST', '/api/desk/tickets', { headers: { 'user-agent': DESK_UA } });
    expect(created.headers.get('set-cookie')).toMatch(/^wyt_desk=[^;]+; path=\/api\/desk;.*samesite=strict; httponly/i);

    const code = await desk.call('GET', `/api/desk/tickets/${ticket}/code`);
    expect(code.status).toBe(200);
    expect(code.headers.get('content-type')).toBe('image/jpeg');
    const image = Buffer.from(
      await (
        await fetch(`${h.url}/api/desk/tickets/${ticket}/code`, { headers: { cookie: desk.cookie } })
      ).arrayBuffer(),
    );
    expect([...image.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    // Scanning it with WeChat opens the confirmation page with the ticket as the scene (launch scene 1047).
    const scanned = await h.sim('/sim/wxacode/scan', { imageBase64: image.toString('base64') });
    expect(scanned).toMatchObject({
      page: 'packages/staff/desk-login/index',
      query: { scene: ticket },
      launchScene: 1047,
    });

    // Another browser (no cookie, or its own) finds no such ticket, and gets no code for it.
    const stranger = deskBrowser();
    await newTicket(stranger);
    expect((await stranger.call('GET', `/api/desk/tickets/${ticket}`)).status).toBe(404);
    expect((await stranger.call('GET', `/api/desk/tickets/${ticket}/code`)).status).toBe(404);
    expect((await h.call('GET', `/api/desk/tickets/${ticket}`)).status).toBe(404);
  });

  it('scan → confirm → the desk redeems once for a desk session that reaches staff pages only', async () => {
    const { desk, ticket } = await newTicket();
    const scan = await cashier.call('POST', `/api/desk/tickets/${ticket}/scan`);
    expect(scan.body).toMatchObject({
      state: 'SCANNED',
      desk: { agent: 'Chrome 130 · Windows', ip: expect.any(String) },
    });
    expect((await desk.call('GET', `/api/desk/tickets/${ticket}`)).body).toMatchObject({
      state: 'SCANNED',
      scannedBy: '王**',
    });
    // Before the confirmation the desk has nothing to redeem.
    expect((await desk.call('POST', `/api/desk/tickets/${ticket}/redeem`)).body).toMatchObject({
      code: 'DESK_TICKET_STATE',
      message: '请在手机上点“确认登录”',
    });
    expect((await cashier.call('POST', `/api/desk/tickets/${ticket}/confirm`)).body.state).toBe('CONFIRMED');
    expect((await desk.call('GET', `/api/desk/tickets/${ticket}`)).body.state).toBe('CONFIRMED');

    // Another browser cannot take it, even knowing the ticket.
    expect((await deskBrowser().call('POST', `/api/desk/tickets/${ticket}/redeem`)).status).toBe(404);
    const redeemed = await desk.call('POST', `/api/desk/tickets/${ticket}/redeem`);
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.user).toMatchObject({ id: cashier.userId, name: '王收银' });
    const token = redeemed.body.token as string;
    // Shorter than a phone session: 12 hours at most.
    expect(new Date(redeemed.body.expiresAt).getTime() - clock.now().getTime()).toBe(12 * 3600_000);

    const again = await desk.call('POST', `/api/desk/tickets/${ticket}/redeem`);
    expect(again).toMatchObject({ status: 409, body: { code: 'DESK_TICKET_USED' } });

    const me = await h.call('GET', '/api/me', { token });
    expect(me.body).toMatchObject({ id: cashier.userId, desk: true, units: [] });
    expect(me.body.staff[0].roles).toEqual(['CASHIER']);
    expect((await h.call('GET', `/api/staff/communities/${A.community.id}/fee-items`, { token })).status).toBe(200);
    const resident = await h.call('GET', '/api/bills/summary', { token });
    expect(resident).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    // A desk session cannot sign in further desks.
    const { ticket: next } = await newTicket();
    expect((await h.call('POST', `/api/desk/tickets/${next}/scan`, { token })).status).toBe(403);

    const row = await h.db.deskLogin.findFirstOrThrow({ where: { userId: cashier.userId } });
    expect(row).toMatchObject({ deskAgent: 'Chrome 130 · Windows', endedAt: null });
  });

  it('the phone lists its desk sessions and ends one; logging out at the desk ends its record', async () => {
    const first = await newTicket();
    await scanAndConfirm(cashier, first.ticket);
    const a = (await first.desk.call('POST', `/api/desk/tickets/${first.ticket}/redeem`)).body.token as string;
    clock.advance(1000);
    const second = await newTicket();
    await scanAndConfirm(cashier, second.ticket);
    const b = (await second.desk.call('POST', `/api/desk/tickets/${second.ticket}/redeem`)).body.token as string;

    const listed = await cashier.call('GET', '/api/desk/sessions');
    expect(listed.body.items.length).toBeGreaterThanOrEqual(2);
    const newest = listed.body.items[0];
    // Someone else's desk session is "not found", and stays alive.
    expect((await owner.call('POST', `/api/desk/sessions/${newest.id}/revoke`)).status).toBe(404);
    expect((await h.call('GET', '/api/me', { token: b })).status).toBe(200);
    expect((await cashier.call('POST', `/api/desk/sessions/${newest.id}/revoke`)).status).toBe(200);
    expect((await h.call('GET', '/api/me', { token: b })).body.code).toBe('SESSION_EXPIRED');
    expect(await h.db.deskLogin.findUniqueOrThrow({ where: { id: newest.id } })).toMatchObject({
      endedReason: 'REVOKED',
    });

    expect((await h.call('POST', '/api/auth/logout', { token: a })).status).toBe(204);
    expect((await h.call('GET', '/api/me', { token: a })).status).toBe(401);
    expect(await h.db.deskLogin.count({ where: { userId: cashier.userId, endedReason: 'LOGOUT' } })).toBe(1);
    // The phone's own session is untouched by all of this.
    expect((await cashier.call('GET', '/api/me')).status).toBe(200);
  });

  it('refuses expired, cancelled and reused tickets with clear messages, and residents altogether', async () => {
    const expiring = await newTicket();
    clock.advance(181_000);
    const late = await cashier.call('POST', `/api/desk/tickets/${expiring.ticket}/scan`);
    expect(late).toMatchObject({
      status: 410,
      body: { code: 'DESK_TICKET_EXPIRED', message: expect.stringContaining('二维码已过期') },
    });
    expect((await expiring.desk.call('GET', `/api/desk/tickets/${expiring.ticket}`)).body.state).toBe('EXPIRED');

    // Confirmed but not redeemed within a minute: gone.
    const slow = await newTicket();
    await scanAndConfirm(cashier, slow.ticket);
    clock.advance(61_000);
    expect((await slow.desk.call('POST', `/api/desk/tickets/${slow.ticket}/redeem`)).body.code).toBe(
      'DESK_TICKET_EXPIRED',
    );

    const cancelled = await newTicket();
    await cashier.call('POST', `/api/desk/tickets/${cancelled.ticket}/scan`);
    expect((await cashier.call('POST', `/api/desk/tickets/${cancelled.ticket}/cancel`)).body.state).toBe('CANCELLED');
    expect((await cashier.call('POST', `/api/desk/tickets/${cancelled.ticket}/confirm`)).body).toMatchObject({
      code: 'DESK_TICKET_CANCELLED',
      message: expect.stringContaining('已取消'),
    });
    expect((await cancelled.desk.call('GET', `/api/desk/tickets/${cancelled.ticket}`)).body.state).toBe('CANCELLED');

    // Someone else's scan cannot be confirmed by another phone.
    const other = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
    const taken = await newTicket();
    await cashier.call('POST', `/api/desk/tickets/${taken.ticket}/scan`);
    expect((await other.call('POST', `/api/desk/tickets/${taken.ticket}/scan`)).body.code).toBe('DESK_TICKET_STATE');
    expect((await other.call('POST', `/api/desk/tickets/${taken.ticket}/confirm`)).body.code).toBe('DESK_TICKET_STATE');

    const forResident = await newTicket();
    expect((await owner.call('POST', `/api/desk/tickets/${forResident.ticket}/scan`)).body).toMatchObject({
      code: 'DESK_STAFF_ONLY',
      message: '只有物业工作人员可以登录收银台',
    });
    expect((await cashier.call('POST', '/api/desk/tickets/not-a-ticket/scan')).status).toBe(400);
  });

  it('confirming one ticket from two phones at once, or redeeming it twice at once, has one winner', async () => {
    const { desk, ticket } = await newTicket();
    await cashier.call('POST', `/api/desk/tickets/${ticket}/scan`);
    const confirms = await Promise.all(
      Array.from({ length: 5 }, () => cashier.call('POST', `/api/desk/tickets/${ticket}/confirm`)),
    );
    expect(confirms.filter((r) => r.status === 200)).toHaveLength(1);
    expect(confirms.filter((r) => r.status === 409).map((r) => r.body.message)).toEqual(
      Array(4).fill('已确认登录，请在收银台继续'),
    );
    const redeems = await Promise.all(
      Array.from({ length: 8 }, () => desk.call('POST', `/api/desk/tickets/${ticket}/redeem`)),
    );
    expect(redeems.filter((r) => r.status === 200)).toHaveLength(1);
    expect(redeems.filter((r) => r.status === 409 && r.body.code === 'DESK_TICKET_USED')).toHaveLength(7);
  });

  it('WeChat refusing the code is a clear error, not a broken image', async () => {
    const { desk, ticket } = await newTicket();
    await h.sim('/sim/faults', { api: 'getwxacodeunlimit', errcode: 45009 });
    const refused = await desk.call('GET', `/api/desk/tickets/${ticket}/code`);
    expect(refused).toMatchObject({ status: 429, body: { code: 'WECHAT_RATE_LIMITED' } });
    expect((await desk.call('GET', `/api/desk/tickets/${ticket}/code`)).status).toBe(200);
  });
});
