import type { ContentReview, Prisma } from '@prisma/client';
import type { Redis } from 'ioredis';
import type { Config } from './config.js';
import { systemClock, type Clock } from './clock.js';
import { createDatabase, type Db, type Sql } from './db.js';
import { createLogger, type Logger } from './logger.js';
import { createRedis, type RedisMode } from './redis.js';
import { SessionStore } from './auth/session-store.js';
import { createWechatHttp } from './wechat/http.js';
import { createLoginClient, type LoginClient } from './wechat/login-client.js';
import { createPhoneClient, type PhoneClient } from './wechat/phone-client.js';
import { createRiskClient, type RiskClient } from './wechat/risk-client.js';
import { createSecurityClient, type SecurityClient } from './wechat/security-client.js';
import { createSubscribeClient, type SubscribeClient } from './wechat/subscribe-client.js';
import { createPayClient, type PayClient } from './wechat/pay-client.js';
import { createWxacodeClient, type WxacodeClient } from './wechat/wxacode-client.js';
import { createLimiters, type Limiters } from './http/rate-limit.js';
import { JobQueue } from './jobs/queue.js';
import { createStorage, type Storage } from './storage/index.js';
import { AccessTokenCache, stableTokenFetcher } from './wechat/access-token.js';
import { createMetrics, type Metrics } from './metrics.js';
import { observeStores } from './metrics-stores.js';

/** Who may see an upload claimed by a record of one kind: a check on that record (module.ts `uploadAccess`). */
export type UploadAccessCheck = (deps: Deps, userId: string, recordId: string) => Promise<boolean>;

/** What a manager's moderation decision does to a record of one kind, in the decision's transaction. */
export type ModerationApplier = (
  deps: Deps,
  tx: Prisma.TransactionClient,
  review: ContentReview,
  approved: boolean,
) => Promise<void>;

/**
 * What one module asks of the others by a kind's name, looked up in every module (registry.ts). Built
 * once where the process is composed (app.ts, worker.ts) and handed down here, so no domain imports
 * modules.ts — which imports every domain.
 */
export type Registry = {
  /** The check for uploads claimed by records of `claimKind`; none: only the uploader sees them. */
  uploadAccess(claimKind: string): UploadAccessCheck | undefined;
  /** The applier for reviews of `kind` (`ContentReview.kind`); none: the decision only records itself. */
  moderation(kind: string): ModerationApplier | undefined;
};

/** Everything with a lifetime, built once at start and passed down (docs/conventions.md: deps.ts). */
export type Deps = {
  config: Config;
  /** The modules' lookups by kind (upload access, moderation), from modules.ts via app.ts / worker.ts. */
  registry: Registry;
  db: Db;
  /** The same connections as `db`'s, for prepared hot statements (db.ts). */
  sql: Sql;
  redis: Redis;
  redisMode: RedisMode;
  clock: Clock;
  logger: Logger;
  /** This process's Prometheus registry and counters (metrics.ts), served on a port of its own. */
  metrics: Metrics;
  sessions: SessionStore;
  limits: Limiters;
  jobs: JobQueue;
  storage: Storage;
  /**
   * Ordering points for tests only (never set in production): e.g. hold a ballot after its "still
   * open" check so a test can show that closing waits for it (review finding 11).
   */
  hooks?: {
    afterOpenCheck?: (electionId: string) => Promise<void>;
    afterReminderLock?: (electionId: string) => Promise<void>;
  };
  wechat: {
    login: LoginClient;
    phone: PhoneClient;
    risk: RiskClient;
    security: SecurityClient;
    subscribe: SubscribeClient;
    wxacode: WxacodeClient;
    tokens: AccessTokenCache;
    pay: PayClient | null;
  };
};

/**
 * `role`: the API only sends jobs; a worker also works them, supervises expiry and runs schedules.
 * `registry`: the modules' lookups, which only the composition can build (app.ts `createModuleRegistry`,
 * worker.ts).
 */
export function createDeps(
  config: Config,
  overrides: { registry: Registry; clock?: Clock; logger?: Logger; role?: 'api' | 'worker' },
): Deps {
  const clock = overrides.clock ?? systemClock;
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const { redis, mode } = createRedis(config.redisUrl, config.redisKeyPrefix, config.redisCommandTimeoutMs);
  // ioredis reconnects by itself; without a listener each failed attempt is an "unhandled error".
  let lastRedisWarning = 0;
  redis.on('error', (err: Error) => {
    if (Date.now() - lastRedisWarning < 10_000) return;
    lastRedisWarning = Date.now();
    logger.warn({ err: err.message }, 'redis unavailable, reconnecting');
  });
  const http = createWechatHttp(config.wechat.apiBase, config.wechat.timeoutMs);
  const { appid, secret } = config.wechat;
  const tokens = new AccessTokenCache(redis, stableTokenFetcher(http, appid, secret), clock, { appid });
  const { db, sql } = createDatabase(config.databaseUrl, config.databaseConnectTimeoutMs);
  const role = overrides.role ?? 'api';
  const metrics = createMetrics();
  observeStores({ metrics, sql, redis, redisMode: mode }, role);
  return {
    config,
    registry: overrides.registry,
    db,
    sql,
    redis,
    redisMode: mode,
    clock,
    logger,
    metrics,
    sessions: new SessionStore(redis, config.session, clock, config.deskSession),
    limits: createLimiters(redis, config.limits),
    jobs: new JobQueue(config.jobs, role, logger),
    storage: createStorage(config, clock),
    wechat: {
      login: createLoginClient(http, appid, secret),
      phone: createPhoneClient(http, tokens, appid),
      risk: createRiskClient(http, tokens, appid),
      security: createSecurityClient(http, tokens),
      subscribe: createSubscribeClient(
        config.wechat.apiBase,
        config.wechat.timeoutMs,
        tokens,
        config.wechat.miniprogramState,
      ),
      wxacode: createWxacodeClient(config.wechat.apiBase, config.wechat.timeoutMs, tokens),
      tokens,
      pay: config.pay ? createPayClient(config.pay, config.wechat.timeoutMs) : null,
    },
  };
}

/** Starts what needs a connection before serving (the job queue's own pool and schema). */
export async function startDeps(deps: Deps): Promise<void> {
  await deps.jobs.start();
}

export async function closeDeps(deps: Deps): Promise<void> {
  await deps.jobs.stop({ graceful: true }).catch(() => undefined);
  await Promise.allSettled([deps.db.$disconnect().finally(() => deps.sql.end()), deps.redis.quit()]);
}
