import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Clock } from '../clock.js';
import { AppError, notFound } from '../errors.js';
import { redisScript } from '../redis.js';

/**
 * Desk login tickets (docs/wechat.md §6): PENDING (≈3 min) → SCANNED (≈2 min) → CONFIRMED (redeem
 * within ≈1 min) → CONSUMED; or CANCELLED / EXPIRED. One Redis hash per ticket; every move is one
 * compare-and-set script, so two phones, two tabs or a replayed request can never both win.
 * Deadlines are read on the BFF's clock (tests move it); the Redis TTL only clears the leftovers.
 */
export type TicketState = 'PENDING' | 'SCANNED' | 'CONFIRMED' | 'CONSUMED' | 'CANCELLED';
export type Ticket = {
  ticket: string;
  state: TicketState | 'EXPIRED';
  expiresAt: Date;
  deskIp: string;
  deskAgent: string;
  createdAt: Date;
  scannerId: string | null;
  scannerName: string | null;
  /** Drawn when a phone opens the ticket, shown only at the desk (docs/wechat.md §6, the matching code). */
  matchCode: string | null;
};

export const TICKET_SECONDS = { PENDING: 180, SCANNED: 120, CONFIRMED: 60 } as const;
/** A finished ticket is kept a little so a second use hears "already used", not "expired". */
const AFTERLIFE_SECONDS = 120;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 32 characters of [0-9A-Za-z]: a valid `scene` as it is (≈190 bits). */
export const newTicketId = () => Array.from({ length: 32 }, () => BASE62[randomInt(62)]).join('');
export const TICKET_ID = /^[0-9A-Za-z]{32}$/;
export const newNonce = () => randomBytes(32).toString('base64url');
/** Two digits, drawn at the scan (after any picture of the code was taken): one blind guess in 100. */
export const newMatchCode = () => String(randomInt(100)).padStart(2, '0');
const hashNonce = (nonce: string) => createHash('sha256').update(nonce).digest('base64url');
const key = (ticket: string) => `desk-ticket:${ticket}`;

/**
 * ARGV: now, allowed states (comma-separated), field to check, its expected value, '1' when the field
 * may be absent, new state, new expiresAt (ms), key TTL (ms), matching code to draw when the ticket
 * has none ('' = none), matching code the person typed ('' = no check), then field/value pairs to set.
 * The field is checked before the state, so someone else's ticket says nothing about its state. The
 * matching code is drawn and checked here, in the same step as the move (docs/wechat.md §6, The
 * matching code): there is no moment when a ticket is SCANNED without its digits, and an absent code
 * never matches. A wrong code ends the ticket in the same step. (Two digits and one guess: a
 * plain comparison's timing tells nothing worth having.)
 */
const MOVE = `
local raw = redis.call('HGETALL', KEYS[1])
if #raw == 0 then return 'MISSING' end
local h = {}
for i = 1, #raw, 2 do h[raw[i]] = raw[i + 1] end
local live = h.state == 'PENDING' or h.state == 'SCANNED' or h.state == 'CONFIRMED'
if live and tonumber(h.expiresAt) <= tonumber(ARGV[1]) then return 'EXPIRED' end
if ARGV[3] ~= '' then
  local v = h[ARGV[3]]
  if v == nil then
    if ARGV[5] ~= '1' then return 'MISMATCH' end
  elseif v ~= ARGV[4] then return 'MISMATCH' end
end
local allowed = false
for s in string.gmatch(ARGV[2], '[^,]+') do if s == h.state then allowed = true end end
if not allowed then return h.state end
if ARGV[10] ~= '' and h.matchCode ~= ARGV[10] then
  redis.call('HSET', KEYS[1], 'state', 'CANCELLED', 'expiresAt', ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[8])
  return 'CODE_MISMATCH'
end
if ARGV[9] ~= '' and h.matchCode == nil then redis.call('HSET', KEYS[1], 'matchCode', ARGV[9]) end
redis.call('HSET', KEYS[1], 'state', ARGV[6], 'expiresAt', ARGV[7], unpack(ARGV, 11))
redis.call('PEXPIRE', KEYS[1], ARGV[8])
return 'OK'
`;
/** One key (the ticket's hash): one slot on a Redis Cluster. */
const moveTicket = redisScript<string>('deskTicketMove', 1, MOVE);

