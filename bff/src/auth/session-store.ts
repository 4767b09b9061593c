import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

export type Session = { userId: string; openid: string; createdAt: number };

const hash = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Opaque session tokens in Redis. Keys hold the token's hash, so a copy of Redis does not give
 * working tokens. TTL rolls on every use; sessions are revocable one by one or all of a user's.
 * The WeChat session_key is kept beside them and never leaves the server.
 */
export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds: number,
  ) {}

  async create(session: Omit<Session, 'createdAt'>, wechatSessionKey: string, now: Date): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const h = hash(token);
    const value: Session = { ...session, createdAt: now.getTime() };
    await this.redis
      .multi()
      .set(`sess:${h}`, JSON.stringify(value), 'EX', this.ttlSeconds)
      .sadd(`user-sess:${session.userId}`, h)
      .expire(`user-sess:${session.userId}`, this.ttlSeconds)
      .set(`wx-session-key:${session.userId}`, wechatSessionKey, 'EX', this.ttlSeconds)
      .exec();
    return token;
  }

  /** Returns the session and renews its TTL (rolling), or null when unknown, expired or revoked. */
  async touch(token: string): Promise<Session | null> {
    const key = `sess:${hash(token)}`;
    const results = await this.redis.multi().get(key).expire(key, this.ttlSeconds).exec();
    const raw = results?.[0]?.[1];
    return typeof raw === 'string' ? (JSON.parse(raw) as Session) : null;
  }

  async revoke(token: string): Promise<void> {
    const h = hash(token);
    const raw = await this.redis.get(`sess:${h}`);
    const userId = raw ? (JSON.parse(raw) as Session).userId : null;
    const tx = this.redis.multi().del(`sess:${h}`);
    if (userId) tx.srem(`user-sess:${userId}`, h);
    await tx.exec();
  }

  async revokeAll(userId: string): Promise<number> {
    const hashes = await this.redis.smembers(`user-sess:${userId}`);
    const tx = this.redis.multi().del(`user-sess:${userId}`, `wx-session-key:${userId}`);
    for (const h of hashes) tx.del(`sess:${h}`);
    await tx.exec();
    return hashes.length;
  }
}
