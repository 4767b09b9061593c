import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors.js';
import type { Config } from '../config.js';

export type Limit = { points: number; durationSeconds: number };

/**
 * A fixed-window limiter on Redis (rate-limiter-flexible), shared by every BFF instance. Going over
 * answers 429 RATE_LIMITED with the seconds to wait; a Redis failure is not a "yes" — it propagates
 * and is answered as a dependency outage.
 */
export class Limiter {
  private readonly limiter: RateLimiterRedis;
  constructor(
    redis: Redis,
    name: string,
    limit: Limit,
    private readonly message: string,
  ) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `rl:${name}`,
      points: limit.points,
      duration: limit.durationSeconds,
    });
  }

  async consume(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      throw new AppError('RATE_LIMITED', this.message, { retryAfterSeconds: Math.ceil(err.msBeforeNext / 1000) });
    }
  }
}

export type Limiters = ReturnType<typeof createLimiters>;

export function createLimiters(redis: Redis, limits: Record<keyof Config['limits'], Limit>) {
  return {
    loginPerIp: new Limiter(redis, 'login-ip', limits.loginPerIp, '登录过于频繁，请稍后再试'),
    // WeChat rate-limits jscode2session per app: past this, bogus codes must not reach it at all.
    loginGlobal: new Limiter(redis, 'login-all', limits.loginGlobal, '当前登录人数较多，请稍后再试'),
    bindRequestsPerUser: new Limiter(redis, 'bind-user', limits.bindRequestsPerUser, '申请过于频繁，请稍后再试'),
    // Per user, what costs a WeChat content check or CPU (docs/conventions.md, Rate limits).
    repairsPerUser: new Limiter(redis, 'repair-user', limits.repairsPerUser, '报修提交过于频繁，请稍后再试'),
    snapshotsPerUser: new Limiter(redis, 'snapshot-user', limits.snapshotsPerUser, '随手拍提交过于频繁，请稍后再试'),
    uploadsPerUser: new Limiter(redis, 'upload-user', limits.uploadsPerUser, '上传图片过于频繁，请稍后再试'),
    staffUploadsPerUser: new Limiter(redis, 'upload-staff', limits.staffUploadsPerUser, '上传文件过于频繁，请稍后再试'),
    urgentPerUser: new Limiter(redis, 'urgent-user', limits.urgentPerUser, '今天加急次数已达上限，请明天再试'),
  };
}