const STATE_ERRORS: Record<string, () => AppError> = {
  MISSING: () => new AppError('DESK_TICKET_EXPIRED', '二维码已过期，请在收银台刷新二维码'),
  EXPIRED: () => new AppError('DESK_TICKET_EXPIRED', '二维码已过期，请在收银台刷新二维码'),
  CONSUMED: () => new AppError('DESK_TICKET_USED', '这个二维码已经用于登录，请在收银台刷新后重新扫码'),
  CANCELLED: () => new AppError('DESK_TICKET_CANCELLED', '已取消这次登录，请在收银台刷新二维码'),
  CODE_MISMATCH: () =>
    new AppError('DESK_CODE_MISMATCH', '数字与电脑屏幕上的不一致，本次登录已取消，请在电脑上刷新二维码后重新扫码'),
};

type Move = {
  from: TicketState[];
  to: TicketState;
  check?: { field: 'nonce' | 'scannerId'; value: string; mayBeAbsent?: boolean };
  set?: Record<string, string>;
  /** Draw this matching code if the ticket has none yet. */
  drawCode?: string;
  /** The matching code typed on the phone: must equal the ticket's (absent never matches). */
  requireCode?: string;
  /** Someone else's ticket (the check field differs) and a state this move cannot leave read as "no such code". */
  hidden?: boolean;
  seconds: number;
};

export class DeskTickets {
  constructor(
    private readonly redis: Redis,
    private readonly clock: Clock,
  ) {}

  async create(nonce: string, desk: { ip: string; agent: string }): Promise<Ticket> {
    const ticket = newTicketId();
    const now = this.clock.now().getTime();
    const expiresAt = now + TICKET_SECONDS.PENDING * 1000;
    await this.redis
      .multi()
      .hset(key(ticket), {
        state: 'PENDING',
        nonce: hashNonce(nonce),
        expiresAt: String(expiresAt),
        createdAt: String(now),
        deskIp: desk.ip,
        deskAgent: desk.agent,
      })
      .expire(key(ticket), TICKET_SECONDS.PENDING + AFTERLIFE_SECONDS)
      .exec();
    return {
      ticket,
      state: 'PENDING',
      expiresAt: new Date(expiresAt),
      deskIp: desk.ip,
      deskAgent: desk.agent,
      createdAt: new Date(now),
      scannerId: null,
      scannerName: null,
      matchCode: null,
    };
  }

  /** The ticket as its desk sees it: only the browser holding its nonce; anyone else finds nothing. */
  async readAtDesk(ticket: string, nonce: string | undefined): Promise<Ticket> {
    const t = await this.read(ticket);
    if (!t || !nonce || t.nonce !== hashNonce(nonce)) throw notFound('二维码');
    return t.view;
  }

  /** The ticket as a scanning phone sees it (no nonce needed: holding the code is the point). */
  async readScanned(ticket: string): Promise<Ticket> {
    const t = await this.read(ticket);
    if (!t) throw STATE_ERRORS.MISSING!();
    if (t.view.state === 'EXPIRED') throw STATE_ERRORS.EXPIRED!();
    return t.view;
  }

  private async read(ticket: string): Promise<{ view: Ticket; nonce: string } | null> {
    const h = await this.redis.hgetall(key(ticket));
    if (!h.state) return null;
    const expiresAt = Number(h.expiresAt);
    const live = h.state === 'PENDING' || h.state === 'SCANNED' || h.state === 'CONFIRMED';
    return {
      nonce: h.nonce!,
      view: {
        ticket,
        state: live && expiresAt <= this.clock.now().getTime() ? 'EXPIRED' : (h.state as TicketState),
        expiresAt: new Date(expiresAt),
        deskIp: h.deskIp ?? '',
        deskAgent: h.deskAgent ?? '',
        createdAt: new Date(Number(h.createdAt)),
        scannerId: h.scannerId ?? null,
        scannerName: h.scannerName ?? null,
        matchCode: h.matchCode ?? null,
      },
    };
  }

