import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Clock } from '../clock.js';

/** `desk`: a desk browser signed in by scanning its code (desk/): shorter lived, staff pages only. */
export type Session = { userId: string; openid: string; createdAt: number; renewedAt?: number; kind?: 'desk' };

/** How long after its last renewal (or its creation) a session's TTL is renewed again by use. */
const RENEW_AFTER_SECONDS = 60;

const hash = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * A session is found by its token alone, so its key has a slot of its own; a user's index of sessions
 * and WeChat session key share the user's slot (hash tag `{userId}`). On a Redis Cluster a MULTI holds
 * one slot's keys, so a change to both is two transactions, ordered so that a failure between them
 * leaves nothing a user could use: the index is written before the session (a dangling hash in an
 * index is harmless, a session missing from it could not be revoked) and the session removed before
 * the index (docs/production.md, Redis Cluster).
 */
export const sessionKey = (h: string) => `sess:${h}`;
export const userSessionsKey = (userId: string) => `user-sess:{${userId}}`;
export const wechatSessionKeyKey = (userId: string) => `wx-session-key:{${userId}}`;
/**
 * The index's name before it had a hash tag: sessions created before that release are listed only
 * there. Read and cleared by revokeAll until the last of them has reached its absolute lifetime
 * (SESSION_MAX_AGE_SECONDS after the release; docs/production.md, Redis Cluster), then remove it.
 */
export const legacyUserSessionsKey = (userId: string) => `user-sess:${userId}`;

export type SessionLifetime = { ttlSeconds: number; maxAgeSeconds: number };

/** Sessions this instance read from Redis, reused for up to a second: at most this many. */
const LOCAL_MAX = 10_000;

/**
 * Opaque session tokens in Redis. Keys hold the token's hash, so a copy of Redis does not give
 * working tokens. The TTL rolls on every use, but never past the absolute lifetime counted from the
 * login; the user's session index and the WeChat session_key (kept beside them, never leaving the
 * server) are renewed together with the session. Sessions are revocable one by one or all of a user's.
 *
 * A session read from Redis is reused by this instance for `localMs` (a second): every request
 * needs its session, and the Redis round trip cost the busiest read (the notice list) a sixth of its
 * throughput. A revocation takes effect at once on the instance that makes it, and within that
 * second on the others.
 */
export class SessionStore {
  private readonly local = new Map<string, { session: Session; until: number }>();
  /** Bumped by every revocation: a read that a revocation overtook is not kept. */
  private revocations = 0;

  constructor(
    private readonly redis: Redis,
    private readonly lifetime: SessionLifetime,
    private readonly clock: Clock,
    private readonly deskLifetime: SessionLifetime = lifetime,
    private readonly localMs = 1000,
  ) {}

  private keep(h: string, session: Session, revocationsBefore: number) {
    if (this.revocations !== revocationsBefore) return;
    this.local.delete(h);
    if (this.local.size >= LOCAL_MAX) this.local.delete(this.local.keys().next().value!);
    this.local.set(h, { session, until: performance.now() + this.localMs });
  }

  private lifetimeOf(session: Session): SessionLifetime {
    return session.kind === 'desk' ? this.deskLifetime : this.lifetime;
  }

  /** Seconds the session may still live: the rolling TTL, capped by its absolute end. */
  private remaining(session: Session): number {
    const lifetime = this.lifetimeOf(session);
    const left = Math.floor((session.createdAt + lifetime.maxAgeSeconds * 1000 - this.clock.now().getTime()) / 1000);
    return Math.min(lifetime.ttlSeconds, left);
  }

  async create(session: Omit<Session, 'createdAt'>, wechatSessionKey: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const h = hash(token);
    const value: Session = { ...session, createdAt: this.clock.now().getTime() };
    const ttl = this.remaining(value);
    await this.redis
      .multi()
      .sadd(userSessionsKey(session.userId), h)
      .expire(userSessionsKey(session.userId), ttl)
      .set(wechatSessionKeyKey(session.userId), wechatSessionKey, 'EX', ttl)
      .exec();
    await this.redis.set(sessionKey(h), JSON.stringify(value), 'EX', ttl);
    return token;
  }

