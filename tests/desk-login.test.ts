import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { useHarness } from './support/use-harness.js';
import { startHarness } from './support/harness.js';
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

/** WeChat's launch scene of a camera scan (1047); 1048 a long-pressed image, 1049 one from the album. */
const CAMERA = { scene: 1047 };
const scan = (who: Actor, ticket: string, scene = 1047) =>
  who.call('POST', `/api/desk/tickets/${ticket}/scan`, { body: { scene } });
const confirm = (who: Actor, ticket: string, code: string, scene = 1047) =>
  who.call('POST', `/api/desk/tickets/${ticket}/confirm`, { body: { scene, code } });
/** The two digits the desk shows once its ticket was scanned (the person reads them off the screen). */
const codeAt = async (desk: ReturnType<typeof deskBrowser>, ticket: string) =>
  (await desk.call('GET', `/api/desk/tickets/${ticket}`)).body.matchCode as string;

/** What a phone does after scanning: open the page (scan), then confirm with the desk's digits. */
async function scanAndConfirm(who: Actor, t: { desk: ReturnType<typeof deskBrowser>; ticket: string }) {
  expect((await scan(who, t.ticket)).status).toBe(200);
  expect((await confirm(who, t.ticket, await codeAt(t.desk, t.ticket))).status).toBe(200);
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
    const scanned = await scan(cashier, ticket);
    expect(scanned.body).toMatchObject({
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
    expect((await confirm(cashier, ticket, await codeAt(desk, ticket))).body.state).toBe('CONFIRMED');
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
    expect((await h.call('POST', `/api/desk/tickets/${next}/scan`, { token, body: CAMERA })).status).toBe(403);

    const row = await h.db.deskLogin.findFirstOrThrow({ where: { userId: cashier.userId } });
    expect(row).toMatchObject({ deskAgent: 'Chrome 130 · Windows', endedAt: null });
  });

  it('the phone lists its desk sessions and ends one; logging out at the desk ends its record', async () => {
    const first = await newTicket();
    await scanAndConfirm(cashier, first);
    const a = (await first.desk.call('POST', `/api/desk/tickets/${first.ticket}/redeem`)).body.token as string;
    clock.advance(1000);
    const second = await newTicket();
    await scanAndConfirm(cashier, second);
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

  it('refuses expired, cancelled and reused tickets with clear messages', async () => {
    const expiring = await newTicket();
    clock.advance(181_000);
    const late = await scan(cashier, expiring.ticket);
    expect(late).toMatchObject({
      status: 410,
      body: { code: 'DESK_TICKET_EXPIRED', message: expect.stringContaining('二维码已过期') },
    });
    expect((await expiring.desk.call('GET', `/api/desk/tickets/${expiring.ticket}`)).body.state).toBe('EXPIRED');

    // Confirmed but not redeemed within a minute: gone.
    const slow = await newTicket();
    await scanAndConfirm(cashier, slow);
    clock.advance(61_000);
    expect((await slow.desk.call('POST', `/api/desk/tickets/${slow.ticket}/redeem`)).body.code).toBe(
      'DESK_TICKET_EXPIRED',
    );

    const cancelled = await newTicket();
    await scan(cashier, cancelled.ticket);
    const digits = await codeAt(cancelled.desk, cancelled.ticket);
    expect((await cashier.call('POST', `/api/desk/tickets/${cancelled.ticket}/cancel`)).body.state).toBe('CANCELLED');
    expect((await confirm(cashier, cancelled.ticket, digits)).body).toMatchObject({
      code: 'DESK_TICKET_CANCELLED',
      message: expect.stringContaining('已取消'),
    });
    expect((await cancelled.desk.call('GET', `/api/desk/tickets/${cancelled.ticket}`)).body.state).toBe('CANCELLED');

    // Someone else's scan cannot be confirmed by another phone.
    const other = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
    const taken = await newTicket();
    await scan(cashier, taken.ticket);
    const shown = await codeAt(taken.desk, taken.ticket);
    expect((await scan(other, taken.ticket)).body.code).toBe('DESK_TICKET_STATE');
    expect((await confirm(other, taken.ticket, shown)).body.code).toBe('DESK_TICKET_STATE');

    expect((await scan(cashier, 'not-a-ticket')).status).toBe(400);
  });

  it('confirming one ticket from two phones at once, or redeeming it twice at once, has one winner', async () => {
    const { desk, ticket } = await newTicket();
    await scan(cashier, ticket);
    const digits = await codeAt(desk, ticket);
    const confirms = await Promise.all(Array.from({ length: 5 }, () => confirm(cashier, ticket, digits)));
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

/** #24: desk login must not be phishable by passing the code on, nor disturbed by residents. */
describe('desk login: camera scans, matching digits, staff only', () => {
  it('only a camera scan (launch scene 1047) opens or confirms a ticket; a forwarded picture (1048, 1049) is refused', async () => {
    const t = await newTicket();
    for (const scene of [1048, 1049, 1007]) {
      const refused = await scan(cashier, t.ticket, scene);
      expect(refused).toMatchObject({
        status: 403,
        body: { code: 'DESK_SCAN_REQUIRED', message: expect.stringContaining('扫一扫') },
      });
    }
    // The desk learnt nothing: still waiting, nobody named.
    expect((await t.desk.call('GET', `/api/desk/tickets/${t.ticket}`)).body).toMatchObject({
      state: 'PENDING',
      scannedBy: null,
      matchCode: null,
    });
    // Scanned with the camera, but confirmed from a page opened from a picture: refused, not confirmed.
    expect((await scan(cashier, t.ticket)).status).toBe(200);
    const digits = await codeAt(t.desk, t.ticket);
    expect((await confirm(cashier, t.ticket, digits, 1048)).body.code).toBe('DESK_SCAN_REQUIRED');
    expect((await t.desk.call('GET', `/api/desk/tickets/${t.ticket}`)).body.state).toBe('SCANNED');
    // Without a scene at all the request is malformed.
    const bare = await cashier.call('POST', `/api/desk/tickets/${t.ticket}/confirm`, { body: { code: digits } });
    expect([bare.status, bare.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await confirm(cashier, t.ticket, digits)).body.state).toBe('CONFIRMED');
  });

  it('the desk shows two digits drawn at the scan; the phone never receives them; a wrong answer ends the ticket', async () => {
    const t = await newTicket();
    const created = await t.desk.call('GET', `/api/desk/tickets/${t.ticket}`);
    expect(created.body.matchCode).toBeNull(); // nothing a picture of the waiting desk could carry
    const opened = await scan(cashier, t.ticket);
    expect(JSON.stringify(opened.body)).not.toMatch(/matchCode/);
    const digits = await codeAt(t.desk, t.ticket);
    expect(digits).toMatch(/^\d{2}$/);
    // Opening the page again keeps the digits the desk already shows.
    await scan(cashier, t.ticket);
    expect(await codeAt(t.desk, t.ticket)).toBe(digits);

    const wrong = String((Number(digits) + 1) % 100).padStart(2, '0');
    const refused = await confirm(cashier, t.ticket, wrong);
    expect(refused).toMatchObject({
      status: 409,
      body: { code: 'DESK_CODE_MISMATCH', message: expect.stringContaining('不一致') },
    });
    // One guess only: the ticket is over, the right digits no longer help, the desk cannot redeem.
    expect((await t.desk.call('GET', `/api/desk/tickets/${t.ticket}`)).body.state).toBe('CANCELLED');
    expect((await confirm(cashier, t.ticket, digits)).body.code).toBe('DESK_TICKET_CANCELLED');
    expect((await t.desk.call('POST', `/api/desk/tickets/${t.ticket}/redeem`)).status).toBe(409);
    const malformed = await confirm(cashier, t.ticket, '7');
    expect([malformed.status, malformed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('only staff act on a ticket: for a resident, or a committee row of no one community, it does not exist', async () => {
    // A company-wide committee row grants nothing anywhere (COMMUNITY_ONLY_ROLES): no desk either.
    const companyWide = await staff(h, 'COMMITTEE_MEMBER', { id: null, companyId: A.companyId });
    const unknown = 'Z'.repeat(32);
    for (const who of [owner, companyWide]) {
      const t = await newTicket();
      const answers = [
        await scan(who, t.ticket),
        await who.call('POST', `/api/desk/tickets/${t.ticket}/cancel`),
        await confirm(who, t.ticket, '00'),
      ];
      const none = await who.call('POST', `/api/desk/tickets/${unknown}/cancel`);
      for (const res of answers) {
        expect([res.status, res.body]).toEqual([404, { code: 'NOT_FOUND', message: '二维码不存在' }]);
        expect(res.body).toEqual(none.body);
      }
      // The desk's ticket is untouched: a cashier can still sign in with it.
      expect((await t.desk.call('GET', `/api/desk/tickets/${t.ticket}`)).body.state).toBe('PENDING');
      await scanAndConfirm(cashier, t);
      expect((await t.desk.call('POST', `/api/desk/tickets/${t.ticket}/redeem`)).status).toBe(200);
    }
  });

  it("a committee member signs in at a desk for the committee's work, not for their own ballot or bills", async () => {
    const committee = await staff(h, 'COMMITTEE_MEMBER', { id: A.community.id, companyId: A.companyId });
    const t = await newTicket();
    await scanAndConfirm(committee, t);
    const redeemed = await t.desk.call('POST', `/api/desk/tickets/${t.ticket}/redeem`);
    expect(redeemed.status).toBe(200);
    const token = redeemed.body.token as string;
    const me = await h.call('GET', '/api/me', { token });
    expect(me.body.staff).toEqual([
      expect.objectContaining({
        community: expect.objectContaining({ id: A.community.id }),
        roles: ['COMMITTEE_MEMBER'],
      }),
    ]);
    const elections = await h.call('GET', `/api/committee/communities/${A.community.id}/elections`, { token });
    expect([elections.status, elections.body]).toEqual([200, { items: [] }]);
    // Their own vote and their own bills stay on their phone.
    for (const path of ['/api/elections', '/api/bills/summary'])
      expect((await h.call('GET', path, { token })).body.code).toBe('FORBIDDEN');
    // Property staff pages are no committee's: another community's or the cashier's are not found.
    const fees = await h.call('GET', `/api/staff/communities/${A.community.id}/fee-items`, { token });
    expect(fees.status).toBe(404);
  });

  it('the matching code never fails open: a scanned ticket without its digits (scanned before they existed) confirms with none', async () => {
    const t = await newTicket();
    expect((await scan(cashier, t.ticket)).status).toBe(200);
    // A ticket scanned by the code before the digits were drawn inside the scan: SCANNED, no digits.
    const key = `desk-ticket:${t.ticket}`;
    await h.deps.redis.hdel(key, 'matchCode');
    const res = await confirm(cashier, t.ticket, '42');
    expect([res.status, res.body.code]).toEqual([409, 'DESK_CODE_MISMATCH']);
    expect((await confirm(cashier, t.ticket, '00')).body.code).toBe('DESK_TICKET_CANCELLED');
    expect((await t.desk.call('GET', `/api/desk/tickets/${t.ticket}`)).body.state).toBe('CANCELLED');
    expect((await t.desk.call('POST', `/api/desk/tickets/${t.ticket}/redeem`)).status).toBe(409);
    // The digits are drawn in the same step that records the scan: never SCANNED without them.
    const u = await newTicket();
    await scan(cashier, u.ticket);
    expect(await h.deps.redis.hget(`desk-ticket:${u.ticket}`, 'matchCode')).toMatch(/^\d{2}$/);
  });

  it('the phone is told where the desk is and warned before it types the digits', async () => {
    const t = await newTicket();
    const opened = await scan(cashier, t.ticket);
    expect(opened.body).toMatchObject({
      desk: { ip: expect.stringMatching(/\d/), agent: 'Chrome 130 · Windows', createdAt: clock.now().toISOString() },
      warning: '只在您本人面前的电脑上登录；如有人发来二维码或验证码，请勿操作',
    });
  });

  it('a waiting ticket is cancelled only by its own desk; a phone cancels only what it scanned', async () => {
    const elsewhere = await makeCommunity(h.db, { units: 1 });
    const stranger = await staff(h, 'MANAGER', { id: elsewhere.community.id, companyId: elsewhere.companyId });
    const t = await newTicket();
    for (const who of [stranger, cashier]) {
      const res = await who.call('POST', `/api/desk/tickets/${t.ticket}/cancel`);
      expect([res.status, res.body]).toEqual([404, { code: 'NOT_FOUND', message: '二维码不存在' }]);
    }
    // Another browser cannot cancel it either.
    expect((await deskBrowser().call('POST', `/api/desk/tickets/${t.ticket}/abandon`)).status).toBe(404);
    expect((await t.desk.call('GET', `/api/desk/tickets/${t.ticket}`)).body.state).toBe('PENDING');
    // The scanner of it may cancel it; so may its own desk.
    await scan(cashier, t.ticket);
    expect((await stranger.call('POST', `/api/desk/tickets/${t.ticket}/cancel`)).status).toBe(404);
    expect((await cashier.call('POST', `/api/desk/tickets/${t.ticket}/cancel`)).body.state).toBe('CANCELLED');
    const own = await newTicket();
    const abandoned = await own.desk.call('POST', `/api/desk/tickets/${own.ticket}/abandon`);
    expect(abandoned.body).toEqual({ state: 'CANCELLED' });
    expect((await scan(cashier, own.ticket)).body.code).toBe('DESK_TICKET_CANCELLED');
  });

  it('the desk cookie is not Secure over plain http, and a forged X-Forwarded-Proto is not believed without TRUST_PROXY', async () => {
    const plain = await h.call('POST', '/api/desk/tickets', { headers: { 'user-agent': DESK_UA } });
    expect(plain.headers.get('set-cookie')).not.toMatch(/;\s*secure/i);
    const forged = await h.call('POST', '/api/desk/tickets', {
      headers: { 'user-agent': DESK_UA, 'x-forwarded-proto': 'https' },
    });
    expect(forged.status).toBe(201);
    expect(forged.headers.get('set-cookie')).not.toMatch(/;\s*secure/i);
  });

  it('behind a trusted proxy (TRUST_PROXY) that says https, the desk cookie is Secure; over its http it is not', async () => {
    const t = await startHarness({ env: { TRUST_PROXY: 'true' } });
    try {
      const https = await t.call('POST', '/api/desk/tickets', {
        headers: { 'user-agent': DESK_UA, 'x-forwarded-proto': 'https' },
      });
      expect(https.status).toBe(201);
      expect(https.headers.get('set-cookie')).toMatch(/^wyt_desk=[^;]+;.*;\s*secure;.*httponly/i);
      const http = await t.call('POST', '/api/desk/tickets', {
        headers: { 'user-agent': DESK_UA, 'x-forwarded-proto': 'http' },
      });
      expect(http.headers.get('set-cookie')).not.toMatch(/;\s*secure/i);
    } finally {
      await t.close();
    }
  });
});