  /**
   * A phone opened the code: PENDING → SCANNED by this user (again by the same user: fine), and the
   * matching code is drawn in the same step — once: opening the page again keeps the code the desk
   * already shows.
   */
  async scan(ticket: string, user: { id: string; name: string }) {
    await this.move(ticket, {
      from: ['PENDING', 'SCANNED'],
      to: 'SCANNED',
      check: { field: 'scannerId', value: user.id, mayBeAbsent: true },
      set: { scannerId: user.id, scannerName: user.name },
      drawCode: newMatchCode(),
      seconds: TICKET_SECONDS.SCANNED,
    });
  }

  /** SCANNED by this user → CONFIRMED, only with the desk's digits; a wrong (or absent) code ends the ticket. */
  confirm(ticket: string, userId: string, code: string) {
    // An empty code would skip the check in MOVE: never let one through.
    if (!/^\d{2}$/.test(code)) throw STATE_ERRORS.CODE_MISMATCH!();
    return this.move(ticket, {
      from: ['SCANNED'],
      to: 'CONFIRMED',
      check: { field: 'scannerId', value: userId },
      requireCode: code,
      seconds: TICKET_SECONDS.CONFIRMED,
    });
  }

  /**
   * The phone cancels a ticket it scanned. A waiting ticket nobody scanned, or one someone else
   * scanned, is not this phone's: no such code (docs/wechat.md §6, Cancelling).
   */
  cancel(ticket: string, userId: string) {
    return this.move(ticket, {
      from: ['SCANNED'],
      to: 'CANCELLED',
      check: { field: 'scannerId', value: userId },
      hidden: true,
      seconds: 0,
    });
  }

  /** The desk, with its cookie, gives up its ticket (waiting or scanned); another browser finds none. */
  async abandon(ticket: string, nonce: string | undefined): Promise<void> {
    await this.readAtDesk(ticket, nonce);
    await this.move(ticket, {
      from: ['PENDING', 'SCANNED'],
      to: 'CANCELLED',
      check: { field: 'nonce', value: hashNonce(nonce!) },
      seconds: 0,
    });
  }

  /** The desk, with its cookie, takes a confirmed ticket — exactly once. Returns who confirmed it. */
  async redeem(
    ticket: string,
    nonce: string | undefined,
  ): Promise<{ userId: string; deskIp: string; deskAgent: string }> {
    if (!nonce) throw notFound('二维码');
    const t = await this.readAtDesk(ticket, nonce);
    await this.move(ticket, {
      from: ['CONFIRMED'],
      to: 'CONSUMED',
      check: { field: 'nonce', value: hashNonce(nonce) },
      seconds: 0,
    });
    return { userId: t.scannerId!, deskIp: t.deskIp, deskAgent: t.deskAgent };
  }

  private async move(ticket: string, m: Move): Promise<void> {
    const now = this.clock.now().getTime();
    const pairs = Object.entries(m.set ?? {}).flat();
    const result = await moveTicket(
      this.redis,
      key(ticket),
      String(now),
      m.from.join(','),
      m.check?.field ?? '',
      m.check?.value ?? '',
      m.check?.mayBeAbsent ? '1' : '0',
      m.to,
      String(now + m.seconds * 1000),
      String((m.seconds + AFTERLIFE_SECONDS) * 1000),
      m.drawCode ?? '',
      m.requireCode ?? '',
      ...pairs,
    );
    if (result === 'OK') return;
    if (m.hidden && (result === 'MISMATCH' || result === 'PENDING')) throw notFound('二维码');
    const known = STATE_ERRORS[result];
    if (known) throw known();
    if (result === 'MISMATCH') {
      // Someone else's ticket: for the desk (nonce) that is "no such code"; for a phone, another person scanned it first.
      if (m.check?.field === 'nonce') throw notFound('二维码');
      throw new AppError('DESK_TICKET_STATE', '这个二维码已被其他人扫描');
    }
    const messages: Record<string, string> = {
      PENDING: '请先用微信扫描收银台上的二维码',
      SCANNED: '请在手机上点“确认登录”',
      CONFIRMED: '已确认登录，请在收银台继续',
    };
    throw new AppError('DESK_TICKET_STATE', messages[result] ?? '二维码状态已变化，请刷新后重试');
  }
}