  /**
   * A desk session: no WeChat session key (the phone's stays the phone's). Returns the token, its
   * hash (what the desk login record keeps to revoke it later) and its absolute end.
   */
  async createDesk(userId: string, openid: string): Promise<{ token: string; hash: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const h = hash(token);
    const value: Session = { userId, openid, createdAt: this.clock.now().getTime(), kind: 'desk' };
    const ttl = this.remaining(value);
    await this.redis
      .multi()
      .sadd(userSessionsKey(userId), h)
      .expire(userSessionsKey(userId), ttl, 'NX')
      .expire(userSessionsKey(userId), ttl, 'GT')
      .exec();
    await this.redis.set(sessionKey(h), JSON.stringify(value), 'EX', ttl);
    return { token, hash: h, expiresAt: new Date(value.createdAt + this.deskLifetime.maxAgeSeconds * 1000) };
  }

  /** The hash under which a token is kept (a desk login record refers to its session by it). */
  static hashOf(token: string): string {
    return hash(token);
  }

  /**
   * Returns the session and renews it (rolling), or null when unknown, expired, too old or revoked.
   * No command on most requests (this instance's copy, a second old at most), else one GET: the
   * session records when it was last renewed, and the renewal is written only a minute after that,
   * which no one can tell apart from renewing on every request.
   */
  async touch(token: string): Promise<Session | null> {
    const h = hash(token);
    const revocationsBefore = this.revocations;
    let entry = this.local.get(h);
    if (!entry || entry.until <= performance.now()) {
      const raw = await this.redis.get(sessionKey(h));
      if (raw === null) {
        this.local.delete(h);
        return null;
      }
      entry = { session: JSON.parse(raw) as Session, until: 0 };
      this.keep(h, entry.session, revocationsBefore);
    }
    const current = entry.session;
    const ttl = this.remaining(current);
    if (ttl <= 0) {
      this.local.delete(h);
      await this.redis.del(sessionKey(h));
      await this.redis.srem(userSessionsKey(current.userId), h);
      return null;
    }
    const now = this.clock.now().getTime();
    if (now - (current.renewedAt ?? current.createdAt) < RENEW_AFTER_SECONDS * 1000) return current;
    // The index first, so it never expires before a session it lists. XX: a session revoked since the
    // GET stays gone (and EXPIRE on a missing key does nothing).
    const renewed: Session = { ...current, renewedAt: now };
    await this.redis
      .multi()
      .expire(userSessionsKey(current.userId), ttl, 'GT')
      .expire(wechatSessionKeyKey(current.userId), ttl, 'GT')
      .exec();
    const set = await this.redis.set(sessionKey(h), JSON.stringify(renewed), 'EX', ttl, 'XX');
    // Not written: revoked meanwhile. This request was let in already; the next one reads Redis.
    if (set === 'OK') this.keep(h, renewed, revocationsBefore);
    else this.local.delete(h);
    return renewed;
  }

  async revoke(token: string): Promise<void> {
    await this.revokeHash(hash(token));
  }

  /** Redis first, then this instance's copy: a read that raced the deletion is dropped or not kept. */
  private forget(hashes: string[]) {
    this.revocations += 1;
    for (const h of hashes) this.local.delete(h);
  }

  async revokeHash(h: string): Promise<void> {
    const raw = await this.redis.get(sessionKey(h));
    const userId = raw ? (JSON.parse(raw) as Session).userId : null;
    await this.redis.del(sessionKey(h));
    if (userId) await this.redis.srem(userSessionsKey(userId), h);
    this.forget([h]);
  }

  async revokeAll(userId: string): Promise<number> {
    // The sessions (each in a slot of its own, deleted side by side) before the index that lists them.
    const [hashes, legacy] = await Promise.all([
      this.redis.smembers(userSessionsKey(userId)),
      this.redis.smembers(legacyUserSessionsKey(userId)),
    ]);
    await Promise.all([...hashes, ...legacy].map((h) => this.redis.del(sessionKey(h))));
    if (legacy.length) await this.redis.srem(legacyUserSessionsKey(userId), ...legacy);
    // Only the hashes read: a session created meanwhile stays listed, so a later revocation finds it.
    const tx = this.redis.multi().del(wechatSessionKeyKey(userId));
    if (hashes.length) tx.srem(userSessionsKey(userId), ...hashes);
    await tx.exec();
    this.forget([
      ...hashes,
      ...legacy,
      ...[...this.local].filter(([, e]) => e.session.userId === userId).map(([h]) => h),
    ]);
    return new Set([...hashes, ...legacy]).size;
  }
}
